/**
 * The gateway's rate limiter: with Redis (REDIS_URL), one count per caller shared by every replica
 * (RateLimiterRedis); without, each process counts its own (RateLimiterMemory).
 *
 * Contract when Redis is away: requests are still served, counted by an in-process insurance
 * limiter (rate-limiter-flexible's `insuranceLimiter`, same window) — so each replica then allows a
 * caller the full limit. This is loud: a warning when limits fall back, an info line when they are
 * shared (again) (Redis health transitions, redis-connection.ts), and `/readyz` says so meanwhile
 * (sharedRateLimitState). Shared counting resumes as soon as Redis is ready again.
 */
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Logger } from '../logging/logger';
import type { RedisConnection } from '../redis/redis-connection';
import { FlexibleRateLimiter, rateWindow, type RateLimiter } from './rate-limiter';
import type { RateLimitSettings } from './security-config';

export function createRateLimiter(settings: RateLimitSettings, deps: { logger: Logger; redis?: RedisConnection }): RateLimiter {
  const { redis, logger } = deps;
  const window = rateWindow(settings);
  if (!redis || !window) return FlexibleRateLimiter.inMemory(settings);
  const insuranceLimiter = new RateLimiterMemory({ points: window.points, duration: window.durationSeconds });
  const shared = new RateLimiterRedis({
    storeClient: redis.client,
    keyPrefix: redis.key('rate'),
    points: window.points,
    duration: window.durationSeconds,
    insuranceLimiter,
    // Straight to the insurance limiter while disconnected, instead of trying a command first.
    rejectIfRedisNotReady: true,
  });
  redis.onHealth((health) => {
    if (health === 'down')
      logger.warn(
        { redis: redis.settings.location },
        'rate limits fall back to each process until Redis answers (each replica allows the full limit)',
      );
    else logger.info({ redis: redis.settings.location }, 'rate limits shared by all replicas (Redis)');
  });
  return new FlexibleRateLimiter(shared, (error) => logger.error({ err: error }, 'rate limit not counted; request allowed'));
}

/** What /readyz says about rate limits: shared, or per process while Redis is away. */
export function sharedRateLimitDetail(redis: RedisConnection): string {
  return redis.health === 'up' ? 'rate limits shared by all replicas' : 'rate limits per process until Redis answers';
}
