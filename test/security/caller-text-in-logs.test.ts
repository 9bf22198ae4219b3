/**
 * Caller text that reaches a log line or an error, attacked over real HTTP on a production-mode gateway (the
 * operation name with a write-only key, what a public web form holds). An operation name or an `_entities`
 * `__typename` can be ~100k characters (the body limit): the log keeps a bounded, escaped start of
 * it, and redaction (linear, on bounded text) cannot stall the process. The per-test timeout below
 * is a liveness bound, not a speed claim: the quadratic e-mail pattern this replaced held the
 * event loop ~15 s on these inputs, so those runs failed by timeout; the assertions on the logged
 * fields fail on that code as well.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { API_KEYS, bearer, CRM_KEY, Recorder, SITE_KEY } from './security-harness';

const LIVENESS_BOUND_MS = 5_000;
const http = new Recorder();
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ env: { NODE_ENV: 'production', API_KEYS } });
});
afterAll(() => stack.close());

const operationLines = () => stack.logs.records().filter((record) => record.msg === 'graphql operation');

test(
  'an operation name of 90k letters is logged cut to its start, with its length',
  async () => {
    const name = 'a'.repeat(90_000);
    const before = operationLines().length;
    const res = await http.gql(stack, `mutation ${name} { __typename }`, undefined, bearer(SITE_KEY));
    expect(res.status).toBeLessThan(500);
    const [line] = operationLines().slice(before);
    expect(line).toBeDefined();
    expect(line!.operationNameLength).toBe(90_000);
    expect(typeof line!.operationName).toBe('string');
    expect((line!.operationName as string).length).toBeLessThanOrEqual(65);
    expect(line!.operationName).toMatch(/…$/);
  },
  LIVENESS_BOUND_MS,
);

test(
  'an _entities __typename of 90k letters is refused quickly, quoted short, and no line holds it',
  async () => {
    const typename = `${'b'.repeat(90_000)}@x`;
    const res = await http.gql(
      stack,
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      { r: [{ __typename: typename, id: 'tesselys:x' }] },
      // A read key: the write-only one is refused before any resolver runs.
      bearer(CRM_KEY),
    );
    expect(res.status).toBeLessThan(500);
    for (const error of res.json.errors as Array<{ message: string }>) expect(error.message.length).toBeLessThan(300);
    expect(stack.logs.lines.every((line) => line.length < 10_000)).toBe(true);
    expect(stack.logs.lines.join('\n')).not.toContain('b'.repeat(100));
  },
  LIVENESS_BOUND_MS,
);

test('a field name of 90k letters comes back in a validation error of bounded length', async () => {
  const res = await http.gql(stack, `{ ${'c'.repeat(90_000)} }`, undefined, bearer(CRM_KEY));
  expect(res.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(res.json.errors[0].message.length).toBeLessThanOrEqual(1_000);
  expect(res.json.errors[0].message).toMatch(/^Cannot query field "ccc.*…$/);
});

test('an ordinary operation name is logged whole, without a length field', async () => {
  const before = operationLines().length;
  await http.gql(stack, 'mutation SubmitContactForm { __typename }', undefined, bearer(SITE_KEY));
  const [line] = operationLines().slice(before);
  expect(line).toMatchObject({ operationName: 'SubmitContactForm' });
  expect(line).not.toHaveProperty('operationNameLength');
});
