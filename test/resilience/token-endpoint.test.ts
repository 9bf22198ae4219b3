/**
 * Keyspot's token endpoint under faults. Asking for a token changes nothing at Keyspot, so it is
 * retried like a read; when it still fails, every create waiting on it fails with it and the next
 * create asks again (no stuck promise). Refused credentials, and a 401 on a create, are never
 * retried beyond the one token refresh.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { expectNoErrors, FAST, ops, providerErrorOf, ROUTES } from './resilience-helpers';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ omit: ['tesselys'], env: { ...FAST, CIRCUIT_BREAKER_THRESHOLD: '1000' } });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.keyspot.faults.reset();
  // A fresh token for every test: the cached one would skip the token endpoint.
  stack.keyspot.revokeAllTokens();
  stack.clock.advance(3_600_000);
  stack.resetCounters();
});

test('a token call answered 503 twice is retried, and the create succeeds', async () => {
  stack.keyspot.faults.failNext({ route: ROUTES.token, status: 503, count: 2 });
  expectNoErrors(await ops.createKeyspot(stack));
  expect(stack.keyspot.tokenCalls()).toBe(3);
  expect(stack.keyspot.counters.count(ROUTES.keyspotCreate)).toBe(1);
});

test('a token endpoint that keeps failing rejects every waiting create; the next create asks again and succeeds', async () => {
  stack.keyspot.faults.failNext({ route: ROUTES.token, status: 503, count: 9 });
  const results = await Promise.all([ops.createKeyspot(stack), ops.createKeyspot(stack), ops.createKeyspot(stack)]);
  for (const res of results) expect(providerErrorOf(res, 'PROVIDER_UNAVAILABLE', 'KEYSPOT').upstreamStatus).toBe(503);
  expect(stack.keyspot.counters.count(ROUTES.keyspotCreate)).toBe(0);
  // However the three shared token calls, each one made exactly 1 + PROVIDER_RETRIES attempts.
  const tokenCalls = stack.keyspot.tokenCalls();
  expect([3, 6, 9]).toContain(tokenCalls);

  stack.keyspot.faults.reset();
  expectNoErrors(await ops.createKeyspot(stack));
  expect(stack.keyspot.tokenCalls()).toBe(tokenCalls + 1);
  expect(stack.keyspot.counters.count(ROUTES.keyspotCreate)).toBe(1);
});

test('refused credentials → PROVIDER_AUTH_FAILED after one token call, no retry loop', async () => {
  stack.keyspot.faults.failNext({ route: ROUTES.token, status: 401, count: 5, body: { statusCode: 401, message: 'Invalid credentials' } });
  providerErrorOf(await ops.createKeyspot(stack), 'PROVIDER_AUTH_FAILED', 'KEYSPOT');
  expect(stack.keyspot.tokenCalls()).toBe(1);
  expect(stack.keyspot.counters.count(ROUTES.keyspotCreate)).toBe(0);
});

test('a 401 on a create is replayed once with a new token, never more', async () => {
  stack.keyspot.faults.failNext({
    route: ROUTES.keyspotCreate,
    status: 401,
    count: 5,
    body: { statusCode: 401, message: 'Invalid token' },
  });
  providerErrorOf(await ops.createKeyspot(stack), 'PROVIDER_AUTH_FAILED', 'KEYSPOT');
  expect(stack.keyspot.counters.count(ROUTES.keyspotCreate)).toBe(2);
  expect(stack.keyspot.tokenCalls()).toBe(2);
});

test('a hung token call is abandoned at the deadline and retried', async () => {
  stack.keyspot.faults.hangNext({ route: ROUTES.token });
  expectNoErrors(await ops.createKeyspot(stack));
  expect(stack.keyspot.tokenCalls()).toBe(2);
  expect(stack.keyspot.counters.count(ROUTES.keyspotCreate)).toBe(1);
});
