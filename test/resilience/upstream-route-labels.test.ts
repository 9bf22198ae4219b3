/**
 * Upstream metric labels come from the clients' declared route templates, never from request data
 * (issue #13, defect 12): reading many distinct lead ids, short ones and ones with `_` or `-`
 * included, adds no series to /metrics.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { FAST, ops, ROUTES } from './resilience-helpers';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { ...FAST, CIRCUIT_BREAKER_THRESHOLD: '1000' } });
});
afterAll(() => stack.close());

async function upstreamSeries(): Promise<string[]> {
  const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith('leadgraph_upstream_'));
}

test('distinct unknown ids (404) do not grow /metrics: every series is a declared route', async () => {
  await ops.get(stack, 'warm-up-id');
  const before = await upstreamSeries();
  const ids = Array.from({ length: 12 }, (_, i) => ['x', 'a_b', 'c-d-e', 'short', 'Z9'][i % 5] + String(i));
  for (const id of ids) await ops.get(stack, id);
  expect(stack.tesselys.counters.count(ROUTES.get)).toBeGreaterThanOrEqual(ids.length);
  const after = await upstreamSeries();
  expect(after.length).toBe(before.length);
  for (const line of after) {
    const route = /route="([^"]*)"/.exec(line)?.[1];
    if (route !== undefined) expect(Object.values(ROUTES)).toContain(route);
  }
});
