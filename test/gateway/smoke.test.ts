import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

test('lists the first page of Tesselys leads through the gateway with one upstream call', async () => {
  const res = await stack.gql('{ leads(first: 5) { totalCount nodes { id provider title } } }');
  expect(res.errors).toBeUndefined();
  expect(res.data!.leads.totalCount).toBe(64);
  expect(res.data!.leads.nodes).toHaveLength(5);
  expect(stack.tesselys.counters.count('GET /external/v1/leads')).toBe(1);
});
