/**
 * One circuit breaker per provider: after CIRCUIT_BREAKER_THRESHOLD consecutive failures the
 * provider is not called at all (PROVIDER_UNAVAILABLE at once) until the cooldown passes on the
 * injected clock; then one probe decides. The state shows in `providers { health }` and in
 * /metrics, and the other provider never notices.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { circuitGauge, circuits, expectNoErrors, FAST, ops, providerErrorOf, ROUTES } from './resilience-helpers';

const COOLDOWN_MS = 30_000;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    env: { ...FAST, PROVIDER_RETRIES: '0', CIRCUIT_BREAKER_THRESHOLD: '3', CIRCUIT_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS) },
  });
});
afterAll(() => stack.close());
beforeEach(async () => {
  stack.tesselys.faults.reset();
  stack.keyspot.faults.reset();
  // Each test starts from a closed circuit: move past any cooldown and let one success through.
  stack.clock.advance(COOLDOWN_MS);
  expectNoErrors(await ops.list(stack));
  stack.resetCounters();
});

async function openTesselysCircuit(): Promise<void> {
  stack.tesselys.faults.failNext({ route: ROUTES.list, status: 503, count: 3 });
  for (let i = 0; i < 3; i++) providerErrorOf(await ops.list(stack), 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(stack.tesselys.counters.count(ROUTES.list)).toBe(3);
  stack.resetCounters();
}

test('both circuits start closed, in `providers` and in /metrics', async () => {
  expect(await circuits(stack)).toEqual({ KEYSPOT: 'CLOSED', TESSELYS: 'CLOSED' });
  expect(await circuitGauge(stack, 'TESSELYS')).toBe(0);
  expect(await circuitGauge(stack, 'KEYSPOT')).toBe(0);
});

test('three consecutive failures open the circuit: the next call fails at once with zero upstream calls', async () => {
  await openTesselysCircuit();
  expect(await circuits(stack)).toEqual({ KEYSPOT: 'CLOSED', TESSELYS: 'OPEN' });
  expect(await circuitGauge(stack, 'TESSELYS')).toBe(2);
  const health = (await ops.health(stack)).data!.providers.find((p: { provider: string }) => p.provider === 'TESSELYS').health;
  expect(health).toEqual({ circuit: 'OPEN', consecutiveFailures: 3 });

  for (const run of [ops.list, ops.get, ops.createTesselys, ops.update]) {
    const res = await run(stack);
    const extensions = providerErrorOf(res, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
    expect(extensions.upstreamStatus).toBeUndefined();
    expect(res.errors![0]!.message).toContain('not calling it for now');
  }
  expect(stack.tesselys.counters.count()).toBe(0);
});

test('an open Tesselys circuit leaves Keyspot alone', async () => {
  await openTesselysCircuit();
  for (let i = 0; i < 2; i++) {
    const res = await ops.createKeyspot(stack);
    expectNoErrors(res);
    expect(res.data!.createLead.lead.provider).toBe('KEYSPOT');
  }
  expect(stack.keyspot.counters.count(ROUTES.keyspotCreate)).toBe(2);
  expect(stack.tesselys.counters.count()).toBe(0);
  expect(await circuits(stack)).toEqual({ KEYSPOT: 'CLOSED', TESSELYS: 'OPEN' });
});

test('after the cooldown one probe goes through, and its success closes the circuit', async () => {
  await openTesselysCircuit();
  stack.clock.advance(COOLDOWN_MS - 1);
  providerErrorOf(await ops.list(stack), 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(stack.tesselys.counters.count()).toBe(0);

  stack.clock.advance(1);
  expectNoErrors(await ops.list(stack));
  expect(stack.tesselys.counters.count(ROUTES.list)).toBe(1);
  expect(await circuits(stack)).toEqual({ KEYSPOT: 'CLOSED', TESSELYS: 'CLOSED' });
  expect(await circuitGauge(stack, 'TESSELYS')).toBe(0);
});

test('a failed probe opens the circuit again for a new cooldown', async () => {
  await openTesselysCircuit();
  stack.clock.advance(COOLDOWN_MS);
  stack.tesselys.faults.failNext({ route: ROUTES.list, status: 503 });
  providerErrorOf(await ops.list(stack), 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(stack.tesselys.counters.count(ROUTES.list)).toBe(1);
  expect(await circuits(stack)).toMatchObject({ TESSELYS: 'OPEN' });

  providerErrorOf(await ops.list(stack), 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(stack.tesselys.counters.count(ROUTES.list)).toBe(1);
});

test('any answer ends a run of failures: 503, 503, 400, 503, 503 leaves the circuit closed', async () => {
  for (const status of [503, 503, 400, 503, 503]) {
    stack.tesselys.faults.failNext({ route: ROUTES.list, status });
    await ops.list(stack);
  }
  expect(stack.tesselys.counters.count(ROUTES.list)).toBe(5);
  expect(await circuits(stack)).toMatchObject({ TESSELYS: 'CLOSED' });
  expect((await ops.health(stack)).data!.providers.find((p: { provider: string }) => p.provider === 'TESSELYS').health).toEqual({
    circuit: 'CLOSED',
    consecutiveFailures: 2,
  });
});

test('timeouts count as failures too', async () => {
  stack.tesselys.faults.hangNext({ route: ROUTES.list, count: 3 });
  for (let i = 0; i < 3; i++) providerErrorOf(await ops.list(stack), 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(await circuits(stack)).toMatchObject({ TESSELYS: 'OPEN' });
});

test('identical reads sharing one hung upstream GET count as one failure, not one per caller', async () => {
  stack.tesselys.faults.hangNext({ route: ROUTES.list });
  // Three identical list operations at once join the same upstream GET, which hangs.
  const results = await Promise.all([ops.list(stack), ops.list(stack), ops.list(stack)]);
  for (const res of results) providerErrorOf(res, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(stack.tesselys.counters.count(ROUTES.list)).toBe(1);
  // Threshold 3: counted per caller this would have opened the circuit.
  expect(await circuits(stack)).toEqual({ KEYSPOT: 'CLOSED', TESSELYS: 'CLOSED' });
  const health = await stack.gql('{ providers { provider health { consecutiveFailures } } }');
  expect(health.data!.providers.find((p: { provider: string }) => p.provider === 'TESSELYS').health.consecutiveFailures).toBe(1);
});
