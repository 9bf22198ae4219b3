/**
 * Where change-feed events travel between whoever learns of a change (a mutation, the delivery
 * worker, a poll) and every process that has subscribers. Contract: publish() never throws and
 * never waits on the network; a handler receives every event published on this process (at once,
 * in order) and, when the bus is shared, every event published on the others.
 */
import type { FeedEvent } from './feed-event';

export type FeedEventHandler = (event: FeedEvent) => void;

export interface LeadEventBus {
  /** True when events reach other processes (so one replica may poll for all). */
  readonly shared: boolean;
  publish(event: FeedEvent): void;
  /** Adds a handler; the function returned removes it. */
  subscribe(handler: FeedEventHandler): () => void;
  close(): Promise<void>;
}
