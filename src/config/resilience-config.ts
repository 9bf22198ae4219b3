/**
 * The resilience variables (timeouts, retries, circuit breaker, bulkhead), read apart from the
 * rest of the configuration so the gateway's loader only adds one call. Like every other
 * variable, a bad value is reported by name, never echoed.
 */
import { DEFAULT_RESILIENCE_SETTINGS, type ResilienceSettings } from '../providers/resilience/resilience-settings';
import { wholeNumberReader } from './whole-number-variable';

export interface ResilienceConfigResult {
  settings: ResilienceSettings;
  /** One line per bad variable, naming it. */
  problems: string[];
}

const MAX_MS = 24 * 60 * 60 * 1000;

export function readResilienceConfig(env: NodeJS.ProcessEnv): ResilienceConfigResult {
  const problems: string[] = [];
  const whole = wholeNumberReader(env, problems);
  const d = DEFAULT_RESILIENCE_SETTINGS;
  const timeoutMs = whole('PROVIDER_TIMEOUT_MS', d.timeoutMs, 1, MAX_MS, 'milliseconds');
  const maxConcurrent = whole('PROVIDER_MAX_CONCURRENCY', d.maxConcurrent, 1, 10_000, 'requests');
  const settings: ResilienceSettings = {
    timeoutMs,
    retries: whole('PROVIDER_RETRIES', d.retries, 0, 10, 'retries'),
    breakerThreshold: whole('CIRCUIT_BREAKER_THRESHOLD', d.breakerThreshold, 1, 1_000_000, 'failures'),
    breakerCooldownMs: whole('CIRCUIT_BREAKER_COOLDOWN_MS', d.breakerCooldownMs, 0, MAX_MS, 'milliseconds'),
    backoffBaseMs: whole('PROVIDER_BACKOFF_MS', d.backoffBaseMs, 0, MAX_MS, 'milliseconds'),
    // By default two deadlines: a read that timed out gets one more full try, never a third.
    retryBudgetMs: whole('PROVIDER_RETRY_BUDGET_MS', 2 * timeoutMs, 1, MAX_MS, 'milliseconds'),
    maxConcurrent,
    maxQueued: whole('PROVIDER_MAX_QUEUE', 2 * maxConcurrent, 0, 100_000, 'requests'),
  };
  return { settings, problems };
}
