/**
 * Calls waiting for a bulkhead slot while the provider hangs: each ends with its budget once it
 * gets a slot, and frees that slot for the next one, so a burst never leaves requests (or queue
 * places) stuck behind a slot nobody uses. Found in review: cockatiel's bulkhead, when it drops a
 * waiter whose signal has fired, does not start the next waiter.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { expectNoErrors, ops, ROUTES } from './resilience-helpers';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    env: {
      PROVIDER_TIMEOUT_MS: '200',
      PROVIDER_RETRY_BUDGET_MS: '500',
      PROVIDER_RETRIES: '2',
      PROVIDER_BACKOFF_MS: '1',
      CIRCUIT_BREAKER_THRESHOLD: '1000',
      PROVIDER_MAX_CONCURRENCY: '1',
      PROVIDER_MAX_QUEUE: '4',
    },
  });
});
afterAll(() => stack.close());

const FOUR_LEADS = `query Four($a: ID!, $b: ID!, $c: ID!, $d: ID!) {
  a: lead(id: $a) { id } b: lead(id: $b) { id } c: lead(id: $c) { id } d: lead(id: $d) { id }
}`;

test('four reads of a hung provider through one slot (three queued): all four answer PROVIDER_UNAVAILABLE, and the slot serves the next read', async () => {
  const [a, b, c, d] = stack.tesselys
    .leads()
    .slice(0, 4)
    .map((lead) => `tesselys:${lead.id}`);
  for (let round = 0; round < 3; round++) {
    stack.tesselys.faults.reset();
    stack.tesselys.faults.hangNext({ route: ROUTES.get, count: 1000 });
    const res = await stack.gql(FOUR_LEADS, { a, b, c, d });
    expect(res.data).toEqual({ a: null, b: null, c: null, d: null });
    expect(res.errors?.map((error) => error.extensions?.code)).toEqual(Array(4).fill('PROVIDER_UNAVAILABLE'));
  }
  stack.tesselys.faults.reset();
  expectNoErrors(await ops.get(stack));
}, 20_000);
