/**
 * Identical queries in flight share one execution (graphql/shared-executions.ts), over real HTTP:
 * requests of one caller asking the same page while the first is still waiting on Tesselys get
 * its answer (counted on /metrics), and a query that starts after a write was acknowledged never
 * joins one that began before it: a Keyspot lead created meanwhile is in its merged page. Tesselys
 * answers after a delay here so the first query is in flight while the others arrive.
 */
import { metricValue } from '../change-feed/feed-client';
import { startTestStack, type TestStack } from '../support/test-stack';
import { pageCalls, queryInFlight } from './queries-in-flight';

const PAGE = `query Inbox($first: Int, $filter: LeadFilter) { leads(first: $first, filter: $filter) { totalCount nodes { id provider title createdAt } } }`;
const TESSELYS_ONLY = { provider: 'TESSELYS' };
const CREATE_KEYSPOT = `mutation { createLead(input: { provider: KEYSPOT, description: "Oi", contact: { name: "Ana Lima", email: "ana@example.com", phone: "11988887777" } }) { lead { id } } }`;
const SHARED = 'leadgraph_graphql_shared_executions_total';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.resetCounters();
  stack.tesselys.faults.reset();
});

test('identical queries arriving while the first waits on the provider take its answer', async () => {
  stack.tesselys.faults.setLatency(1_500);
  const sharedBefore = await metricValue(stack.gateway.url, SHARED);
  const { answer: first } = await queryInFlight(stack, PAGE, { first: 7, filter: TESSELYS_ONLY });
  const joiners = await Promise.all(Array.from({ length: 5 }, () => stack.gql(PAGE, { first: 7, filter: TESSELYS_ONLY })));
  const answer = await first;
  expect(answer.errors).toBeUndefined();
  expect(answer.data!.leads.nodes).toHaveLength(7);
  for (const joiner of joiners) expect(joiner.data).toEqual(answer.data);
  // Each joiner took the first one's answer: no provider call of its own.
  expect(pageCalls(stack, 7)).toBe(1);
  expect((await metricValue(stack.gateway.url, SHARED)) - sharedBefore).toBe(5);
});

test('other variables are another query: no sharing', async () => {
  stack.tesselys.faults.setLatency(500);
  const sharedBefore = await metricValue(stack.gateway.url, SHARED);
  const { answer: first } = await queryInFlight(stack, PAGE, { first: 3, filter: TESSELYS_ONLY });
  const other = await stack.gql(PAGE, { first: 4, filter: TESSELYS_ONLY });
  expect((await first).data!.leads.nodes).toHaveLength(3);
  expect(other.data!.leads.nodes).toHaveLength(4);
  expect(await metricValue(stack.gateway.url, SHARED)).toBe(sharedBefore);
});

test('a query that starts after a createLead was answered sees that lead, even while an identical one is still in flight', async () => {
  stack.tesselys.faults.setLatency(1_500);
  const { answer: before } = await queryInFlight(stack, PAGE, { first: 50 });
  const created = await stack.gql<{ createLead: { lead: { id: string } } }>(CREATE_KEYSPOT);
  expect(created.errors).toBeUndefined();
  const id = created.data!.createLead.lead.id;
  const after = await stack.gql(PAGE, { first: 50 });
  expect(after.data!.leads.nodes.map((node: { id: string }) => node.id)).toContain(id);
  expect((await before).data!.leads.nodes.map((node: { id: string }) => node.id)).not.toContain(id);
});
