/**
 * The bus shared by every replica (REDIS_URL): each event is delivered to this process's handlers
 * at once, as the local bus does, and published on one Redis channel (`redis.key('lead-events')`)
 * for the other replicas; what arrives from the channel is delivered here unless this process
 * published it. It uses the gateway's one RedisConnection: PUBLISH on its command client, and a
 * channel of its own on the shared subscriber (announcements listen on theirs).
 *
 * Redis being down never breaks the gateway: publish() does not queue or wait (the command client
 * has no offline queue, and nothing is sent while the connection is down), local delivery goes on,
 * and each outage is logged as an error once (and its end once), from the connection's health
 * transitions, never per event. The subscriber resubscribes by itself once Redis is back. Events
 * published during an outage do not reach the other replicas.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger';
import type { RedisConnection } from '../redis/redis-connection';
import { decodeFeedEvent, encodeFeedEvent, type FeedEvent } from './feed-event';
import type { FeedEventHandler, LeadEventBus } from './lead-event-bus';
import { LocalLeadEventBus } from './local-lead-event-bus';

/** The channel's name under the deployment's key prefix. */
export const LEAD_EVENTS_CHANNEL = 'lead-events';
/** A message larger than this is not one of ours: dropped unread. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export class RedisLeadEventBus implements LeadEventBus {
  readonly shared: boolean = true;
  /** Tells this process's own messages apart when they come back from the channel. */
  private readonly origin = randomUUID();
  private readonly local: LocalLeadEventBus;
  private readonly channel: string;
  private readonly stopListening: () => void;
  private readonly stopWatching: () => void;

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Logger,
  ) {
    this.channel = redis.key(LEAD_EVENTS_CHANNEL);
    this.local = new LocalLeadEventBus(logger);
    const listening = redis.listen(this.channel, (message) => this.received(message));
    listening.subscribed.catch((error: unknown) => logger.warn({ err: error }, 'change feed: Redis channel not subscribed'));
    this.stopListening = listening.stop;
    this.stopWatching = redis.onHealth((health) => {
      if (health === 'down')
        logger.error(
          { redis: redis.settings.location },
          'REDIS UNREACHABLE: change-feed events now reach only the subscribers of this replica (local delivery goes on); retrying',
        );
      else logger.info({ redis: redis.settings.location }, 'Redis reachable again: change-feed events reach every replica');
    });
  }

  publish(event: FeedEvent): void {
    this.local.deliver(event);
    // While Redis is down the transition is logged once; a send now would only fail.
    if (this.redis.health !== 'up') return;
    this.redis.client
      .publish(this.channel, encodeFeedEvent(event, this.origin))
      .catch((error: NodeJS.ErrnoException) =>
        this.logger.warn({ code: error.code ?? error.name, eventType: event.type }, 'change-feed event not published to other replicas'),
      );
  }

  subscribe(handler: FeedEventHandler): () => void {
    return this.local.subscribe(handler);
  }

  /** The connection is the gateway's; it closes it. */
  async close(): Promise<void> {
    this.stopWatching();
    this.stopListening();
    await this.local.close();
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
}
