/**
 * How hard LeadGraph tries a provider before giving up, and when it stops trying for a while.
 * One value per process (from the environment), applied to each provider's own policy set, so
 * every provider folder gets the same guarantees without code of its own.
 */

export interface ResilienceSettings {
  /** Deadline of one upstream request (connect, headers and body), in ms. */
  timeoutMs: number;
  /** Extra attempts for a read after a 5xx, a broken connection or a timeout (writes never get them). */
  retries: number;
  /** Consecutive failed upstream calls that open a provider's circuit. */
  breakerThreshold: number;
  /** How long an open circuit fails fast before letting one probe through, in ms. */
  breakerCooldownMs: number;
  /** First delay of the jittered exponential backoff between attempts, in ms. */
  backoffBaseMs: number;
  /** Time one call may spend across attempts, backoff and Retry-After waits, in ms. */
  retryBudgetMs: number;
  /** Calls one provider may have in flight at once (its bulkhead). */
  maxConcurrent: number;
  /** Calls that may wait for a free slot; beyond that they fail at once. */
  maxQueued: number;
  /** Largest provider answer body read, in bytes; beyond it PROVIDER_BAD_RESPONSE. Default DEFAULT_MAX_BODY_BYTES (5 MiB). */
  maxBodyBytes?: number;
}

export const DEFAULT_RESILIENCE_SETTINGS: ResilienceSettings = Object.freeze({
  timeoutMs: 10_000,
  retries: 2,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
  backoffBaseMs: 100,
  retryBudgetMs: 20_000,
  maxConcurrent: 64,
  maxQueued: 128,
});
