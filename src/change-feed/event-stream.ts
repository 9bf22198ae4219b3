/**
 * One subscription's events, as the async iterator graphql-js's `subscribe` reads: events wait in
 * a bounded queue while the socket is busy sending earlier ones. Contract: at most `maxQueued`
 * events wait; the one beyond (or any event while the connection says it is congested) ends the
 * stream and calls `overflow()` (the transport drops the slow consumer) instead of buffering
 * without bound. return() (the client completed, the socket closed) ends it and calls `ended()` once.
 */
import type { FeedEvent } from './feed-event';

export interface EventStreamOptions {
  maxQueued: number;
  /** True when the transport already holds too much unsent for this subscriber. */
  congested?: () => boolean;
  overflow(): void;
  ended(): void;
}

export class EventStream implements AsyncIterableIterator<FeedEvent> {
  private readonly queue: FeedEvent[] = [];
  private waiting: ((result: IteratorResult<FeedEvent>) => void) | undefined;
  private finished = false;

  constructor(private readonly options: EventStreamOptions) {}

  get queued(): number {
    return this.queue.length;
  }

  push(event: FeedEvent): void {
    if (this.finished) return;
    if (this.queue.length >= this.options.maxQueued || this.options.congested?.()) {
      this.end();
      this.options.overflow();
      return;
    }
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: event, done: false });
      return;
    }
    this.queue.push(event);
  }

  next(): Promise<IteratorResult<FeedEvent>> {
    const event = this.queue.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<FeedEvent>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<FeedEvent>> {
    this.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<FeedEvent> {
    return this;
  }

  private end(): void {
    if (this.finished) return;
    this.finished = true;
    this.queue.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    this.options.ended();
  }
}
