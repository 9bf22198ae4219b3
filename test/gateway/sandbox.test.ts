/** In development a person explores LeadGraph in Apollo Sandbox: the landing page embeds it and introspection is on. */
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { NODE_ENV: 'development' } });
});
afterAll(() => stack.close());

test('a browser opening /graphql gets the embedded Apollo Sandbox', async () => {
  const res = await fetch(stack.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  const html = await res.text();
  expect(html).toContain('embeddable-sandbox');
});

test('introspection answers, with the descriptions a person reads in Sandbox', async () => {
  const res = await stack.gql('{ __type(name: "Lead") { description fields { name description } } }');
  expect(res.errors).toBeUndefined();
  const type = res.data!.__type;
  expect(type.description).toBeTruthy();
  for (const field of type.fields) expect(field.description).toBeTruthy();
});
