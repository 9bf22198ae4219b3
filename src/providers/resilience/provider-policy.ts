/**
 * One provider's resilience policy set (cockatiel), created once per provider connection and
 * shared by every request to it: a bulkhead bounding its calls in flight, a circuit breaker that
 * fails fast while it is down, a deadline on every attempt, and retries for what is safe to send
 * again. Keeping one set per provider is what keeps one provider's trouble away from the others.
 *
 *   bulkhead → retries (budget, backoff, Retry-After) → circuit breaker → deadline → HTTP attempt
 *
 * Reads are retried after a 5xx, a broken connection or a timeout; a write only when its
 * connection was refused, since otherwise the provider may already have acted on it.
 */
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  IsolatedCircuitError,
  bulkhead,
  circuitBreaker,
  handleWhen,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
  type IBackoff,
} from 'cockatiel';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider.error';
import type { LeadProvider } from '../../leads/enums/lead-provider.enum';
import type { Logger } from '../../logging/logger';
import type { UpstreamObserver } from '../provider-adapter';
import { withDeadline } from './attempt-deadline';
import { CallBudget } from './call-budget';
import { ClockedCooldown } from './clocked-cooldown';
import type { ResilienceSettings } from './resilience-settings';
import { classifyFault, isProviderFailure, UpstreamTimeoutError, type UpstreamFault } from './upstream-fault';

export type CircuitStateName = 'closed' | 'half-open' | 'open';

export interface ProviderHealthSnapshot {
  circuit: CircuitStateName;
  /** Failed upstream calls since the last success (what the breaker counts towards its threshold). */
  consecutiveFailures: number;
}

export interface CallOptions {
  /** The request may be sent again even if it reached the provider (reads, a token call). */
  idempotent: boolean;
}

export interface ProviderPolicyDeps {
  /** Process-level logger bound to the provider. */
  logger: Logger;
  observer?: UpstreamObserver;
  /** Clock for the breaker's cooldown (ms); tests inject one. */
  now?: () => number;
  /**
   * Whether the attempt made with this signal only joined an upstream exchange another call
   * started (the pool shares identical GETs in flight). Its failure is that exchange's, already
   * counted once by the call that started it: counting it per caller would let one hung request
   * open the circuit for everyone.
   */
  joinedExchange?: (signal: AbortSignal) => boolean;
}

export class ProviderPolicy {
  private readonly failures: ConsecutiveBreaker;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly slots: BulkheadPolicy;
  private readonly backoff: ExponentialBackoff<unknown>;
  private readonly log: Logger;
  private readonly joinedExchange: (signal: AbortSignal) => boolean;

  constructor(
    readonly provider: LeadProvider,
    readonly settings: ResilienceSettings,
    deps: ProviderPolicyDeps,
  ) {
    this.log = deps.logger;
    this.joinedExchange = deps.joinedExchange ?? (() => false);
    this.failures = new ConsecutiveBreaker(settings.breakerThreshold);
    // Everything that reaches the breaker as an error is a provider failure (see attemptOnce),
    // except a SharedOutcome, which cockatiel then lets through without counting either way.
    this.breaker = circuitBreaker(
      handleWhen((error) => !(error instanceof SharedOutcome)),
      {
        breaker: this.failures,
        halfOpenAfter: new ClockedCooldown(settings.breakerCooldownMs, deps.now ?? Date.now),
      },
    );
    this.slots = bulkhead(settings.maxConcurrent, settings.maxQueued);
    this.backoff = new ExponentialBackoff({
      initialDelay: settings.backoffBaseMs,
      maxDelay: Math.max(settings.backoffBaseMs, settings.timeoutMs),
    });

    deps.observer?.circuit(provider, 'closed');
    this.breaker.onStateChange((state) => {
      const name = stateName(state);
      deps.observer?.circuit(provider, name);
      if (name === 'open') this.log.warn({ circuit: name, cooldownMs: settings.breakerCooldownMs }, 'circuit opened');
      else this.log.info({ circuit: name }, 'circuit state changed');
    });
  }

  health(): ProviderHealthSnapshot {
    return { circuit: stateName(this.breaker.state), consecutiveFailures: this.failures.state };
  }

