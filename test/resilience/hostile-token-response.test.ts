/**
 * Keyspot's token answer is provider input like any other: a token that cannot travel in an HTTP
 * header (a newline, a control character, a non-ASCII letter) or is absurdly long is a bad
 * response (PROVIDER_BAD_RESPONSE), is never cached, and the next call asks for a new token.
 * Before the fix it was cached for its whole lifetime and every Keyspot call failed locally as an
 * INTERNAL_SERVER_ERROR (undici UND_ERR_INVALID_ARG) with an error-level log line.
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
  stack.keyspot.revokeAllTokens();
  stack.clock.advance(3_600_000);
  stack.resetCounters();
});

const errorLevelLines = () => stack.logs.records().filter((record) => Number(record.level) >= 50);

test.each([
  ['a CR LF (header injection)', 'abc\r\nX-Injected: 1'],
  ['a control character', 'abc\u0007def'],
  ['a non-ASCII letter', 'tokén'],
  ['an inner space', 'abc def'],
  ['64 KiB', 'a'.repeat(65_536)],
])('a token with %s is PROVIDER_BAD_RESPONSE, not cached; the next create gets a good token', async (_case, token) => {
  const before = errorLevelLines().length;
  stack.keyspot.faults.failNext({ route: ROUTES.token, status: 201, body: { data: { token } } });
  providerErrorOf(await ops.createKeyspot(stack), 'PROVIDER_BAD_RESPONSE', 'KEYSPOT');
  expect(stack.keyspot.counters.count(ROUTES.keyspotCreate)).toBe(0);
  expect(errorLevelLines().length).toBe(before);

  expectNoErrors(await ops.createKeyspot(stack));
  expect(stack.keyspot.tokenCalls()).toBe(2);
  expect(stack.keyspot.counters.count(ROUTES.keyspotCreate)).toBe(1);
});
