/**
 * One provider's resilience policy set, created once per provider connection and shared by every
 * request to it: a bulkhead bounding its exchanges in flight, a circuit breaker that fails fast
 * while it is down, a deadline on every attempt, and retries for what is safe to send again.
 * Keeping one set per provider is what keeps one provider's trouble away from the others.
 *
 *   retries (budget, backoff, Retry-After, caller signal)
 *     → circuit check → bulkhead slot → circuit permit → deadline → one HTTP exchange
 *
 * The slot is held for the exchange only: a call sleeping before its retry holds nothing. Reads
 * are retried after a 5xx, a broken connection or a timeout; a write only when no connection was
 * made, since otherwise the provider may already have acted on it. Everything here sees each real
 * upstream exchange exactly once: sharing identical reads happens above (SingleFlight).
 */
import { ExponentialBackoff, type IBackoff } from 'cockatiel';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider.error';
import type { LeadProvider } from '../../leads/enums/lead-provider.enum';
import type { Logger } from '../../logging/logger';
import type { UpstreamObserver } from '../provider-adapter';
import { withDeadline } from './attempt-deadline';
import { Bulkhead, BulkheadFullError } from './bulkhead';
import { CallBudget } from './call-budget';
import { CircuitBreaker, type CircuitStateName } from './circuit-breaker';
import type { ResilienceSettings } from './resilience-settings';
import { CallerGoneError, classifyFault, isProviderFailure, UpstreamTimeoutError, type UpstreamFault } from './upstream-fault';

export type { CircuitStateName } from './circuit-breaker';

export interface ProviderHealthSnapshot {
  circuit: CircuitStateName;
  /** Failed upstream calls since the last success (what the breaker counts towards its threshold). */
  consecutiveFailures: number;
}

export interface CallOptions {
  /** The request may be sent again even if it reached the provider (reads, a token call). */
  idempotent: boolean;
  /** Fires when nobody wants the answer any more: no further attempt or wait, and the attempt in flight is aborted. */
  signal?: AbortSignal;
}