  /** Runs one provider call; `attempt` performs one HTTP exchange and must honour `signal`. */
  async execute<T>(attempt: (signal: AbortSignal) => Promise<T>, options: CallOptions): Promise<T> {
    const budget = new CallBudget(this.settings.retryBudgetMs);
    try {
      // A call that waited for its slot until its budget was gone gives up there, without calling
      // the provider, and so frees the slot for the next one. The bulkhead is given no signal to
      // do it: cockatiel checks a waiter's signal only when it dequeues it, and a waiter rejected
      // that way leaves the slot idle and everyone queued behind it stranded.
      return await this.slots.execute(async () => {
        if (budget.remainingMs() <= 0) throw new UpstreamTimeoutError(this.settings.retryBudgetMs);
        return this.withRetries(attempt, options, budget);
      });
    } catch (error) {
      if (error instanceof BulkheadRejectedError)
        throw this.unavailable(`${this.provider} has too many requests in flight through LeadGraph; try again shortly.`);
      throw error;
    }
  }

  private async withRetries<T>(attempt: (signal: AbortSignal) => Promise<T>, options: CallOptions, budget: CallBudget): Promise<T> {
    let backoff: IBackoff<unknown> | undefined;
    const nextBackoff = () => (backoff = backoff ? backoff.next(undefined) : this.backoff.next()).duration;
    for (let retry = 0; ; retry++) {
      try {
        return await this.attemptOnce(attempt, budget);
      } catch (error) {
        if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError)
          throw this.unavailable(`${this.provider} is failing; LeadGraph is not calling it for now. Try again later.`);
        const fault = classifyFault(error);
        const waitMs = retry < this.settings.retries ? this.waitBeforeRetry(fault, options, budget, nextBackoff) : undefined;
        if (waitMs === undefined) throw fault.kind === 'timeout' ? new UpstreamTimeoutError(this.settings.timeoutMs) : error;
        this.log.info({ fault: fault.kind, retry: retry + 1, waitMs: Math.round(waitMs) }, 'retrying upstream call');
        if (waitMs > 0) await sleep(waitMs);
      }
    }
  }

  /**
   * One HTTP exchange under the breaker and a deadline. Answers that are not failures (a 4xx, a
   * 429, a broken body) pass through the breaker as successes: the provider is up and answering,
   * so they end a run of consecutive failures (and a half-open probe) like any success.
   */
  private async attemptOnce<T>(attempt: (signal: AbortSignal) => Promise<T>, budget: CallBudget): Promise<T> {
    let outcome: Outcome<T>;
    try {
      outcome = await this.breaker.execute(async () => {
        let attemptSignal: AbortSignal | undefined;
        // A half-open probe always counts: it alone decides whether the circuit closes.
        const probing = this.breaker.state === CircuitState.HalfOpen;
        const joined = () => !probing && attemptSignal !== undefined && this.joinedExchange(attemptSignal);
        try {
          // Each attempt gets the per-attempt deadline, or what is left of the call's budget if less.
          const value = await withDeadline(Math.min(this.settings.timeoutMs, budget.remainingMs()), (signal) => {
            attemptSignal = signal;
            return attempt(signal);
          });
          if (joined()) throw new SharedOutcome<T>({ ok: true, value });
          return { ok: true as const, value };
        } catch (error) {
          if (error instanceof SharedOutcome) throw error;
          if (joined()) throw new SharedOutcome<T>({ ok: false, error });
          if (isProviderFailure(classifyFault(error))) throw error;
          return { ok: false as const, error };
        }
      });
    } catch (error) {
      if (!(error instanceof SharedOutcome)) throw error;
      outcome = (error as SharedOutcome<T>).outcome;
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** How long to wait before trying again, or undefined when this fault must not be retried. */
  private waitBeforeRetry(fault: UpstreamFault, options: CallOptions, budget: CallBudget, nextBackoff: () => number): number | undefined {
    const allowed = fault.kind === 'refused' || (options.idempotent && fault.kind !== 'final');
    if (!allowed) return undefined;
    const waitMs = fault.kind === 'rate-limited' && fault.retryAfterSeconds !== undefined ? fault.retryAfterSeconds * 1000 : nextBackoff();
    // A wait that leaves no time for the attempt itself only delays the same answer.
    return waitMs < budget.remainingMs() ? waitMs : undefined;
  }

  private unavailable(message: string): ProviderError {
    return new ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, this.provider, message);
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The outcome of an attempt that only joined an upstream exchange another call started. Thrown
 * through the breaker so cockatiel counts it neither as a success nor as a failure: the call that
 * started the exchange already counted it once.
 */
class SharedOutcome<T> {
  constructor(readonly outcome: Outcome<T>) {}
}

/** A wait on the global timer (which fake clocks in tests control, unlike node:timers/promises). */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function stateName(state: CircuitState): CircuitStateName {
  if (state === CircuitState.Closed) return 'closed';
  if (state === CircuitState.HalfOpen) return 'half-open';
  return 'open';
}
