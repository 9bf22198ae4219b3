/**
 * Two engines, one behaviour. Production runs a query on graphql-js first and on graphql-jit from
 * its GRAPHQL_COMPILE_AFTER-th execution, while the integration suites force jit from the first run.
 * This replays every query operation those suites send (test/differential/query-operations.jsonl,
 * recorded by test/support/operation-recorder.ts) against two gateways over identically seeded
 * simulators, one never compiling (graphql-js) and one compiling from the first use (graphql-jit),
 * in the same order, and requires identical answers: status, data, and errors (message, path,
 * locations, extensions). Why this design: docs/decisions/graphql-engines.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { operationKey, type RecordedOperation } from '../support/operation-recorder';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

const CORPUS = join(__dirname, 'query-operations.jsonl');

function loadCorpus(): RecordedOperation[] {
  const seen = new Set<string>();
  const operations: RecordedOperation[] = [];
  for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const operation = JSON.parse(line) as RecordedOperation;
    const key = operationKey(operation);
    if (seen.has(key)) continue;
    seen.add(key);
    operations.push(operation);
  }
  return operations;
}

/** Everything a caller sees, minus what differs per request by design (request ids). */
function comparable(res: GraphQLResponse): unknown {
  return JSON.parse(
    JSON.stringify({ status: res.status, data: res.data ?? null, errors: res.errors ?? null }, (key, value: unknown) =>
      key === 'requestId' ? undefined : value,
    ),
  );
}

const corpus = loadCorpus();
let interpreted: TestStack;
let compiled: TestStack;

beforeAll(async () => {
  // Same seed, same injected clock start, same sequence of operations: the same upstream state.
  interpreted = await startTestStack({ env: { GRAPHQL_COMPILE_AFTER: '0' } });
  // Every operation compiled, however large: the comparison must cover them all.
  compiled = await startTestStack({ env: { GRAPHQL_COMPILE_AFTER: '1', GRAPHQL_COMPILE_MAX_FIELDS: '100000' } });
});
afterAll(async () => {
  await Promise.all([interpreted?.close(), compiled?.close()]);
});

test('the corpus holds the query operations of the integration suites', () => {
  expect(corpus.length).toBeGreaterThan(100);
  expect(corpus.every((operation) => typeof operation.query === 'string')).toBe(true);
});

test('graphql-js and graphql-jit answer every recorded query operation alike', async () => {
  let executed = 0;
  const differences: Array<{ query: string; variables?: unknown; graphqlJs: unknown; graphqlJit: unknown }> = [];
  for (const operation of corpus) {
    const graphqlJs = comparable(await interpreted.gql(operation.query, operation.variables));
    const jitResponse = await compiled.gql(operation.query, operation.variables);
    const graphqlJit = comparable(jitResponse);
    if (jitResponse.data) executed++;
    if (!isDeepStrictEqual(graphqlJs, graphqlJit)) differences.push({ ...operation, graphqlJs, graphqlJit });
  }
  expect(differences).toEqual([]);
  // The comparison means something only if most operations got past validation to an engine.
  expect(executed).toBeGreaterThan(corpus.length * 0.7);
});
