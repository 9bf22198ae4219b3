/**
 * The half-open circuit (issue #13, defects 3 and 4): while the one probe is in flight, every
 * other call fails fast with PROVIDER_UNAVAILABLE instead of waiting behind it; and a probe's
 * failure reopens the circuit even when calls joined an identical read in flight.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { circuits, ops, providerErrorOf, ROUTES, until } from './resilience-helpers';

const COOLDOWN_MS = 30_000;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    env: {
      PROVIDER_TIMEOUT_MS: '1000',
      PROVIDER_RETRY_BUDGET_MS: '1000',
      PROVIDER_RETRIES: '0',
      CIRCUIT_BREAKER_THRESHOLD: '1',
      CIRCUIT_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
    },
  });
});
afterAll(() => stack.close());
beforeEach(async () => {
  stack.tesselys.faults.reset();
  stack.clock.advance(COOLDOWN_MS);
  await ops.list(stack); // the probe that closes the circuit left by the previous test
  stack.resetCounters();
});

async function openCircuit(): Promise<void> {
  stack.tesselys.faults.failNext({ route: ROUTES.get, status: 503 });
  providerErrorOf(await ops.get(stack), 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(await circuits(stack)).toMatchObject({ TESSELYS: 'OPEN' });
  stack.resetCounters();
}

test('a call made while the probe hangs fails at once, without reaching the provider, before the probe ends', async () => {
  await openCircuit();
  stack.clock.advance(COOLDOWN_MS);
  stack.tesselys.faults.hangNext({ route: ROUTES.list });
  let probeSettled = false;
  const probe = ops.list(stack).finally(() => (probeSettled = true));
  await until(() => stack.tesselys.counters.count(ROUTES.list) === 1);
  expect(await circuits(stack)).toMatchObject({ TESSELYS: 'HALF_OPEN' });

  const during = await ops.get(stack);
  // Answered while the probe is still hanging: it did not wait for the probe's outcome.
  expect(probeSettled).toBe(false);
  providerErrorOf(during, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(during.errors![0]!.message).toContain('not calling it for now');
  expect(stack.tesselys.counters.count(ROUTES.get)).toBe(0);

  providerErrorOf(await probe, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(await circuits(stack)).toMatchObject({ TESSELYS: 'OPEN' });
});

test('a read that joined a GET in flight since before the circuit opened does not close the circuit when that GET fails', async () => {
  // A list hangs while the circuit is closed...
  stack.tesselys.faults.hangNext({ route: ROUTES.list });
  const first = ops.list(stack);
  await until(() => stack.tesselys.counters.count(ROUTES.list) === 1);
  // ...a failing get opens the circuit, and the cooldown passes...
  stack.tesselys.faults.failNext({ route: ROUTES.get, status: 503 });
  providerErrorOf(await ops.get(stack), 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(await circuits(stack)).toMatchObject({ TESSELYS: 'OPEN' });
  stack.clock.advance(COOLDOWN_MS);
  // ...and an identical list now shares the hung GET, which then times out.
  const second = ops.list(stack);
  providerErrorOf(await first, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  providerErrorOf(await second, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(stack.tesselys.counters.count(ROUTES.list)).toBe(1);
  // Nothing the provider did was a success: the circuit must not have closed.
  expect(await circuits(stack)).toMatchObject({ TESSELYS: 'OPEN' });
});
