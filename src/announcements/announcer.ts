/**
 * How a replica announces cache-dropping news to every replica at once (announcement.ts), over
 * whatever they share: Redis pub/sub (redis-announcer.ts), PostgreSQL LISTEN/NOTIFY
 * (postgres-announcer.ts), or nothing (a single process, or SQLite: the 5 s bounds of the key cache
 * and the credentials sync are then the only way news travels).
 *
 * Contract: delivery is at most once and best effort (a replica disconnected at that moment misses
 * it); the 5 s bounds stay in force behind every transport. The sender hears its own announcements
 * too, which is harmless (dropping a cache twice). publish() never throws: a failure is logged.
 */
import type { Announcement } from './announcement';

export type AnnouncementTransport = 'redis' | 'postgres' | 'none';

export interface Announcer {
  readonly transport: AnnouncementTransport;
  publish(announcement: Announcement): Promise<void>;
  /** Calls `handler` for every announcement received from now on. */
  listen(handler: (announcement: Announcement) => void): void;
  close(): Promise<void>;
}
