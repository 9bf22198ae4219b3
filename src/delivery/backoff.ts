/**
 * When to try again: exponential from minBackoffMs, doubling per attempt, capped at maxBackoffMs,
 * with "equal jitter" (half fixed, half random) so replicas retrying one outage spread out. A
 * provider's Retry-After is a floor. Pure: the random source is injected for tests.
 */
export interface BackoffBounds {
  minBackoffMs: number;
  maxBackoffMs: number;
}

export function backoffMs(attempts: number, bounds: BackoffBounds, retryAfterSeconds?: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  const base = Math.min(bounds.maxBackoffMs, bounds.minBackoffMs * 2 ** exponent);
  const jittered = base / 2 + random() * (base / 2);
  const floor = retryAfterSeconds !== undefined && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 0;
  return Math.round(Math.max(jittered, floor, bounds.minBackoffMs / 2));
}
