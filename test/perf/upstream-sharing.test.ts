/**
 * In-flight sharing of identical reads (SingleFlight, above the resilience policy): concurrent
 * identical reads through one provider connection cost one upstream request, and the request count
 * every observer sees is that one request; different reads and writes never share. Calls are issued
 * in the same tick, so they are all in flight together by construction.
 */
import { LeadOrderField, OrderDirection } from '../../src/leads/enums/lead-order.enums';
import type { LeadProviderAdapter } from '../../src/providers/provider-adapter';
import { ROUTES } from '../resilience/resilience-helpers';
import { settled, startConnectionHarness, type ConnectionHarness } from '../resilience/provider-connection-harness';

const QUERY = { orderBy: LeadOrderField.CREATED_AT, direction: OrderDirection.DESC };
let harness: ConnectionHarness;

beforeAll(async () => {
  harness = await startConnectionHarness();
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.sim.counters.reset();
  harness.sim.faults.reset();
  harness.upstreamCalls = 0;
});

/** A new adapter per call, as each GraphQL request gets its own. */
const adapter = (signal?: AbortSignal): LeadProviderAdapter => harness.connection.forRequest(harness.scope(signal));

test('ten identical reads in flight together make one upstream request, counted once, and each caller gets the whole answer', async () => {
  const pages = await Promise.all(Array.from({ length: 10 }, () => adapter().listLeads!(QUERY, { offset: 0, limit: 5 })));
  expect(harness.sim.counters.count(ROUTES.list)).toBe(1);
  expect(harness.upstreamCalls).toBe(1);
  for (const page of pages) expect(page.leads).toHaveLength(5);
  // Each caller has its own mapped page: changing one cannot leak into another.
  pages[0]!.leads.pop();
  expect(pages[1]!.leads).toHaveLength(5);
});

test('different reads never share', async () => {
  await Promise.all([adapter().listLeads!(QUERY, { offset: 0, limit: 5 }), adapter().listLeads!(QUERY, { offset: 5, limit: 5 })]);
  expect(harness.sim.counters.count(ROUTES.list)).toBe(2);
});

test('writes are never shared, even when identical', async () => {
  const input = { provider: 'TESSELYS', title: 'Interesse em plano Enterprise' } as never;
  await Promise.all(Array.from({ length: 3 }, () => adapter().createLead!(input)));
  expect(harness.sim.counters.count(ROUTES.tesselysCreate)).toBe(3);
});

test('a caller that has already gone away starts nothing', async () => {
  const gone = new AbortController();
  gone.abort();
  expect((await settled(adapter(gone.signal).listLeads!(QUERY, { offset: 0, limit: 1 }))).ok).toBe(false);
  expect(harness.sim.counters.count()).toBe(0);
});

test('a body cut short is PROVIDER_BAD_RESPONSE for every caller that shared it, after one request', async () => {
  harness.sim.faults.malformNext({ kind: 'truncated', route: ROUTES.list });
  const outcomes = await Promise.all([1, 2].map(() => settled(adapter().listLeads!(QUERY, { offset: 0, limit: 1 }))));
  for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, error: { code: 'PROVIDER_BAD_RESPONSE' } });
  expect(harness.sim.counters.count(ROUTES.list)).toBe(1);
});
