/**
 * Announcements over Redis pub/sub (REDIS_URL set): PUBLISH on the command client, listening on
 * the connection's shared subscriber (redis-connection.ts), one channel under the deployment's key
 * prefix. ioredis resubscribes by itself after a reconnection; what was published meanwhile is lost
 * (announcer.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger';
import type { RedisConnection } from '../redis/redis-connection';
import { decodeAnnouncement, encodeAnnouncement, type Announcement } from './announcement';
import type { Announcer } from './announcer';

export class RedisAnnouncer implements Announcer {
  readonly transport = 'redis' as const;
  private readonly channel: string;
  private readonly replica = randomUUID();
  private readonly handlers: Array<(announcement: Announcement) => void> = [];
  private subscribed = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Logger,
  ) {
    this.channel = redis.key('announcements');
  }

  async publish(announcement: Announcement): Promise<void> {
    try {
      await this.redis.client.publish(this.channel, encodeAnnouncement({ from: this.replica, announcement }));
    } catch (error) {
      this.logger.warn(
        { kind: announcement.kind, code: (error as NodeJS.ErrnoException).code ?? (error as Error).name },
        'announcement not published: other replicas catch up within 5 s',
      );
    }
  }

  listen(handler: (announcement: Announcement) => void): void {
    this.handlers.push(handler);
    if (this.subscribed) return;
    this.subscribed = true;
    const { subscribed } = this.redis.listen(this.channel, (text) => {
      const message = decodeAnnouncement(text);
      if (!message) return void this.logger.warn({ bytes: text.length }, 'unreadable announcement dropped');
      for (const each of this.handlers) each(message.announcement);
    });
    subscribed.then(
      () => this.logger.info({}, 'announcements: subscribed to Redis'),
      (error: unknown) => this.logger.warn({ err: error }, 'announcements not subscribed'),
    );
  }

  /** The connection is the gateway's; it closes it. */
  async close(): Promise<void> {}
}
