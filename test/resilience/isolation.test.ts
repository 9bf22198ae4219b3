/**
 * A provider that hangs holds only its own resources: its bulkhead fills and sheds further calls
 * at once, while the other provider is served as usual. Hung requests here are released by closing
 * the hung simulator (the deadline is the 10 s default), so nothing depends on timing.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { circuitGauge, circuits, expectNoErrors, ops, providerErrorOf, ROUTES, until } from './resilience-helpers';

describe('a hung Tesselys with a bulkhead of one', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { PROVIDER_MAX_CONCURRENCY: '1', PROVIDER_MAX_QUEUE: '0', PROVIDER_BACKOFF_MS: '1' } });
  });
  afterAll(() => stack.close());

  test('sheds the next Tesselys call with zero upstream calls, while Keyspot creates go through', async () => {
    stack.tesselys.faults.hangNext({ route: ROUTES.list, count: 10 });
    let hungSettled = false;
    const hung = ops.list(stack).finally(() => (hungSettled = true));
    await until(() => stack.tesselys.counters.count(ROUTES.list) === 1);

    const shed = await ops.get(stack);
    const extensions = providerErrorOf(shed, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
    expect(extensions.upstreamStatus).toBeUndefined();
    expect(shed.errors![0]!.message).toContain('too many requests in flight');
    expect(stack.tesselys.counters.count(ROUTES.get)).toBe(0);

    for (let i = 0; i < 2; i++) expectNoErrors(await ops.createKeyspot(stack));
    expect(stack.keyspot.counters.count(ROUTES.keyspotCreate)).toBe(2);
    expect(await circuits(stack)).toEqual({ KEYSPOT: 'CLOSED', TESSELYS: 'CLOSED' });
    expect(hungSettled).toBe(false);

    // Tesselys going away ends the hung call with an error, not a stuck request.
    await stack.tesselys.close();
    providerErrorOf(await hung, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  });
});

describe('a probe in flight', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { PROVIDER_RETRIES: '0', CIRCUIT_BREAKER_THRESHOLD: '1' } });
  });
  afterAll(() => stack.close());

  test('reads HALF_OPEN in `providers` and /metrics, and its failure opens the circuit again', async () => {
    stack.tesselys.faults.failNext({ route: ROUTES.list, status: 503 });
    providerErrorOf(await ops.list(stack), 'PROVIDER_UNAVAILABLE', 'TESSELYS');
    expect(await circuits(stack)).toEqual({ KEYSPOT: 'CLOSED', TESSELYS: 'OPEN' });

    stack.clock.advance(30_000);
    stack.tesselys.faults.hangNext({ route: ROUTES.list });
    const probe = ops.list(stack);
    await until(() => stack.tesselys.counters.count(ROUTES.list) === 2);
    expect(await circuits(stack)).toEqual({ KEYSPOT: 'CLOSED', TESSELYS: 'HALF_OPEN' });
    expect(await circuitGauge(stack, 'TESSELYS')).toBe(1);

    await stack.tesselys.close();
    providerErrorOf(await probe, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
    expect(await circuits(stack)).toEqual({ KEYSPOT: 'CLOSED', TESSELYS: 'OPEN' });
    expect(await circuitGauge(stack, 'TESSELYS')).toBe(2);
  });
});
