/**
 * The executor's sharing of identical queries in flight (graphql/shared-executions.ts), on a small
 * schema whose resolver waits for the test: one execution for identical requests of one caller,
 * none across callers or variables, a failed run shared unless its client went away, and no query
 * that starts after a mutation (or an invalidation) joining one that began before it.
 */
import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema, getOperationAST, GraphQLError, parse, type DocumentNode } from 'graphql';
import { compiledExecution } from '../../src/graphql/compiled-execution';
import { SharedExecutions, shareKey } from '../../src/graphql/shared-executions';

const schema = buildSchema(`
  type Query { count(label: String): String }
  type Mutation { write: String }
`);
let version = 0;
let executions = 0;
let failNext = false;
let gate: { promise: Promise<void>; open: () => void } = newGate();
function newGate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
schema.getQueryType()!.getFields().count!.resolve = async (_source, args: { label?: string }) => {
  executions++;
  const seen = version;
  await gate.promise;
  if (failNext) {
    failNext = false;
    throw new GraphQLError('the provider said no');
  }
  return `${args.label ?? ''}${seen}`;
};
schema.getMutationType()!.getFields().write!.resolve = () => String(++version);

const caller = (name: string) => ({ tenant: 'acme', name, scopes: new Set(['leads:read']) });
const QUERY = parse('query ($label: String) { count(label: $label) }');
const MUTATION = parse('mutation { write }');

async function setUp() {
  const executions = new SharedExecutions();
  const engine = compiledExecution(schema, {
    compileAfter: 0,
    sharing: {
      executions,
      keyOf: (request) =>
        shareKey(
          (request.context as { caller: ReturnType<typeof caller> }).caller,
          request.document,
          request.operationName,
          request.request.variables,
        ),
      signalOf: (request) => (request.context as { signal?: AbortSignal }).signal,
    },
  });
  const { executor } = await engine.load({ apollo: {} });
  return { shared: executions, executor: executor! };
}

function run(
  executor: GatewayExecutor,
  document: DocumentNode,
  who = caller('app'),
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
) {
  const request = {
    document,
    operation: getOperationAST(document, null) ?? undefined,
    operationName: null,
    request: { variables, http: { method: 'POST', url: '/graphql', headers: new Map() } },
    context: { caller: who, signal },
  };
  return executor(request as unknown as GatewayGraphQLRequestContext);
}

/** Lets every promise settled so far run its reactions (the executor's awaits). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  executions = 0;
  failNext = false;
  gate = newGate();
});

test('identical queries of one caller in flight run once and all get the result', async () => {
  const { shared, executor } = await setUp();
  const answers = [run(executor, QUERY), run(executor, QUERY), run(executor, QUERY)];
  await settle();
  gate.open();
  const results = await Promise.all(answers);
  expect(executions).toBe(1);
  expect(shared.joined).toBe(2);
  expect(new Set(results.map((r) => r.data))).toEqual(new Set([results[0]!.data]));
  expect(shared.size).toBe(0);
});

test('another caller, other scopes or other variables run on their own', async () => {
  const { shared, executor } = await setUp();
  const other = { ...caller('app'), scopes: new Set(['leads:read', 'leads:write']) };
  const answers = [
    run(executor, QUERY),
    run(executor, QUERY, caller('another-app')),
    run(executor, QUERY, other),
    run(executor, QUERY, caller('app'), { label: 'x' }),
    run(executor, QUERY, { ...caller('app'), tenant: 'globex' }),
  ];
  await settle();
  gate.open();
  await Promise.all(answers);
  expect(executions).toBe(5);
  expect(shared.joined).toBe(0);
});

test('a joiner shares a failed run too (the same provider calls would have failed for it), without running again', async () => {
  const { shared, executor } = await setUp();
  failNext = true;
  const first = run(executor, QUERY);
  const joiner = run(executor, QUERY);
  await settle();
  gate.open();
  expect((await first).errors?.map((e) => e.message)).toEqual(['the provider said no']);
  expect((await joiner).errors?.map((e) => e.message)).toEqual(['the provider said no']);
  expect(executions).toBe(1);
  expect(shared.joined).toBe(1);
});

test('when the first request’s client went away and its run failed, a joiner runs the query itself', async () => {
  const { shared, executor } = await setUp();
  const gone = new AbortController();
  failNext = true;
  const first = run(executor, QUERY, caller('app'), {}, gone.signal);
  const joiner = run(executor, QUERY);
  await settle();
  gone.abort();
  gate.open();
  expect((await first).errors).toHaveLength(1);
  expect(await joiner).toEqual({ data: { count: String(version) } });
  expect(executions).toBe(2);
  expect(shared.joined).toBe(0);
});

test('a query that starts after a mutation completed never joins one that began before it', async () => {
  const { executor } = await setUp();
  const before = run(executor, QUERY);
  await settle();
  expect(await run(executor, MUTATION)).toEqual({ data: { write: String(version) } });
  const after = run(executor, QUERY);
  await settle();
  gate.open();
  expect(await before).toEqual({ data: { count: String(version - 1) } });
  expect(await after).toEqual({ data: { count: String(version) } });
  expect(executions).toBe(2);
});

test('invalidate() retires executions in flight: later queries start afresh, earlier joiners keep theirs', async () => {
  const { shared, executor } = await setUp();
  const first = run(executor, QUERY);
  const joiner = run(executor, QUERY);
  await settle();
  shared.invalidate();
  const later = run(executor, QUERY);
  await settle();
  gate.open();
  await Promise.all([first, joiner, later]);
  expect(executions).toBe(2);
  expect(shared.joined).toBe(1);
});

test('shareKey: no caller, no sharing; the key never holds the document text', () => {
  expect(shareKey(undefined, QUERY, null, {})).toBeUndefined();
  const key = shareKey(caller('app'), QUERY, null, { label: 'x' })!;
  expect(key).not.toContain('count');
  expect(shareKey(caller('app'), parse('{ count }'), null, { label: 'x' })).not.toBe(key);
});

test('shareKey: variables too deep to serialise mean running alone, not an exception', () => {
  const depth = 20_000;
  const deep = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;
  expect(shareKey(caller('app'), QUERY, null, { x: deep })).toBeUndefined();
});
