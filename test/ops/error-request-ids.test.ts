/**
 * Every error a client gets carries the request id it can quote, including errors Apollo raises
 * before any operation exists; and an unexpected error is counted and logged under the code the
 * client saw (INTERNAL_SERVER_ERROR), with its real class in the log.
 */
import { startGatewayWithBrokenListing } from '../support/broken-provider';
import { startTestStack, type TestStack } from '../support/test-stack';

interface ErrorBody {
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

describe('errors raised before the operation runs', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as ErrorBody };
  };

  test('a batched array body: the refusal carries the generated request id', async () => {
    const res = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.status).toBe(400);
    expect(res.requestId).toBeTruthy();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]!.extensions).toMatchObject({ code: 'BAD_REQUEST', requestId: res.requestId });
  });

  test('a body without a query: the caller-chosen request id is echoed in the error', async () => {
    const res = await post(JSON.stringify({ variables: {} }), { 'x-request-id': 'early-req-1' });
    expect(res.status).toBe(400);
    expect(res.requestId).toBe('early-req-1');
    expect(res.body.errors[0]!.extensions).toMatchObject({ code: 'BAD_REQUEST', requestId: 'early-req-1' });
  });

  test('variables of the wrong type', async () => {
    const res = await post(JSON.stringify({ query: 'query ($n: Int) { leads(first: $n) { totalCount } }', variables: { n: 'ten' } }), {
      'x-request-id': 'early-req-2',
    });
    expect(res.body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'early-req-2' });
  });
});

test('an unexpected error is labelled INTERNAL_SERVER_ERROR in metrics and logs, with its class name', async () => {
  const { gateway, logs, close } = await startGatewayWithBrokenListing(() => new TypeError('cannot read properties of undefined'), {
    NODE_ENV: 'test',
  });
  try {
    const res = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'broken-1' },
      body: JSON.stringify({ query: 'query BrokenList { leads(first: 1) { totalCount } }' }),
    });
    const body = (await res.json()) as ErrorBody;
    expect(body.errors[0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'broken-1' });

    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/leadgraph_graphql_operations_total\{operation="BrokenList",outcome="INTERNAL_SERVER_ERROR"\} 1/);
    expect(metrics).not.toContain('UNKNOWN');

    const records = logs.records();
    const operation = records.find((r) => r.msg === 'graphql operation');
    expect(operation).toMatchObject({ requestId: 'broken-1', outcome: 'error', errorCodes: ['INTERNAL_SERVER_ERROR'] });
    const unexpected = records.find((r) => r.msg === 'unexpected error');
    expect(unexpected).toMatchObject({ requestId: 'broken-1', err: { type: 'TypeError', message: 'cannot read properties of undefined' } });
  } finally {
    await close();
  }
});
