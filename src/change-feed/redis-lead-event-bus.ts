/**
 * The bus shared by every replica (REDIS_URL): each event is delivered to this process's handlers
 * at once, as the local bus does, and published on one Redis channel (REDIS_KEY_PREFIX + `lead-events`) for the other replicas; what
 * arrives from the channel is delivered here unless this process published it. Two connections of
 * its own (Redis forbids commands on a connection in subscriber mode).
 *
 * Redis being down never breaks the gateway: publish() does not queue or wait (the publisher runs
 * without an offline queue), local delivery goes on, and the outage is logged as an error once
 * (and its end once), not per event. ioredis reconnects and re-subscribes by itself. Events
 * published during an outage do not reach the other replicas.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger';
import { decodeFeedEvent, encodeFeedEvent, type FeedEvent } from './feed-event';
import type { FeedEventHandler, LeadEventBus } from './lead-event-bus';
import { LocalLeadEventBus } from './local-lead-event-bus';

/** The channel's name after REDIS_KEY_PREFIX. */
export const LEAD_EVENTS_CHANNEL = 'lead-events';
/** A message larger than this is not one of ours: dropped unread. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export class RedisLeadEventBus implements LeadEventBus {
  readonly shared: boolean = true;
  /** Tells this process's own messages apart when they come back from the channel. */
  private readonly origin = randomUUID();
  private readonly local: LocalLeadEventBus;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channel: string;
  private healthy = true;

  constructor(
    url: string,
    prefix: string,
    private readonly logger: Logger,
  ) {
    this.channel = `${prefix}${LEAD_EVENTS_CHANNEL}`;
    this.local = new LocalLeadEventBus(logger);
    const options = { lazyConnect: false, maxRetriesPerRequest: 1, connectionName: 'leadgraph-change-feed' };
    this.publisher = new Redis(url, { ...options, enableOfflineQueue: false });
    this.subscriber = new Redis(url, options);
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => this.down(error));
      connection.on('ready', () => this.up());
    }
    this.subscriber.subscribe(this.channel).catch((error: unknown) => this.down(error));
    this.subscriber.on('message', (_channel: string, message: string) => this.received(message));
  }

  publish(event: FeedEvent): void {
    this.local.deliver(event);
    if (this.publisher.status !== 'ready') {
      this.down(new Error(`redis connection ${this.publisher.status}`));
      return;
    }
    this.publisher.publish(this.channel, encodeFeedEvent(event, this.origin)).catch((error: unknown) => this.down(error));
  }

  subscribe(handler: FeedEventHandler): () => void {
    return this.local.subscribe(handler);
  }

  async close(): Promise<void> {
    await this.local.close();
    this.subscriber.disconnect();
    await this.publisher.quit().catch(() => this.publisher.disconnect());
  }

  private received(message: string): void {
    if (message.length > MAX_MESSAGE_BYTES) return;
    const decoded = decodeFeedEvent(message);
    if (!decoded) {
      this.logger.warn('change feed: a message on the Redis channel is not an event; dropped');
      return;
    }
    if (decoded.origin !== this.origin) this.local.deliver(decoded.event);
  }

  private down(error: unknown): void {
    if (!this.healthy) return;
    this.healthy = false;
    this.logger.error(
      { err: error },
      'REDIS UNREACHABLE: change-feed events now reach only the subscribers of this replica (local delivery goes on); retrying',
    );
  }

  private up(): void {
    if (this.healthy) return;
    if (this.publisher.status !== 'ready' || this.subscriber.status !== 'ready') return;
    this.healthy = true;
    this.logger.info('Redis reachable again: change-feed events reach every replica');
  }
}
