/**
 * The security pipeline on its own, as graphql-ws will call it: no node request or response, only
 * header-like credentials (a connection_init payload) and a peer address, with identification and
 * rate limiting answered asynchronously (as a store or Redis will answer them).
 */
import { silentLogger } from '../../src/logging/logger';
import { ApiKeyRegistry, parseApiKeys } from '../../src/security/api-keys';
import type { CallerIdentifier } from '../../src/security/caller-identifier';
import type { RateDecision, RateLimiter } from '../../src/security/rate-limiter';
import { SecurityPipeline } from '../../src/security/security-pipeline';
import { API_KEYS, CRM_KEY, UNKNOWN_KEY } from './security-harness';

/** A limiter that answers only when the test says so, and records the buckets it was asked about. */
class DeferredLimiter implements RateLimiter {
  readonly asked: string[] = [];
  private readonly waiting: Array<(decision: RateDecision) => void> = [];
  take(key: string): Promise<RateDecision> {
    this.asked.push(key);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  answer(decision: RateDecision): void {
    this.waiting.shift()!(decision);
  }
}

const registry = new ApiKeyRegistry(parseApiKeys(API_KEYS).entries);

test('a connection_init payload admits its key: caller with tenant, limited by key', async () => {
  const limiter = new DeferredLimiter();
  const pipeline = new SecurityPipeline({ identifier: registry, limiter, logger: silentLogger() });
  const admission = pipeline.admit({ headers: { authorization: `Bearer ${CRM_KEY}` }, remoteAddress: '10.0.0.1', requestId: 'ws-1' });
  while (limiter.asked.length === 0) await new Promise((resolve) => setImmediate(resolve));
  expect(limiter.asked).toEqual(['key:default:crm']);
  limiter.answer({ allowed: true });
  expect(await admission).toMatchObject({ admitted: true, caller: { name: 'crm', tenant: 'default' } });
});

test('an unknown key is limited by address, then refused 401 without quoting the key', async () => {
  const limiter = new DeferredLimiter();
  const pipeline = new SecurityPipeline({ identifier: registry, limiter, logger: silentLogger() });
  const admission = pipeline.admit({ headers: { 'x-api-key': UNKNOWN_KEY }, remoteAddress: '10.0.0.2', requestId: 'ws-2' });
  while (limiter.asked.length === 0) await new Promise((resolve) => setImmediate(resolve));
  expect(limiter.asked).toEqual(['ip:10.0.0.2']);
  limiter.answer({ allowed: true });
  const decided = await admission;
  expect(decided).toEqual({ admitted: false, refusal: { status: 401, code: 'UNAUTHENTICATED', message: 'Unknown API key' } });
});

test('a rate-limit refusal carries retryAfterSeconds', async () => {
  const limiter = new DeferredLimiter();
  const pipeline = new SecurityPipeline({ identifier: registry, limiter, logger: silentLogger() });
  const admission = pipeline.admit({ headers: { authorization: `Bearer ${CRM_KEY}` }, remoteAddress: undefined, requestId: 'ws-3' });
  while (limiter.asked.length === 0) await new Promise((resolve) => setImmediate(resolve));
  limiter.answer({ allowed: false, retryAfterSeconds: 7 });
  expect(await admission).toMatchObject({ admitted: false, refusal: { status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 7 } });
});

test('identification may be asynchronous (a store answering later)', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const stored: CallerIdentifier = {
    open: false,
    async identify(key) {
      await gate;
      return key === 'stored-key-0123456789'
        ? { name: 'form', tenant: 'acme', scopes: new Set(['leads:write'] as const), anonymous: false }
        : undefined;
    },
  };
  const limiter = new DeferredLimiter();
  const pipeline = new SecurityPipeline({ identifier: stored, limiter, logger: silentLogger() });
  const admission = pipeline.admit({
    headers: { authorization: 'Bearer stored-key-0123456789' },
    remoteAddress: '10.0.0.3',
    requestId: 'ws-4',
  });
  await new Promise((resolve) => setImmediate(resolve));
  expect(limiter.asked).toEqual([]);
  release();
  while (limiter.asked.length === 0) await new Promise((resolve) => setImmediate(resolve));
  expect(limiter.asked).toEqual(['key:acme:form']);
  limiter.answer({ allowed: true });
  expect(await admission).toMatchObject({ admitted: true, caller: { tenant: 'acme', name: 'form' } });
});
