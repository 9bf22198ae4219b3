/**
 * The time one provider call may take in all (queueing for a slot, attempts, backoff, Retry-After
 * waits). It is a clock, not a signal: each attempt's deadline is cut to what is left of it, so the
 * last attempt ends with the budget rather than overrunning it, and a call that got its slot too
 * late gives up before calling the provider. Nothing to clear when the call ends.
 */
export class CallBudget {
  private readonly startedAt = performance.now();

  constructor(readonly totalMs: number) {}

  remainingMs(): number {
    return Math.max(0, this.totalMs - (performance.now() - this.startedAt));
  }
}