export interface ProviderPolicyDeps {
  /** Process-level logger bound to the provider. */
  logger: Logger;
  observer?: UpstreamObserver;
  /** Clock for the breaker's cooldown (ms); tests inject one. */
  now?: () => number;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export class ProviderPolicy {
  private readonly breaker: CircuitBreaker;
  private readonly slots: Bulkhead;
  private readonly backoff: ExponentialBackoff<unknown>;
  private readonly log: Logger;

  constructor(
    readonly provider: LeadProvider,
    readonly settings: ResilienceSettings,
    deps: ProviderPolicyDeps,
  ) {
    this.log = deps.logger;
    this.breaker = new CircuitBreaker({
      threshold: settings.breakerThreshold,
      cooldownMs: settings.breakerCooldownMs,
      now: deps.now ?? Date.now,
      onStateChange: (state) => {
        deps.observer?.circuit(provider, state);
        if (state === 'open') this.log.warn({ circuit: state, cooldownMs: settings.breakerCooldownMs }, 'circuit opened');
        else this.log.info({ circuit: state }, 'circuit state changed');
      },
    });
    this.slots = new Bulkhead(settings.maxConcurrent, settings.maxQueued);
    this.backoff = new ExponentialBackoff({
      initialDelay: settings.backoffBaseMs,
      maxDelay: Math.max(settings.backoffBaseMs, settings.timeoutMs),
    });
    deps.observer?.circuit(provider, 'closed');
  }

  health(): ProviderHealthSnapshot {
    return { circuit: this.breaker.state, consecutiveFailures: this.breaker.consecutiveFailures };
  }

  /** Exchanges holding a bulkhead slot now, and calls waiting for one. */
  load(): { inFlight: number; queued: number } {
    return { inFlight: this.slots.inFlight, queued: this.slots.queued };
  }

  /** Runs one provider call; `attempt` performs one HTTP exchange and must honour `signal`. */
  async execute<T>(attempt: (signal: AbortSignal) => Promise<T>, options: CallOptions): Promise<T> {
    const budget = new CallBudget(this.settings.retryBudgetMs);
    let backoff: IBackoff<unknown> | undefined;
    const nextBackoff = () => (backoff = backoff ? backoff.next(undefined) : this.backoff.next()).duration;
    for (let retry = 0; ; retry++) {
      const outcome = await this.attemptOnce(attempt, budget, options.signal);
      if (outcome.ok) return outcome.value;
      const fault = classifyFault(outcome.error);
      const waitMs = retry < this.settings.retries ? this.waitBeforeRetry(fault, options, budget, nextBackoff) : undefined;
      if (waitMs === undefined) throw fault.kind === 'timeout' ? new UpstreamTimeoutError(this.settings.timeoutMs) : outcome.error;
      this.log.info({ fault: fault.kind, retry: retry + 1, waitMs: Math.round(waitMs) }, 'retrying upstream call');
      if (waitMs > 0) await sleep(waitMs, options.signal);
      else if (options.signal?.aborted) throw new CallerGoneError();
    }
  }

  /**
   * One HTTP exchange under a bulkhead slot, a circuit permit and a deadline. Refusals (open
   * circuit, full bulkhead, no time left for a slot) are thrown; what the exchange itself gave is
   * returned as an outcome. Answers that are not failures (a 4xx, a 429, a broken body) count as
   * successes: the provider is up and answering, so they end a run of failures like any success.
   */
  private async attemptOnce<T>(
    attempt: (signal: AbortSignal) => Promise<T>,
    budget: CallBudget,
    signal?: AbortSignal,
  ): Promise<Outcome<T>> {
    // Refused before queueing: an open circuit must not cost a place in the queue.
    if (this.breaker.refusesNow()) throw this.circuitOpen();
    let release: () => void;
    try {
      release = await this.slots.acquire(budget.remainingMs(), signal);
    } catch (error) {
      if (error instanceof BulkheadFullError)
        throw this.unavailable(`${this.provider} has too many requests in flight through LeadGraph; try again shortly.`);
      throw error;
    }
    try {
      const permit = this.breaker.admit();
      if (!permit) throw this.circuitOpen();
      try {
        // Each attempt gets the per-attempt deadline, or what is left of the call's budget if less.
        const value = await withDeadline(Math.min(this.settings.timeoutMs, budget.remainingMs()), attempt, signal);
        permit.success();
        return { ok: true, value };
      } catch (error) {
        const fault = classifyFault(error);
        if (isProviderFailure(fault)) permit.failure();
        else if (fault.kind === 'local') permit.release();
        else permit.success();
        return { ok: false, error };
      }
    } finally {
      release();
    }
  }

  /** How long to wait before trying again, or undefined when this fault must not be retried. */
  private waitBeforeRetry(fault: UpstreamFault, options: CallOptions, budget: CallBudget, nextBackoff: () => number): number | undefined {
    if (fault.kind === 'local' || fault.kind === 'final') return undefined;
    if (fault.kind !== 'refused' && !options.idempotent) return undefined;
    const waitMs = fault.kind === 'rate-limited' && fault.retryAfterSeconds !== undefined ? fault.retryAfterSeconds * 1000 : nextBackoff();
    // A wait that leaves no time for the attempt itself only delays the same answer.
    return waitMs < budget.remainingMs() ? waitMs : undefined;
  }

  private circuitOpen(): ProviderError {
    return this.unavailable(`${this.provider} is failing; LeadGraph is not calling it for now. Try again later.`);
  }

  private unavailable(message: string): ProviderError {
    return new ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, this.provider, message, { delivery: 'not-sent' });
  }
}

/**
 * A wait on the global timer (which fake clocks in tests control, unlike node:timers/promises),
 * cut short by the caller going away.
 */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new CallerGoneError());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CallerGoneError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
