/**
 * Upstream metric labels come from the clients' declared route templates, never from request data
 * (issue #13, defect 12): reading many distinct lead ids, short ones and ones with `_` or `-`
 * included, adds no series to /metrics beyond the bounded status vocabulary.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { ops, ROUTES } from './resilience-helpers';

let stack: TestStack;
beforeAll(async () => {
  // No tight deadline here: under a loaded CI machine a 200 ms deadline turned a 404 into a
  // `status="network"` series, a legitimate new status that this test is not about.
  stack = await startTestStack({ env: { CIRCUIT_BREAKER_THRESHOLD: '1000' } });
});
afterAll(() => stack.close());

interface Series {
  line: string;
  labels: Record<string, string>;
}

async function upstreamSeries(): Promise<Series[]> {
  const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('leadgraph_upstream_'))
    .map((line) => ({
      line,
      labels: Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!])),
    }));
}

/** Provider and route of every series: what would grow if an id leaked into a label. */
const routesOf = (series: Series[]): string[] => [...new Set(series.map((s) => `${s.labels.provider} ${s.labels.route}`))].sort();

test('distinct unknown ids (404) do not grow /metrics: every series is a declared route', async () => {
  await ops.get(stack, 'warm-up-id');
  const before = await upstreamSeries();
  const ids = Array.from({ length: 12 }, (_, i) => ['x', 'a_b', 'c-d-e', 'short', 'Z9'][i % 5] + String(i));
  for (const id of ids) await ops.get(stack, id);
  expect(stack.tesselys.counters.count(ROUTES.get)).toBeGreaterThanOrEqual(ids.length);
  const after = await upstreamSeries();
  expect(routesOf(after)).toEqual(routesOf(before));
  for (const { line, labels } of after) {
    if (labels.route !== undefined) expect(Object.values(ROUTES)).toContain(labels.route);
    if (labels.status !== undefined) expect(labels.status).toMatch(/^(\d{3}|network)$/);
    for (const id of ids) expect(line).not.toContain(id);
  }
  // Every read answered 404 alike, so with no new status the series count is unchanged.
  const statuses = (series: Series[]) => new Set(series.map((s) => s.labels.status));
  if (statuses(after).size === statuses(before).size) expect(after.length).toBe(before.length);
});
