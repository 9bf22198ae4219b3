/**
 * The announcer of a gateway with nothing shared to announce over (SQLite, or PostgreSQL's
 * LISTEN/NOTIFY turned off): nothing is sent, nothing arrives, and the 5 s bounds carry the news.
 */
import type { Announcer } from './announcer';

export class SilentAnnouncer implements Announcer {
  readonly transport = 'none' as const;
  async publish(): Promise<void> {}
  listen(): void {}
  async close(): Promise<void> {}
}
