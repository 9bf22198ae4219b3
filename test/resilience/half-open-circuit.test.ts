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

describe('a probe that joins a read in flight since before the circuit opened', () => {
  // A call's budget shorter than the request deadline: each caller gives up before the read
  // itself would time out, so the probe's own outcome comes after the first caller's.
  let own: TestStack;
  beforeAll(async () => {
    own = await startTestStack({
      env: {
        PROVIDER_TIMEOUT_MS: '2000',
        PROVIDER_RETRY_BUDGET_MS: '500',
        PROVIDER_RETRIES: '0',
        CIRCUIT_BREAKER_THRESHOLD: '1',
        CIRCUIT_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
        // The second list must reach the provider call to join it: not share the first's execution above it.
        GRAPHQL_SHARE_IDENTICAL: '0',
      },
    });
  });
  afterAll(() => own.close());

  test('does not close the circuit when that read fails', async () => {
    // A list hangs while the circuit is closed...
    own.tesselys.faults.hangNext({ route: ROUTES.list });
    const first = ops.list(own);
    await until(() => own.tesselys.counters.count(ROUTES.list) === 1);
    // ...a failing get opens the circuit, and the cooldown passes...
    own.tesselys.faults.failNext({ route: ROUTES.get, status: 503 });
    providerErrorOf(await ops.get(own), 'PROVIDER_UNAVAILABLE', 'TESSELYS');
    expect(await circuits(own)).toMatchObject({ TESSELYS: 'OPEN' });
    own.clock.advance(COOLDOWN_MS);
    // ...an identical list now shares the hung read, which then times out for both.
    const second = ops.list(own);
    // It has joined the read (or, admitted as the probe, turned the circuit half-open) once either is logged.
    await until(() =>
      own.logs.lines.some((line) => line.includes('joined an identical call in flight') || line.includes('"circuit":"half-open"')),
    );
    providerErrorOf(await first, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
    providerErrorOf(await second, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
    expect(own.tesselys.counters.count(ROUTES.list)).toBe(1);
    // Nothing the provider did was a success: the circuit must not have closed.
    expect(await circuits(own)).not.toMatchObject({ TESSELYS: 'CLOSED' });
  });
});
