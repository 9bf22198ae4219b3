/**
 * One provider's circuit breaker. Closed, it counts consecutive provider failures; at the
 * threshold it opens and admits nothing until the cooldown has passed on the injected clock. Then
 * exactly one call is admitted as the probe (half-open) and every other call is refused at once,
 * never held behind the probe; the probe's success closes the circuit, its failure opens it again.
 *
 * An outcome counts only in the state its call was admitted in: a call admitted while closed that
 * ends after the circuit opened (or after a probe) changes nothing. Why this is LeadGraph's own
 * and not cockatiel's: docs/decisions/circuit-breaker-and-bulkhead.md.
 */
export type CircuitStateName = 'closed' | 'half-open' | 'open';

/** What an admitted call reports once, when its upstream exchange ends. */
export interface CircuitPermit {
  /** The provider answered (any answer that is not a provider failure). */
  success(): void;
  /** A provider failure: 5xx, timeout, unreachable. */
  failure(): void;
  /** Nothing was learnt about the provider (our own error, the caller left): counts neither way. */
  release(): void;
}

export interface CircuitBreakerOptions {
  threshold: number;
  cooldownMs: number;
  now: () => number;
  onStateChange?: (state: CircuitStateName) => void;
}

export class CircuitBreaker {
  private current: CircuitStateName = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probeInFlight = false;
  /** Bumped on every state change, so a permit from an earlier state is ignored. */
  private epoch = 0;

  constructor(private readonly options: CircuitBreakerOptions) {}

  get state(): CircuitStateName {
    return this.current;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Whether a call made now would be refused: checked before queueing for a bulkhead slot. */
  refusesNow(): boolean {
    if (this.current === 'open') return !this.cooldownPassed();
    return this.current === 'half-open' && this.probeInFlight;
  }

  /** A permit for one upstream exchange, or undefined when the circuit refuses the call. */
  admit(): CircuitPermit | undefined {
    if (this.current === 'open') {
      if (!this.cooldownPassed()) return undefined;
      this.moveTo('half-open');
    }
    if (this.current === 'half-open') {
      if (this.probeInFlight) return undefined;
      this.probeInFlight = true;
      return this.permit(true);
    }
    return this.permit(false);
  }

  private permit(probe: boolean): CircuitPermit {
    const epoch = this.epoch;
    let used = false;
    const report = (outcome: 'success' | 'failure' | 'release') => {
      if (used) return;
      used = true;
      if (epoch !== this.epoch) return;
      if (probe) this.probeInFlight = false;
      if (outcome === 'release') return;
      if (outcome === 'success') {
        this.failures = 0;
        if (probe) this.moveTo('closed');
        return;
      }
      this.failures++;
      if (probe || this.failures >= this.options.threshold) {
        this.openedAt = this.options.now();
        this.moveTo('open');
      }
    };
    return { success: () => report('success'), failure: () => report('failure'), release: () => report('release') };
  }

  private cooldownPassed(): boolean {
    return this.options.now() - this.openedAt >= this.options.cooldownMs;
  }

  private moveTo(state: CircuitStateName): void {
    if (state === this.current) return;
    this.current = state;
    this.epoch++;
    this.probeInFlight = false;
    this.options.onStateChange?.(state);
  }
}
