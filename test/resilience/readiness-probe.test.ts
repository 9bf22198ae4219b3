/**
 * The provider side of readiness (issue #13, defect 2): `ProviderConnection.probe()` makes one
 * attempt with its own short deadline, outside the policy: it never retries, never waits for or
 * takes a bulkhead slot, and never counts towards (or is refused by) the circuit breaker.
 */
import { SharedProviderPools } from '../../src/providers/provider-pools';
import { ErrorCode } from '../../src/errors/error-codes';
import { LeadOrderField, OrderDirection } from '../../src/leads/enums/lead-order.enums';
import { keyspotModule } from '../../src/providers/keyspot';
import { startKeyspotSimulator } from '../../src/providers/keyspot/simulator/keyspot.simulator';
import { DEFAULT_RESILIENCE_SETTINGS } from '../../src/providers/resilience/resilience-settings';
import { captureLogs } from '../support/log-capture';
import { testClock } from '../support/test-stack';
import { ROUTES, until } from './resilience-helpers';
import { settled, startConnectionHarness, type ConnectionHarness } from './provider-connection-harness';

describe('Tesselys', () => {
  let harness: ConnectionHarness;
  beforeEach(async () => {
    // Long request deadlines, retries and a breaker that opens on one failure: the probe must use none of them.
    harness = await startConnectionHarness({
      timeoutMs: 60_000,
      retryBudgetMs: 120_000,
      retries: 5,
      backoffBaseMs: 1,
      breakerThreshold: 1,
      maxConcurrent: 1,
      maxQueued: 0,
    });
  });
  afterEach(() => harness.close());

  test('a healthy provider: resolves after one request', async () => {
    await harness.connection.probe();
    expect(harness.sim.counters.count(ROUTES.list)).toBe(1);
  });

  test('a 503: rejects after one request, without retrying or counting towards the breaker', async () => {
    harness.sim.faults.failNext({ route: ROUTES.list, status: 503, count: 5 });
    await expect(harness.connection.probe()).rejects.toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
    expect(harness.sim.counters.count(ROUTES.list)).toBe(1);
    expect(harness.connection.health()).toEqual({ circuit: 'closed', consecutiveFailures: 0 });
  });

  test('a hung provider: rejects at the probe’s own deadline (not the 60 s request deadline), one request', async () => {
    harness.sim.faults.hangNext({ route: ROUTES.list });
    await expect(harness.connection.probe()).rejects.toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
    expect(harness.sim.counters.count(ROUTES.list)).toBe(1);
    expect(harness.connection.health().consecutiveFailures).toBe(0);
  });

  test('goes through while the bulkhead is full and while the circuit is open', async () => {
    harness.sim.faults.failNext({ route: ROUTES.get, status: 503 });
    const adapter = harness.connection.forRequest(harness.scope());
    await expect(adapter.getLead!('some-id')).rejects.toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
    expect(harness.connection.health().circuit).toBe('open');
    await harness.connection.probe();

    harness.clock.advance(DEFAULT_RESILIENCE_SETTINGS.breakerCooldownMs);
    harness.sim.faults.hangNext({ route: ROUTES.list });
    const occupying = settled(
      adapter.listLeads!({ orderBy: LeadOrderField.CREATED_AT, direction: OrderDirection.DESC }, { offset: 3, limit: 3 }),
    );
    await until(() => harness.sim.counters.count(ROUTES.list) === 2);
    await harness.connection.probe();
    expect(harness.sim.counters.count(ROUTES.list)).toBe(3);
    await harness.sim.close();
    expect((await occupying).ok).toBe(false);
  });
});

describe('Keyspot (client credentials)', () => {
  test('one token call outside the policy; a refused one fails once and leaves the breaker alone', async () => {
    const clock = testClock();
    const sim = await startKeyspotSimulator({ now: clock.now });
    const logs = captureLogs();
    const pools = new SharedProviderPools();
    const connection = keyspotModule.connect(
      { baseUrl: sim.url, auth: { kind: 'client-credentials', ...sim.credentials } },
      {
        logger: logs.logger,
        now: clock.now,
        resilience: { ...DEFAULT_RESILIENCE_SETTINGS, retries: 5, breakerThreshold: 1, backoffBaseMs: 1 },
      },
      { demo: false, pools },
    );
    try {
      await connection.probe();
      expect(sim.tokenCalls()).toBe(1);
      sim.faults.failNext({ route: ROUTES.token, status: 503, count: 5 });
      await expect(connection.probe()).rejects.toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
      expect(sim.tokenCalls()).toBe(2);
      expect(connection.health()).toEqual({ circuit: 'closed', consecutiveFailures: 0 });
    } finally {
      await connection.close();
      await pools.close();
      await sim.close();
    }
  });
});
