/**
 * Deadlines and retries against injected faults, counted at the simulators: reads are retried
 * after a 5xx or a timeout within bounded attempts; writes are sent exactly once whatever happens
 * after they may have reached the provider; a hung provider costs one deadline, not a stuck
 * request; 429 waits only when Retry-After fits the budget.
 */
import { startTesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { startTestStack, type TestStack } from '../support/test-stack';
import { expectNoErrors, FAST, logRecords, ops, providerErrorOf, ROUTES } from './resilience-helpers';

let stack: TestStack;
beforeAll(async () => {
  // A breaker that never opens here: this file counts attempts, the breaker has its own file.
  stack = await startTestStack({ env: { ...FAST, CIRCUIT_BREAKER_THRESHOLD: '1000' } });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.tesselys.faults.reset();
  stack.keyspot.faults.reset();
  stack.resetCounters();
});

describe('reads', () => {
  test('a GET answered 503 twice, then 200, succeeds after exactly 3 GETs', async () => {
    stack.tesselys.faults.failNext({ route: ROUTES.get, status: 503, count: 2 });
    const res = await ops.get(stack);
    expectNoErrors(res);
    expect(res.data!.lead.id).toBe(`tesselys:${stack.tesselys.leads()[0]!.id}`);
    expect(stack.tesselys.counters.count(ROUTES.get)).toBe(3);
  });

  test('a list that keeps answering 503 → PROVIDER_UNAVAILABLE after 1 + PROVIDER_RETRIES GETs', async () => {
    stack.tesselys.faults.failNext({ route: ROUTES.list, status: 503, count: 10 });
    const extensions = providerErrorOf(await ops.list(stack), 'PROVIDER_UNAVAILABLE', 'TESSELYS');
    expect(extensions.upstreamStatus).toBe(503);
    expect(stack.tesselys.counters.count(ROUTES.list)).toBe(3);
  });

  test('a hung GET is abandoned at the deadline and retried: the second attempt answers', async () => {
    stack.tesselys.faults.hangNext({ route: ROUTES.get });
    const res = await ops.get(stack);
    expectNoErrors(res);
    expect(stack.tesselys.counters.count(ROUTES.get)).toBe(2);
  });

  test('a GET that hangs every time → PROVIDER_UNAVAILABLE ("did not answer in time") after 3 attempts', async () => {
    stack.tesselys.faults.hangNext({ route: ROUTES.get, count: 3 });
    const res = await ops.get(stack);
    const extensions = providerErrorOf(res, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
    expect(extensions.upstreamStatus).toBeUndefined();
    expect(res.errors![0]!.message).toBe('TESSELYS did not answer in time.');
    expect(stack.tesselys.counters.count(ROUTES.get)).toBe(3);
  });

  test('a 4xx is an answer, not a fault: never retried', async () => {
    stack.tesselys.faults.failNext({ route: ROUTES.list, status: 400, body: { message: 'page must be a number' } });
    providerErrorOf(await ops.list(stack), 'PROVIDER_REJECTED', 'TESSELYS');
    expect(stack.tesselys.counters.count(ROUTES.list)).toBe(1);
  });
});

describe('writes', () => {
  test.each([
    ['Tesselys createLead', ROUTES.tesselysCreate, 'TESSELYS', ops.createTesselys] as const,
    ['Keyspot createLead', ROUTES.keyspotCreate, 'KEYSPOT', ops.createKeyspot] as const,
    ['Tesselys updateLead', ROUTES.update, 'TESSELYS', ops.update] as const,
  ])('%s answered 503 → PROVIDER_UNAVAILABLE after exactly one request', async (_name, route, provider, run) => {
    const sim = provider === 'KEYSPOT' ? stack.keyspot : stack.tesselys;
    sim.faults.failNext({ route, status: 503, count: 5 });
    const extensions = providerErrorOf(await run(stack), 'PROVIDER_UNAVAILABLE', provider);
    expect(extensions.upstreamStatus).toBe(503);
    expect(sim.counters.count(route)).toBe(1);
  });

  test.each([
    ['Tesselys', ROUTES.tesselysCreate, 'TESSELYS', ops.createTesselys] as const,
    ['Keyspot', ROUTES.keyspotCreate, 'KEYSPOT', ops.createKeyspot] as const,
  ])(
    'a hung %s create → PROVIDER_UNAVAILABLE after one POST; the socket is released and the next create works',
    async (_name, route, provider, run) => {
      const sim = provider === 'KEYSPOT' ? stack.keyspot : stack.tesselys;
      sim.faults.hangNext({ route });
      const res = await run(stack);
      providerErrorOf(res, 'PROVIDER_UNAVAILABLE', provider);
      expect(res.errors![0]!.message).toBe(`${provider} did not answer in time.`);
      expect(sim.counters.count(route)).toBe(1);

      expectNoErrors(await run(stack));
      expect(sim.counters.count(route)).toBe(2);
    },
  );

  test('a 429 on a create is not retried, even with Retry-After: 0', async () => {
    stack.tesselys.faults.failNext({ route: ROUTES.tesselysCreate, status: 429, headers: { 'retry-after': '0' } });
    const extensions = providerErrorOf(await ops.createTesselys(stack), 'PROVIDER_RATE_LIMITED', 'TESSELYS');
    expect(extensions.retryAfterSeconds).toBe(0);
    expect(stack.tesselys.counters.count(ROUTES.tesselysCreate)).toBe(1);
  });
});

describe('429 and Retry-After', () => {
  test('Retry-After: 0 on a read fits the budget: retried once, and the read succeeds', async () => {
    stack.tesselys.faults.failNext({ route: ROUTES.list, status: 429, headers: { 'retry-after': '0' } });
    expectNoErrors(await ops.list(stack));
    expect(stack.tesselys.counters.count(ROUTES.list)).toBe(2);
  });

  test('Retry-After: 3 is beyond the 2 s budget → PROVIDER_RATE_LIMITED with retryAfterSeconds 3 after one request', async () => {
    stack.tesselys.faults.failNext({ route: ROUTES.list, status: 429, headers: { 'retry-after': '3' } });
    const extensions = providerErrorOf(await ops.list(stack), 'PROVIDER_RATE_LIMITED', 'TESSELYS');
    expect(extensions).toMatchObject({ upstreamStatus: 429, retryAfterSeconds: 3 });
    expect(stack.tesselys.counters.count(ROUTES.list)).toBe(1);
  });

  test('Retry-After as an HTTP date two minutes ahead → PROVIDER_RATE_LIMITED with about 120 seconds, one request', async () => {
    const date = new Date(Date.now() + 120_000).toUTCString();
    stack.tesselys.faults.failNext({ route: ROUTES.get, status: 429, headers: { 'retry-after': date } });
    const extensions = providerErrorOf(await ops.get(stack), 'PROVIDER_RATE_LIMITED', 'TESSELYS');
    expect(extensions.retryAfterSeconds).toBeGreaterThanOrEqual(110);
    expect(extensions.retryAfterSeconds).toBeLessThanOrEqual(121);
    expect(stack.tesselys.counters.count(ROUTES.get)).toBe(1);
  });

  test('Retry-After as an HTTP date already past fits the budget: retried at once', async () => {
    stack.tesselys.faults.failNext({ route: ROUTES.get, status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' } });
    expectNoErrors(await ops.get(stack));
    expect(stack.tesselys.counters.count(ROUTES.get)).toBe(2);
  });
});

describe('a refused connection', () => {
  test('is retried even for a write (nothing reached the provider), within PROVIDER_RETRIES', async () => {
    const gone = await startTesselysSimulator();
    const closedUrl = gone.url;
    await gone.close();
    // A static Keyspot token, so the refused request is the lead POST itself rather than a token call.
    const refused = await startTestStack({
      env: {
        ...FAST,
        TESSELYS_BASE_URL: closedUrl,
        KEYSPOT_BASE_URL: closedUrl,
        KEYSPOT_CLIENT_ID: undefined,
        KEYSPOT_CLIENT_SECRET: undefined,
        KEYSPOT_API_TOKEN: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl',
      },
    });
    try {
      for (const [run, provider] of [
        [ops.createTesselys, 'TESSELYS'],
        [ops.createKeyspot, 'KEYSPOT'],
      ] as const) {
        const from = refused.logs.lines.length;
        const res = await run(refused);
        expect(res.errors![0]!.message).toBe(`${provider} could not be reached.`);
        providerErrorOf(res, 'PROVIDER_UNAVAILABLE', provider);
        const retries = logRecords(refused, 'retrying upstream call', from);
        expect(retries.map((r) => [r.provider, r.fault])).toEqual([
          [provider, 'refused'],
          [provider, 'refused'],
        ]);
        const failed = logRecords(refused, 'upstream request failed', from);
        expect(failed.map((r) => [r.method, r.cause])).toEqual([['POST', 'ECONNREFUSED']]);
      }
    } finally {
      await refused.close();
    }
  });
});

describe('an absurd Retry-After', () => {
  test('99999999999 s is capped: reported as the cap (an hour), and not waited for', async () => {
    stack.tesselys.faults.failNext({ route: ROUTES.list, status: 429, headers: { 'retry-after': '99999999999' } });
    const extensions = providerErrorOf(await ops.list(stack), 'PROVIDER_RATE_LIMITED', 'TESSELYS');
    expect(extensions).toMatchObject({ upstreamStatus: 429, retryAfterSeconds: 3600 });
    expect(stack.tesselys.counters.count(ROUTES.list)).toBe(1);
  });
});
