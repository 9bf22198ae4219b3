/**
 * The circuit breaker's cooldown, measured on LeadGraph's injectable clock. cockatiel times its
 * open state with Date.now(), which tests cannot move; this backoff answers its "has the
 * cooldown passed?" question (`Date.now() - openedAt < duration`) from our clock instead, so a
 * test advances the clock rather than sleeping through 30 s.
 */
import type { IBackoff, IBackoffFactory } from 'cockatiel';

export class ClockedCooldown implements IBackoffFactory<unknown> {
  constructor(
    private readonly cooldownMs: number,
    private readonly now: () => number,
  ) {}

  /** Called by cockatiel each time the circuit opens. */
  next(): IBackoff<unknown> {
    const { cooldownMs, now } = this;
    const openedAt = now();
    return {
      // ±Infinity so cockatiel's own wall-clock arithmetic cannot tip the answer either way.
      get duration() {
        return now() - openedAt < cooldownMs ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      },
      next: () => this.next(),
    };
  }
}
