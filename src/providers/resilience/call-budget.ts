/**
 * The time one provider call may take in all (queueing, attempts, backoff, Retry-After waits).
 * Its signal is the parent of every attempt's deadline, so the last attempt is cut short rather
 * than overrun the budget; its timer is cleared when the call ends, so finished calls leave
 * nothing behind.
 */
export class CallBudget {
  private readonly controller = new AbortController();
  private readonly startedAt = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(readonly totalMs: number) {
    this.timer = setTimeout(() => this.controller.abort(), totalMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  remainingMs(): number {
    return Math.max(0, this.totalMs - (performance.now() - this.startedAt));
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
