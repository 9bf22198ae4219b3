/**
 * The bulkhead bounds exchanges in flight, not calls sleeping before a retry, and a client going
 * away stops its provider work (issue #13, defect 9): no further attempt or wait, its attempt
 * aborted (the simulator sees the connection closed) unless another caller shares it.
 */
import { ErrorCode } from '../../src/errors/error-codes';
import { ProviderError } from '../../src/errors/provider.error';
import { LeadOrderField, OrderDirection } from '../../src/leads/enums/lead-order.enums';
import type { LeadProviderAdapter } from '../../src/providers/provider-adapter';
import { startTestStack } from '../support/test-stack';
import { expectNoErrors, ops, ROUTES, until, logRecords } from './resilience-helpers';
import { settled, startConnectionHarness, type ConnectionHarness } from './provider-connection-harness';

const QUERY = { orderBy: LeadOrderField.CREATED_AT, direction: OrderDirection.DESC };
const PAGE = { offset: 0, limit: 3 };

test('a read waiting out a Retry-After holds no bulkhead slot: another read goes through meanwhile', async () => {
  const stack = await startTestStack({
    env: { PROVIDER_MAX_CONCURRENCY: '1', PROVIDER_MAX_QUEUE: '0', PROVIDER_RETRY_BUDGET_MS: '5000', CIRCUIT_BREAKER_THRESHOLD: '1000' },
  });
  try {
    stack.tesselys.faults.failNext({ route: ROUTES.list, status: 429, headers: { 'retry-after': '1' } });
    const waiting = ops.list(stack);
    await until(() => logRecords(stack, 'retrying upstream call').length === 1);
    // The list sleeps for a second before its retry; the only slot is free.
    expectNoErrors(await ops.get(stack));
    expectNoErrors(await waiting);
    expect(stack.tesselys.counters.count(ROUTES.list)).toBe(2);
  } finally {
    await stack.close();
  }
});

describe('a request scope whose client went away', () => {
  let harness: ConnectionHarness;
  beforeEach(async () => {
    harness = await startConnectionHarness({ timeoutMs: 10_000, retryBudgetMs: 20_000, backoffBaseMs: 1, breakerThreshold: 1000 });
  });
  afterEach(() => harness.close());

  const adapter = (signal?: AbortSignal): LeadProviderAdapter => harness.connection.forRequest(harness.scope(signal));

  test('its hung read is aborted: the call ends, the socket is dropped, nothing is retried or counted as a failure', async () => {
    harness.sim.faults.hangNext({ route: ROUTES.list, count: 5 });
    const client = new AbortController();
    const call = settled(adapter(client.signal).listLeads!(QUERY, PAGE));
    await until(() => harness.sim.counters.count(ROUTES.list) === 1);
    client.abort();
    const outcome = await call;
    expect(outcome.ok).toBe(false);
    await until(() => harness.sim.faults.abandoned === 1);
    expect(harness.sim.counters.count(ROUTES.list)).toBe(1);
    expect(harness.connection.health()).toEqual({ circuit: 'closed', consecutiveFailures: 0 });
  });

  test('a read shared with another caller goes on for that caller; the socket is dropped only when both left', async () => {
    harness.sim.faults.hangNext({ route: ROUTES.list });
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = settled(adapter(leaving.signal).listLeads!(QUERY, PAGE));
    const stays = settled(adapter(staying.signal).listLeads!(QUERY, PAGE));
    await until(() => harness.sim.counters.count(ROUTES.list) === 1);
    leaving.abort();
    expect((await left).ok).toBe(false);
    // Still one caller: the shared request goes on. Its end is observed by making the other leave.
    expect(harness.sim.faults.abandoned).toBe(0);
    let staysSettled = false;
    void stays.then(() => (staysSettled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(staysSettled).toBe(false);
    staying.abort();
    expect((await stays).ok).toBe(false);
    await until(() => harness.sim.faults.abandoned === 1);
    expect(harness.sim.counters.count(ROUTES.list)).toBe(1);
  });

  test('a read sleeping out a Retry-After stops at once, with no second request', async () => {
    harness.sim.faults.failNext({ route: ROUTES.list, status: 429, headers: { 'retry-after': '10' } });
    const client = new AbortController();
    const call = settled(adapter(client.signal).listLeads!(QUERY, PAGE));
    await until(() => harness.logs.lines.some((line) => line.includes('"msg":"retrying upstream call"')));
    client.abort();
    const outcome = await call;
    expect(outcome.ok).toBe(false);
    expect(harness.sim.counters.count(ROUTES.list)).toBe(1);
  });

  test('a write whose client went away while it hung is reported maybe-sent, and never resent', async () => {
    harness.sim.faults.hangNext({ route: ROUTES.tesselysCreate });
    const client = new AbortController();
    const call = settled(adapter(client.signal).createLead!({ provider: 'TESSELYS', title: 'Interesse' } as never));
    await until(() => harness.sim.counters.count(ROUTES.tesselysCreate) === 1);
    client.abort();
    const outcome = await call;
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(ProviderError);
    expect(outcome.error.code).toBe(ErrorCode.PROVIDER_UNAVAILABLE);
    expect(outcome.error.delivery).toBe('maybe-sent');
    await until(() => harness.sim.faults.abandoned === 1);
    expect(harness.sim.counters.count(ROUTES.tesselysCreate)).toBe(1);
  });
});
