/**
 * Shared executions (graphql/shared-executions.ts) seen by hostile or unlucky callers, over real
 * HTTP: keys of other scopes never take each other's answers (a key without `leads:read` is still
 * refused), joiners of a query whose client went away get a real answer, an updateLead answered
 * before a query starts is in that query's answer, and variables the share key cannot be built from
 * (nested deeper than JSON.stringify recurses) only mean running alone, never a 500.
 */
import { metricValue } from '../change-feed/feed-client';
import { API_KEYS, bearer, CRM_KEY, REPORTING_KEY, SITE_KEY } from '../security/security-harness';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';
import { pageCalls, queryInFlight } from './queries-in-flight';
import { eventually } from '../support/eventually';

const PAGE = `query Inbox($first: Int, $filter: LeadFilter) { leads(first: $first, filter: $filter) { totalCount nodes { id title } } }`;
const TESSELYS_ONLY = { provider: 'TESSELYS' };
const SHARED = 'leadgraph_graphql_shared_executions_total';

let stack: TestStack;
beforeAll(async () => {
  // Short deadlines: a hung read ends (PROVIDER_UNAVAILABLE) within the test.
  stack = await startTestStack({ env: { API_KEYS, PROVIDER_TIMEOUT_MS: '1500', PROVIDER_RETRY_BUDGET_MS: '1500' } });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.resetCounters();
  stack.tesselys.faults.reset();
});

const sharedCount = () => metricValue(stack.gateway.url, SHARED);

test('keys with other scopes never join each other: the write-only key is still refused, the read-only key reads on its own', async () => {
  stack.tesselys.faults.setLatency(800);
  const before = await sharedCount();
  const { answer: first } = await queryInFlight(stack, PAGE, { first: 6, filter: TESSELYS_ONLY }, bearer(CRM_KEY));
  const [site, reporting] = await Promise.all([
    stack.gql(PAGE, { first: 6, filter: TESSELYS_ONLY }, bearer(SITE_KEY)),
    stack.gql(PAGE, { first: 6, filter: TESSELYS_ONLY }, bearer(REPORTING_KEY)),
  ]);
  expect(site.status).toBe(403);
  expect(site.data).toBeUndefined();
  expect(reporting.errors).toBeUndefined();
  expect(reporting.data!.leads.nodes).toHaveLength(6);
  expect((await first).data).toEqual(reporting.data);
  expect(await sharedCount()).toBe(before);
});

test('joiners of a query whose client went away get a real answer, not the cancellation', async () => {
  stack.tesselys.faults.setLatency(800);
  const leaving = new AbortController();
  const before = pageCalls(stack, 5);
  const first = fetch(stack.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(CRM_KEY) },
    body: JSON.stringify({ query: PAGE, variables: { first: 5, filter: TESSELYS_ONLY } }),
    signal: leaving.signal,
  }).catch((error: unknown) => error);
  await eventually('the first query’s Tesselys call', () => pageCalls(stack, 5) > before);
  const joiners = Array.from({ length: 3 }, () => stack.gql(PAGE, { first: 5, filter: TESSELYS_ONLY }, bearer(CRM_KEY)));
  // Another request answered: the joiners, sent before it, have reached the gateway.
  await stack.gql('{ providers { configured } }', {}, bearer(CRM_KEY));
  leaving.abort();
  await first;
  for (const joiner of await Promise.all(joiners)) {
    expect(joiner.errors).toBeUndefined();
    expect(joiner.data!.leads.nodes).toHaveLength(5);
  }
});

test('a query that starts after an updateLead was answered sees the new title, even while an identical one is in flight', async () => {
  const target = stack.tesselys.leads()[0]!;
  const id = `tesselys:${target.id}`;
  const READ = `query One($id: ID!) { lead(id: $id) { id title } }`;
  // The first read hangs (until its deadline): it stays in flight across the write.
  stack.tesselys.faults.hangNext({ route: 'GET /external/v1/leads/:id' });
  const before = stack.gql(READ, { id }, bearer(CRM_KEY));
  await eventually('the first read’s Tesselys call', () => stack.tesselys.counters.count() > 0);
  const updated = await stack.gql(
    'mutation U($id: ID!) { updateLead(id: $id, input: { title: "Renomeado pelo ataque" }) { lead { id title } } }',
    { id },
    bearer(CRM_KEY),
  );
  expect(updated.errors).toBeUndefined();
  const after = await stack.gql(READ, { id }, bearer(CRM_KEY));
  expect(after.data!.lead.title).toBe('Renomeado pelo ataque');
  expect((await before).errors?.[0]?.extensions?.code).toBe('PROVIDER_UNAVAILABLE');
});

test('variables nested deeper than a share key can be built from: the query runs alone, it does not fail', async () => {
  const depth = 20_000;
  // `x` is not declared by the operation, so graphql-js ignores it: the answer is the plain one.
  // Written as text: this process's own JSON.stringify would overflow on it too.
  const response = await fetch(stack.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(CRM_KEY) },
    body: `{"query":"query P { providers { configured } }","variables":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
  });
  const answer = { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status' | 'headers'>) };
  expect(answer.status).toBe(200);
  expect(answer.errors).toBeUndefined();
  expect(answer.data!.providers.length).toBeGreaterThan(0);
});
