/**
 * The time one provider call may take in all (queueing, attempts, backoff, Retry-After waits).
 * Each attempt's deadline is cut to what is left of it, so the last attempt ends with the budget
 * rather than overrunning it. A signal (with its timer) exists only for a call that has to queue
 * for a bulkhead slot, whose wait it ends: most calls never queue, and a controller and a timer
 * per call were a measurable share of a small operation's CPU.
 */
export class CallBudget {
  private readonly startedAt = performance.now();
  private controller?: AbortController;
  private timer?: NodeJS.Timeout;

  constructor(readonly totalMs: number) {}

  /** Aborted when the budget runs out; created on first use. */
  get signal(): AbortSignal {
    if (!this.controller) {
      const controller = (this.controller = new AbortController());
      const left = this.remainingMs();
      if (left <= 0) controller.abort();
      else this.timer = setTimeout(() => controller.abort(), left);
    }
    return this.controller.signal;
  }

  remainingMs(): number {
    return Math.max(0, this.totalMs - (performance.now() - this.startedAt));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
