/**
 * Per-caller rate limits, counted by rate-limiter-flexible: in this process (RateLimiterMemory),
 * or in Redis shared by every replica (shared-rate-limits.ts). A caller may make `points` requests
 * per window of `durationSeconds`; the window is the time the sustained rate (RATE_LIMIT_PER_MINUTE)
 * takes to earn a burst (RATE_LIMIT_BURST), at least one second, so the average is the configured
 * rate and at most a burst is spent at once within a window.
 */
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitSettings } from './security-config';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Spends one request of a caller's allowance. Asynchronous: a shared store (Redis, for several
 * replicas) answers it.
 */
export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

export interface RateWindow {
  points: number;
  durationSeconds: number;
}

/** The counting window of the settings; undefined when rate limiting is off (0 per minute). */
export function rateWindow(settings: RateLimitSettings): RateWindow | undefined {
  if (settings.perMinute <= 0) return undefined;
  // Whole seconds: Redis expires keys by the second.
  const durationSeconds = Math.max(1, Math.round((settings.burst * 60) / settings.perMinute));
  const points = Math.max(1, Math.round((settings.perMinute * durationSeconds) / 60));
  return { points, durationSeconds };
}

export class FlexibleRateLimiter implements RateLimiter {
  /**
   * `limiter` counts (none: every request is allowed); `onError` hears a failure of the counting
   * itself, after which the request is allowed: a limit protects the gateway, it never gates it.
   */
  constructor(
    private readonly limiter: RateLimiterAbstract | undefined,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Limits counted in this process alone. */
  static inMemory(settings: RateLimitSettings): FlexibleRateLimiter {
    const window = rateWindow(settings);
    return new FlexibleRateLimiter(window && new RateLimiterMemory({ points: window.points, duration: window.durationSeconds }));
  }

  async take(key: string): Promise<RateDecision> {
    if (!this.limiter) return { allowed: true };
    try {
      await this.limiter.consume(key);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      this.onError(rejection);
      return { allowed: true };
    }
  }
}
