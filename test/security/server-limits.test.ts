/**
 * The HTTP server's own limits, over raw sockets: a refused request whose body was not read closes
 * its connection (a client trickling a body cannot hold it after a 401), a request that does not
 * arrive in time is answered 408 and closed, connections beyond MAX_CONNECTIONS are dropped, and
 * federated traces (which name types and fields) are not served where introspection is off.
 */
import { connect, type Socket } from 'node:net';
import { startTestStack, type TestStack } from '../support/test-stack';
import { API_KEYS, bearer, CRM_KEY, UNKNOWN_KEY } from './security-harness';

interface RawExchange {
  socket: Socket;
  /** Everything received so far. */
  received(): string;
  /** Resolves with everything received once the server has closed the connection. */
  closed: Promise<string>;
}

function open(url: string): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let data = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => void (data += chunk));
    const closed = new Promise<string>((done) => socket.once('close', () => done(data)));
    socket.once('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

/** Headers of a POST /graphql promising `length` bytes, then `sent` of them. */
function partialPost(headers: Record<string, string>, length: number, sent: string): string {
  const lines = [`POST /graphql HTTP/1.1`, 'Host: localhost', 'Content-Type: application/json', `Content-Length: ${length}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${sent}`;
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);

describe('refusals close connections whose body was not read', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // A request timeout far beyond the test's: only the refusal itself can close these connections.
    stack = await startTestStack({
      env: { API_KEYS, HTTP_REQUEST_TIMEOUT_MS: '600000', HTTP_HEADERS_TIMEOUT_MS: '600000', BODY_LIMIT: '2kb' },
    });
  });
  afterAll(() => stack.close());

  test.each([
    ['401: no key', {}, 401],
    ['401: an unknown key', bearer(UNKNOWN_KEY), 401],
    ['413: a body above the limit', bearer(CRM_KEY), 413],
  ])('%s', async (_case, headers, status) => {
    const exchange = await open(stack.gateway.url);
    exchange.socket.write(partialPost(headers, status === 413 ? 100_000 : 5_000, '{"query": "{ __typ'));
    const response = await exchange.closed;
    expect(statusOf(response)).toBe(status);
    expect(response.toLowerCase()).toContain('connection: close');
  });
});

describe('request timeout', () => {
  test('a body that does not arrive within HTTP_REQUEST_TIMEOUT_MS is answered 408 and the connection closed', async () => {
    const stack = await startTestStack({ env: { API_KEYS, HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '1000' } });
    try {
      const exchange = await open(stack.gateway.url);
      exchange.socket.write(partialPost(bearer(CRM_KEY), 5_000, '{"query": "{ __typ'));
      expect(statusOf(await exchange.closed)).toBe(408);
    } finally {
      await stack.close();
    }
  });
});

describe('MAX_CONNECTIONS', () => {
  test('connections beyond the cap are dropped without an answer; the others are served', async () => {
    const stack = await startTestStack({ env: { MAX_CONNECTIONS: '2' } });
    const sockets: Socket[] = [];
    try {
      const held = [await open(stack.gateway.url), await open(stack.gateway.url)];
      sockets.push(...held.map((exchange) => exchange.socket));
      // A request on each held connection proves the server has counted both.
      for (const exchange of held) {
        exchange.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
        while (!exchange.received().includes('"ok"')) await new Promise((resolve) => exchange.socket.once('data', resolve));
      }
      const extra = await open(stack.gateway.url);
      sockets.push(extra.socket);
      extra.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
      expect(await extra.closed).toBe('');
    } finally {
      for (const socket of sockets) socket.destroy();
      await stack.close();
    }
  });
});

describe('federated traces', () => {
  const TRACE_HEADER = { 'apollo-federation-include-trace': 'ftv1' };
  let production: TestStack;
  let allowed: TestStack;
  let development: TestStack;
  beforeAll(async () => {
    [production, allowed, development] = await Promise.all([
      startTestStack({ env: { NODE_ENV: 'production', API_KEYS } }),
      startTestStack({ env: { NODE_ENV: 'production', API_KEYS, FEDERATION_TRACES: 'true' } }),
      startTestStack({ env: { NODE_ENV: 'development', API_KEYS } }),
    ]);
  });
  afterAll(() => Promise.all([production.close(), allowed.close(), development.close()]));

  async function traceOf(stack: TestStack): Promise<unknown> {
    const res = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(CRM_KEY), ...TRACE_HEADER },
      body: JSON.stringify({ query: '{ providers { provider } }' }),
    });
    const body = (await res.json()) as { data?: unknown; extensions?: { ftv1?: unknown } };
    expect(body.data).toBeTruthy();
    return body.extensions?.ftv1;
  }

  test('off in production (introspection off): no ftv1 trace', async () => {
    expect(await traceOf(production)).toBeUndefined();
  });

  test('on with FEDERATION_TRACES=true, and in development', async () => {
    expect(typeof (await traceOf(allowed))).toBe('string');
    expect(typeof (await traceOf(development))).toBe('string');
  });
});
