/**
 * Bounds one provider's upstream exchanges in flight: at most `capacity` at once and `queueLimit`
 * waiting for a slot; beyond that a call is refused at once (BulkheadFullError). A slot is held
 * for one exchange only, never while a call sleeps before a retry. A waiter leaves the queue when
 * its time runs out or its caller goes away, and the slot then goes to the next waiter, so nobody
 * is stranded behind a slot nobody uses. Why this is LeadGraph's own and not cockatiel's:
 * docs/decisions/circuit-breaker-and-bulkhead.md.
 */
import { CallerGoneError, UpstreamTimeoutError } from './upstream-fault';

export class BulkheadFullError extends Error {
  constructor() {
    super('bulkhead full');
    this.name = 'BulkheadFull';
  }
}

/** Gives the slot back; calling it more than once is harmless. */
export type ReleaseSlot = () => void;

interface Waiter {
  grant(): void;
}

export class Bulkhead {
  private active = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    readonly capacity: number,
    readonly queueLimit: number,
  ) {}

  /** Exchanges holding a slot now. */
  get inFlight(): number {
    return this.active;
  }

  /** Calls waiting for a slot now. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * A slot, at once or after waiting at most `waitMs`. Rejects with BulkheadFullError when the
   * queue is full, UpstreamTimeoutError (not sent) when the wait ran out, CallerGoneError when
   * `signal` fired first.
   */
  acquire(waitMs: number, signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(new CallerGoneError());
    if (this.active < this.capacity) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.queueLimit) return Promise.reject(new BulkheadFullError());
    if (waitMs <= 0) return Promise.reject(new UpstreamTimeoutError(waitMs, 'not-sent'));
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const leave = (error: Error) => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      };
      const onAbort = () => leave(new CallerGoneError());
      const timer = setTimeout(() => leave(new UpstreamTimeoutError(waitMs, 'not-sent')), waitMs);
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private releaser(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the next waiter, so `active` only drops when nobody waits.
      const next = this.queue.shift();
      if (next) next.grant();
      else this.active--;
    };
  }
}
