/**
 * The /graphql endpoint on plain node:http (src/server/graphql-endpoint.ts): what it must answer
 * exactly as the Express integration did.
 */
import { request } from 'node:http';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

function post(path: string, body: unknown): Promise<{ status: number; json: any }> {
  const { port } = new URL(stack.gateway.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

test('several operations and no operationName (or an unknown one): 400 OPERATION_RESOLUTION_FAILURE, not an internal error', async () => {
  const query = 'query A { __typename } query B { __typename }';
  for (const body of [{ query }, { query, operationName: 'C' }]) {
    const res = await post('/graphql', body);
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'OPERATION_RESOLUTION_FAILURE', requestId: expect.any(String) });
  }
  expect((await post('/graphql', { query, operationName: 'B' })).json).toEqual({ data: { __typename: 'Query' } });
});

test('an absolute-form request target (what a forward proxy sends) reaches GraphQL', async () => {
  const res = await post(`${stack.gateway.url}/graphql`, { query: '{ __typename }' });
  expect(res).toEqual({ status: 200, json: { data: { __typename: 'Query' } } });
});

test('the landing page is HTML in UTF-8', async () => {
  const res = await fetch(stack.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  await res.text();
});
