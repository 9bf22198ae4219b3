/**
 * HTTP-level controls over real HTTP: CSRF prevention, no batching, no mutations over GET, the
 * body limit (413), malformed bodies, CORS, and helmet's headers. Every refusal answers in the
 * GraphQL error shape and reaches no provider.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { API_KEYS, bearer, codesOf, CRM_KEY, expectNoLeaks, providerSecrets, Recorder } from './security-harness';

const APP_ORIGIN = 'https://app.example.com';
const SANDBOX_ORIGIN = 'https://studio.apollographql.com';
const LEADS = '{ leads(first: 2) { totalCount } }';
const UPDATE = 'mutation { updateLead(id: "tesselys:x", input: { status: QUALIFIED }) { lead { id } } }';

const http = new Recorder();
let stack: TestStack;
let production: TestStack;
const auth = bearer(CRM_KEY);

beforeAll(async () => {
  stack = await startTestStack({ env: { API_KEYS, CORS_ORIGINS: APP_ORIGIN } });
  production = await startTestStack({ env: { API_KEYS, NODE_ENV: 'production', CORS_ORIGINS: APP_ORIGIN, BODY_LIMIT: '2kb' } });
});
afterAll(async () => {
  await Promise.all([stack?.close(), production?.close()]);
});
beforeEach(() => {
  stack.resetCounters();
  production.resetCounters();
});

const getUrl = (target: TestStack, query: string) => `${target.gateway.graphqlUrl}?query=${encodeURIComponent(query)}`;

describe('CSRF prevention', () => {
  test('a GET without a preflight header is refused', async () => {
    const res = await http.fetch(getUrl(stack, LEADS), { headers: auth });
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual(['BAD_REQUEST']);
    expect(res.json.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    expect(stack.upstreamCalls()).toBe(0);
  });

  test.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'a POST with a simple content type (%s) is refused',
    async (contentType) => {
      const res = await http.fetch(stack.gateway.graphqlUrl, {
        method: 'POST',
        headers: { ...auth, 'content-type': contentType },
        body: JSON.stringify({ query: LEADS }),
      });
      expect(res.status).toBe(400);
      expect(res.json.errors[0].message).toMatch(/Cross-Site Request Forgery/);
      expect(stack.upstreamCalls()).toBe(0);
    },
  );

  test('a GET query with apollo-require-preflight runs', async () => {
    const res = await http.fetch(getUrl(stack, LEADS), { headers: { ...auth, 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(res.json.data.leads.totalCount).toBeGreaterThan(0);
  });
});

test('a mutation over GET is refused with 405 and Allow: POST', async () => {
  const res = await http.fetch(getUrl(stack, UPDATE), { headers: { ...auth, 'apollo-require-preflight': 'true' } });
  expect(res.status).toBe(405);
  expect(res.headers.get('allow')).toBe('POST');
  expect(codesOf(res)).toEqual(['BAD_REQUEST']);
  expect(stack.upstreamCalls()).toBe(0);
});

test('a batched (array) body is refused', async () => {
  const res = await http.post(stack, [{ query: LEADS }, { query: LEADS }], auth);
  expect(res.status).toBe(400);
  expect(codesOf(res)).toEqual(['BAD_REQUEST']);
  expect(res.json.errors[0].message).toMatch(/batch/i);
  expect(stack.upstreamCalls()).toBe(0);
});

describe('request body limit', () => {
  const padded = (bytes: number) => {
    const body = { query: LEADS, variables: { pad: '' } };
    body.variables.pad = 'x'.repeat(bytes - JSON.stringify(body).length);
    const text = JSON.stringify(body);
    expect(text.length).toBe(bytes);
    return text;
  };

  test('101 kB: 413 in the GraphQL error shape, nothing upstream', async () => {
    const res = await http.post(stack, padded(101 * 1024), auth);
    expect(res.status).toBe(413);
    expect(res.json.errors[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', requestId: res.headers.get('x-request-id') });
    expect(res.json.errors[0].message).not.toMatch(/\d/);
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('99 kB is read', async () => {
    const res = await http.post(stack, padded(99 * 1024), auth);
    expect(res.status).toBe(200);
    expect(res.json.data.leads.totalCount).toBeGreaterThan(0);
  });

  test('BODY_LIMIT configures it', async () => {
    expect((await http.post(production, padded(2 * 1024 + 1), auth)).status).toBe(413);
    expect((await http.post(production, padded(2 * 1024), auth)).status).toBe(200);
  });

  test('a body that is not JSON: 400 BAD_REQUEST as JSON, no stack trace', async () => {
    const res = await http.post(stack, '{"query": ', auth);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(codesOf(res)).toEqual(['BAD_REQUEST']);
    expect(res.text).not.toMatch(/at |node_modules|SyntaxError/);
  });

  test('the key is checked before the body is read: an unauthenticated 101 kB body is 401', async () => {
    expect((await http.post(stack, padded(101 * 1024))).status).toBe(401);
  });
});

describe('CORS', () => {
  const preflight = (target: TestStack, origin: string) =>
    http.fetch(target.gateway.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });

  test('a configured origin may call, with the headers a client sends', async () => {
    const res = await preflight(stack, APP_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST');
    const post = await http.post(stack, { query: LEADS }, { ...auth, origin: APP_ORIGIN });
    expect(post.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(post.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  test('another origin gets no CORS headers', async () => {
    const res = await preflight(stack, 'https://evil.example.net');
    // Answered like any preflight, before the key check: no 401, just nothing that allows it.
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers.get('www-authenticate')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
    const post = await http.post(stack, { query: LEADS }, { ...auth, origin: 'https://evil.example.net' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  test("Apollo Studio's Sandbox is allowed in development, not in production", async () => {
    expect((await preflight(stack, SANDBOX_ORIGIN)).headers.get('access-control-allow-origin')).toBe(SANDBOX_ORIGIN);
    const sandboxInProduction = await preflight(production, SANDBOX_ORIGIN);
    expect(sandboxInProduction.status).toBe(204);
    expect(sandboxInProduction.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(production, APP_ORIGIN)).headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });
});

describe('security headers', () => {
  test.each([
    ['/graphql (POST)', (t: TestStack) => http.post(t, { query: LEADS }, auth)],
    ['/healthz', (t: TestStack) => http.fetch(`${t.gateway.url}/healthz`)],
    ['a refusal (401)', (t: TestStack) => http.post(t, { query: LEADS })],
  ])('helmet headers on %s', async (_where, call) => {
    const res = await call(stack);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  test('strict CSP outside /graphql; none on /graphql in development, where the Sandbox page sets its own', async () => {
    expect((await http.fetch(`${stack.gateway.url}/healthz`)).headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const sandbox = await http.fetch(stack.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(sandbox.headers.get('content-security-policy')).toBeNull();
    expect(sandbox.text).toContain('new window.EmbeddedSandbox(');
    expect(sandbox.text).toMatch(/<meta http-equiv="Content-Security-Policy"/);
  });

  test('production: /graphql has a CSP that forbids framing and allows only the landing page assets', async () => {
    const page = await http.fetch(production.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('EmbeddedSandbox');
    expect(page.text).toContain('apollo-server-landing-page.cdn.apollographql.com');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline' https:\/\/apollo-server-landing-page\.cdn\.apollographql\.com/);
  });
});

describe('sweep', () => {
  test('no API key or provider secret in any response or log line', () => {
    expectNoLeaks(
      [...http.bodies, ...stack.logs.lines, ...production.logs.lines],
      [CRM_KEY, ...providerSecrets(stack), ...providerSecrets(production)],
    );
  });
});
