/**
 * Rate limiting per caller over real HTTP (rate-limiter-flexible, counted in the process: no
 * REDIS_URL here; test/security/shared-rate-limit.test.ts has Redis): a tiny allowance, 429 with
 * Retry-After in the GraphQL error shape, and no upstream call when refused. Callers without a valid key share their IP's bucket, so guessing keys is throttled too;
 * the keyless landing page spends from it as well, while CORS preflights spend nothing.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { FlexibleRateLimiter, rateWindow } from '../../src/security/rate-limiter';
import { startTestStack, type TestStack } from '../support/test-stack';
import {
  API_KEYS,
  bearer,
  codesOf,
  CRM_KEY,
  expectNoLeaks,
  providerSecrets,
  Recorder,
  REPORTING_KEY,
  SITE_KEY,
  UNKNOWN_KEY,
} from './security-harness';

const PROVIDERS = '{ providers { provider } }';
const LEADS = '{ leads(first: 1) { totalCount } }';

let stack: TestStack;
const http = new Recorder();
const logLines: string[] = [];
const secrets: string[] = [];

describe('over HTTP', () => {
  // Each test gets its own gateway, so its counts start from zero: a window of 2 s with 2 requests.
  beforeEach(async () => {
    stack = await startTestStack({ env: { API_KEYS, RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_MINUTE: '60' } });
  });
  afterEach(async () => {
    logLines.push(...stack.logs.lines);
    secrets.push(...providerSecrets(stack));
    await stack.close();
  });

  test('beyond the allowance: 429 with Retry-After (the rest of the window), no upstream call', async () => {
    expect((await http.gql(stack, LEADS, undefined, bearer(CRM_KEY))).status).toBe(200);
    expect((await http.gql(stack, LEADS, undefined, bearer(CRM_KEY))).status).toBe(200);
    expect(stack.upstreamCalls()).toBe(2);

    const refused = await http.gql(stack, LEADS, undefined, bearer(CRM_KEY));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect([1, 2]).toContain(retryAfter);
    expect(refused.json.errors[0].extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
      requestId: refused.headers.get('x-request-id'),
    });
    expect(stack.upstreamCalls()).toBe(2);
  });

  test('each key has its own bucket', async () => {
    for (let i = 0; i < 3; i++) await http.gql(stack, PROVIDERS, undefined, bearer(CRM_KEY));
    expect((await http.gql(stack, PROVIDERS, undefined, bearer(CRM_KEY))).status).toBe(429);
    expect((await http.gql(stack, PROVIDERS, undefined, bearer(REPORTING_KEY))).status).toBe(200);
    // A refused operation (403) still spent its token: scope refusals are not free to repeat.
    expect((await http.gql(stack, PROVIDERS, undefined, bearer(SITE_KEY))).status).toBe(403);
    expect((await http.gql(stack, PROVIDERS, undefined, bearer(SITE_KEY))).status).toBe(403);
    expect((await http.gql(stack, PROVIDERS, undefined, bearer(SITE_KEY))).status).toBe(429);
  });

  test('callers without a valid key are limited by IP: key guessing hits 429 too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await http.gql(stack, PROVIDERS, undefined, bearer(`${UNKNOWN_KEY}${i}`))).status);
    expect(statuses).toEqual([401, 401, 429]);
    const refused = await http.gql(stack, PROVIDERS);
    expect(codesOf(refused)).toEqual(['RATE_LIMITED']);
    // A valid key is not held back by its IP's bucket.
    expect((await http.gql(stack, PROVIDERS, undefined, bearer(CRM_KEY))).status).toBe(200);
    expect(stack.logs.records().some((r) => r.msg === 'request refused: rate limited' && r.caller === null)).toBe(true);
  });

  test('a flood of refusals writes a bounded number of warnings, not one per request', async () => {
    const flood = 60;
    const statuses = await Promise.all(
      Array.from({ length: flood }, async () => (await http.gql(stack, PROVIDERS, undefined, bearer(CRM_KEY))).status),
    );
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(flood - 2);
    const warned = stack.logs.records().filter((r) => r.msg === 'request refused: rate limited').length;
    expect(warned).toBeGreaterThan(0);
    expect(warned).toBeLessThan(flood - 2);
  });

  test('the landing page needs no key but is rate limited by IP', async () => {
    const landing = () => http.fetch(stack.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    const statuses = [(await landing()).status, (await landing()).status, (await landing()).status];
    expect(statuses).toEqual([200, 200, 429]);
    expect(codesOf(await http.gql(stack, PROVIDERS))).toEqual(['RATE_LIMITED']);
  });

  test('CORS preflights, from any origin, spend no tokens and need no key', async () => {
    const preflight = (origin: string) =>
      http.fetch(stack.gateway.graphqlUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await preflight('https://evil.example.net')).status);
    expect(statuses).toEqual([204, 204, 204, 204, 204]);
    // The IP's bucket (burst 2) is untouched: two keyless requests are refused as unauthenticated, not limited.
    expect(codesOf(await http.gql(stack, PROVIDERS))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await http.gql(stack, PROVIDERS))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await http.gql(stack, PROVIDERS))).toEqual(['RATE_LIMITED']);
  });
});

describe('the limiter (rate-limiter-flexible, in memory)', () => {
  test('the window is the time the sustained rate takes to earn a burst, in whole seconds', () => {
    expect(rateWindow({ perMinute: 600, burst: 300 })).toEqual({ points: 300, durationSeconds: 30 });
    expect(rateWindow({ perMinute: 60, burst: 2 })).toEqual({ points: 2, durationSeconds: 2 });
    expect(rateWindow({ perMinute: 5, burst: 5 })).toEqual({ points: 5, durationSeconds: 60 });
    // Faster than a burst per second: one-second windows holding a second's worth.
    expect(rateWindow({ perMinute: 1_000, burst: 1 })).toEqual({ points: 17, durationSeconds: 1 });
    expect(rateWindow({ perMinute: 0, burst: 1 })).toBeUndefined();
  });

  test('each key has its own count; Retry-After rounds up to whole seconds of the window', async () => {
    const limiter = FlexibleRateLimiter.inMemory({ perMinute: 1, burst: 1 });
    expect(await limiter.take('a')).toEqual({ allowed: true });
    expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await limiter.take('b')).toEqual({ allowed: true });
  });

  test('0 per minute turns it off', async () => {
    const limiter = FlexibleRateLimiter.inMemory({ perMinute: 0, burst: 1 });
    const decisions = await Promise.all([1, 2, 3].map(() => limiter.take('a')));
    expect(decisions.every((decision) => decision.allowed)).toBe(true);
  });

  test('after the Retry-After it allows again (waits the one-second window it names)', async () => {
    const limiter = FlexibleRateLimiter.inMemory({ perMinute: 60, burst: 1 });
    expect((await limiter.take('a')).allowed).toBe(true);
    const refused = await limiter.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await delay(1_000);
    expect((await limiter.take('a')).allowed).toBe(true);
  });
});

describe('sweep', () => {
  test('no API key or provider secret in any response or log line', () => {
    expectNoLeaks([...http.bodies, ...logLines], [CRM_KEY, REPORTING_KEY, SITE_KEY, UNKNOWN_KEY, ...secrets]);
  });
});
