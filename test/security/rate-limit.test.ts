/**
 * Rate limiting per caller over real HTTP: a tiny bucket, the gateway's injected clock to refill it
 * (no sleeping), 429 with Retry-After in the GraphQL error shape, and no upstream call when
 * refused. Callers without a valid key share their IP's bucket, so guessing keys is throttled too;
 * the keyless landing page spends from it as well, while CORS preflights spend nothing.
 */
import { TokenBucketLimiter } from '../../src/security/rate-limiter';
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

beforeAll(async () => {
  // Two requests at once, then one a second.
  stack = await startTestStack({ env: { API_KEYS, RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_MINUTE: '60' } });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.resetCounters();
  // Every test starts with full buckets.
  stack.clock.advance(60_000);
});

test('beyond the burst: 429 with Retry-After, no upstream call; after the wait, allowed again', async () => {
  expect((await http.gql(stack, LEADS, undefined, bearer(CRM_KEY))).status).toBe(200);
  expect((await http.gql(stack, LEADS, undefined, bearer(CRM_KEY))).status).toBe(200);
  expect(stack.upstreamCalls()).toBe(2);

  const refused = await http.gql(stack, LEADS, undefined, bearer(CRM_KEY));
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe('1');
  expect(refused.json.errors[0].extensions).toEqual({
    code: 'RATE_LIMITED',
    retryAfterSeconds: 1,
    requestId: refused.headers.get('x-request-id'),
  });
  expect(stack.upstreamCalls()).toBe(2);

  stack.clock.advance(999);
  expect((await http.gql(stack, LEADS, undefined, bearer(CRM_KEY))).status).toBe(429);
  stack.clock.advance(1);
  expect((await http.gql(stack, LEADS, undefined, bearer(CRM_KEY))).status).toBe(200);
  expect(stack.upstreamCalls()).toBe(3);
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

describe('token bucket', () => {
  test('refills at the sustained rate, up to the burst', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 120, burst: 3 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.takeNow('a').allowed)).toEqual([true, true, true, false]);
    expect(limiter.takeNow('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 500;
    expect(limiter.takeNow('a').allowed).toBe(true);
    expect(limiter.takeNow('a').allowed).toBe(false);
    now += 3_600_000;
    expect([1, 2, 3, 4].map(() => limiter.takeNow('a').allowed)).toEqual([true, true, true, false]);
    expect(limiter.takeNow('b').allowed).toBe(true);
  });

  test('Retry-After rounds up to whole seconds of the rate', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 1, burst: 1 }, () => 0);
    limiter.takeNow('a');
    expect(limiter.takeNow('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  test('0 per minute turns it off', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 0, burst: 1 }, () => 0);
    expect([1, 2, 3].every(() => limiter.takeNow('a').allowed)).toBe(true);
  });

  test('memory stays bounded: refilled buckets are forgotten first, then the least recently seen', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 1 }, () => now, 10);
    limiter.takeNow('idle');
    now += 1_000; // 'idle' has refilled completely: forgetting it changes nothing.
    for (let i = 0; i < 8; i++) limiter.takeNow(`busy:${i}`);
    limiter.takeNow('recent');
    expect(limiter.size).toBe(10);
    limiter.takeNow('newcomer');
    expect(limiter.size).toBe(9);
    // The ones forgotten were 'idle' (full) and 'busy:0' (least recently seen); 'recent' still waits.
    expect(limiter.takeNow('recent').allowed).toBe(false);
    expect(limiter.takeNow('busy:0').allowed).toBe(true);
    expect(limiter.takeNow('busy:1').allowed).toBe(false);
  });
});

describe('sweep', () => {
  test('no API key or provider secret in any response or log line', () => {
    expectNoLeaks([...http.bodies, ...stack.logs.lines], [CRM_KEY, REPORTING_KEY, SITE_KEY, UNKNOWN_KEY, ...providerSecrets(stack)]);
  });
});
