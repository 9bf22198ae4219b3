/**
 * Closing the gateway (SIGTERM) while a request waits on a provider that hangs: the request must
 * get its answer (PROVIDER_UNAVAILABLE) before connections are closed. Before the fix its provider
 * call went on (a retry even started during the drain) until the drain's grace ran out, and the
 * client's connection was then cut with no answer at all (for a write: no way to know its fate).
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { ROUTES } from './resilience-helpers';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    omit: ['keyspot'],
    // The provider deadline is far beyond the shutdown grace: only the shutdown can end the call.
    env: { SHUTDOWN_GRACE_MS: '1000', PROVIDER_TIMEOUT_MS: '60000', PROVIDER_RETRIES: '0' },
  });
});
afterAll(() => stack.close());

/** Resolves once the simulator has received `count` requests on `route` (the request is in flight). */
async function received(route: string, count: number): Promise<void> {
  while (stack.tesselys.counters.count(route) < count) await new Promise((resolve) => setImmediate(resolve));
}

test('a request in flight when the gateway closes gets PROVIDER_UNAVAILABLE, not a cut connection', async () => {
  const lead = stack.tesselys.leads()[0]!;
  stack.tesselys.faults.hangNext({ route: ROUTES.get, count: 5 });
  const answer = stack.gql('query($id: ID!) { lead(id: $id) { id } }', { id: `tesselys:${lead.id}` });
  await received(ROUTES.get, 1);

  const closing = stack.gateway.close();
  const res = await answer;
  expect(res.status).toBe(200);
  expect(res.errors?.map((error) => error.extensions?.code)).toEqual(['PROVIDER_UNAVAILABLE']);
  await closing;
  // Nothing was retried during the drain.
  expect(stack.tesselys.counters.count(ROUTES.get)).toBe(1);
});
