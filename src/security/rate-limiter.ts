/**
 * Per-caller token buckets, in memory: each caller may burst up to `burst` requests and then
 * `perMinute` a minute. One gateway process, one set of buckets; several replicas each enforce the
 * limit on their own (put a shared limiter in front if that matters). The clock is injected so the
 * refill is tested without waiting.
 */
import type { RateLimitSettings } from './security-config';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Spends one request of a caller's allowance. Asynchronous so that a shared store (Redis, for
 * several replicas) can answer it; the in-memory buckets below answer at once.
 */
export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Beyond this many callers remembered, buckets that have refilled completely are forgotten, then
 * the least recently seen, down to 90% so the sweep does not run on every request of a flood.
 */
const DEFAULT_MAX_BUCKETS = 10_000;

export class TokenBucketLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
    private readonly maxBuckets = DEFAULT_MAX_BUCKETS,
  ) {
    this.perMs = settings.perMinute / 60_000;
  }

  /** How many callers are remembered. */
  get size(): number {
    return this.buckets.size;
  }

  get enabled(): boolean {
    return this.settings.perMinute > 0;
  }

  /** Spends one token of `key`'s bucket, or says how long until one is there. */
  async take(key: string): Promise<RateDecision> {
    return this.takeNow(key);
  }

  /** `take`, answered synchronously (the buckets live in this process). */
  takeNow(key: string): RateDecision {
    if (!this.enabled) return { allowed: true };
    const now = this.now();
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.remember(key, bucket, now);
      return { allowed: true };
    }
    this.remember(key, bucket, now);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.settings.burst, at: now };
    const elapsed = Math.max(0, now - bucket.at);
    return { tokens: Math.min(this.settings.burst, bucket.tokens + elapsed * this.perMs), at: now };
  }

  private remember(key: string, bucket: Bucket, now: number): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size <= this.maxBuckets) return;
    for (const [other, state] of this.buckets) {
      if (this.refilled(state, now).tokens >= this.settings.burst) this.buckets.delete(other);
    }
    // Still full of busy callers: forget the least recently seen (a Map keeps insertion order).
    const target = Math.floor(this.maxBuckets * 0.9);
    for (const other of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(other);
    }
  }
}
