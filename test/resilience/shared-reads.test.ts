/**
 * Identical reads in flight share one upstream call (issue #13, defects 6, 7 and 8): what is
 * counted is what the provider saw; a read that starts after a write was acknowledged never joins a
 * read that began before it; a shared read is bounded by its callers' deadline and its body by a
 * size cap, and its socket is dropped when it ends early.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { expectNoErrors, FAST, logRecords, ops, providerErrorOf, ROUTES, until } from './resilience-helpers';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { ...FAST, PROVIDER_RETRIES: '0', CIRCUIT_BREAKER_THRESHOLD: '1000' } });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.tesselys.faults.reset();
  stack.resetCounters();
});

/** The sum of `leadgraph_upstream_requests_total` for one provider and route, over every status. */
async function upstreamRequestsMetric(route: string): Promise<number> {
  const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  const pattern = new RegExp(`^leadgraph_upstream_requests_total\\{provider="TESSELYS",route="${route}",status="[^"]*"\\} (\\d+)$`, 'gm');
  let sum = 0;
  for (const match of text.matchAll(pattern)) sum += Number(match[1]);
  return sum;
}

test('20 concurrent identical lists: the metric and the operation log count the requests the provider saw, not the callers', async () => {
  // Latency keeps the first GET in flight while the other operations arrive and join it.
  stack.tesselys.faults.setLatency(50);
  const metricBefore = await upstreamRequestsMetric(ROUTES.list);
  // A scrape refreshes the readiness probes (one-lead lists) before rendering: count from after it.
  stack.resetCounters();
  const logFrom = stack.logs.lines.length;
  const results = await Promise.all(Array.from({ length: 20 }, () => ops.list(stack)));
  for (const res of results) expectNoErrors(res);
  const seen = stack.tesselys.counters.count(ROUTES.list);
  expect(seen).toBeLessThan(20); // they did share
  expect((await upstreamRequestsMetric(ROUTES.list)) - metricBefore).toBe(seen);
  const counted = logRecords(stack, 'graphql operation', logFrom).reduce((sum, r) => sum + (r.upstreamCalls as number), 0);
  expect(counted).toBe(seen);
});

test('a read that starts after an update was acknowledged does not join a read of the same lead begun before it', async () => {
  const lead = stack.tesselys.leads()[0]!;
  // A read of the lead is in flight (hung) when the update is sent and acknowledged.
  stack.tesselys.faults.hangNext({ route: ROUTES.get });
  const before = ops.get(stack, lead.id);
  await until(() => stack.tesselys.counters.count(ROUTES.get) === 1);
  expectNoErrors(await ops.update(stack, lead.id));

  const after = await ops.get(stack, lead.id);
  expectNoErrors(after);
  expect(after.data!.lead.title).toBe('Título revisado');
  expect(stack.tesselys.counters.count(ROUTES.get)).toBe(2);
  providerErrorOf(await before, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
});

test('a shared read whose body trickles ends at its callers’ deadline, and its socket is dropped', async () => {
  stack.tesselys.faults.trickleNext({ route: ROUTES.list, intervalMs: 10 });
  const results = await Promise.all([ops.list(stack), ops.list(stack), ops.list(stack)]);
  for (const res of results) providerErrorOf(res, 'PROVIDER_UNAVAILABLE', 'TESSELYS');
  expect(stack.tesselys.counters.count(ROUTES.list)).toBe(1);
  // The simulator sees the connection closed by the gateway (it would trickle forever otherwise).
  await until(() => stack.tesselys.faults.abandoned === 1);
});

test('a body beyond the size cap → PROVIDER_BAD_RESPONSE, and the gateway keeps serving', async () => {
  // Its own stack with the default deadline: this is about the cap, and on a loaded machine the
  // simulator can take longer than FAST's 200 ms to send 6 MB (a timeout would answer instead).
  const roomy = await startTestStack({ env: { PROVIDER_RETRIES: '0' } });
  try {
    const lead = roomy.tesselys.leads()[0]!;
    const huge = { ...lead, description: 'x'.repeat(6 * 1024 * 1024) };
    roomy.tesselys.faults.failNext({ route: ROUTES.get, status: 200, body: huge });
    const res = await ops.get(roomy, lead.id);
    providerErrorOf(res, 'PROVIDER_BAD_RESPONSE', 'TESSELYS');
    expect(res.errors![0]!.message).toContain('larger than');
    expectNoErrors(await ops.get(roomy, lead.id));
  } finally {
    await roomy.close();
  }
});
