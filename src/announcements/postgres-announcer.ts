/**
 * Announcements over PostgreSQL LISTEN/NOTIFY (DATABASE_URL is PostgreSQL and there is no Redis):
 * NOTIFY through the store's pool (`pg_notify`), LISTEN on one dedicated connection that
 * reconnects with a bounded backoff. NOTIFY is per database, so every replica on the same database
 * hears it and nothing else does. What is sent while the listener is reconnecting is lost
 * (announcer.ts: the 5 s bounds stay behind it).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Logger } from '../logging/logger';
import type { Database } from '../store/database-schema';
import { decodeAnnouncement, encodeAnnouncement, type Announcement } from './announcement';
import type { Announcer } from './announcer';

export const ANNOUNCEMENT_CHANNEL = 'leadgraph_announcements';
const MAX_RECONNECT_DELAY_MS = 5_000;

export class PostgresAnnouncer implements Announcer {
  readonly transport = 'postgres' as const;
  private readonly replica = randomUUID();
  private readonly handlers: Array<(announcement: Announcement) => void> = [];
  private client: pg.Client | undefined;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
  ) {}

  async publish(announcement: Announcement): Promise<void> {
    try {
      await sql`select pg_notify(${ANNOUNCEMENT_CHANNEL}, ${encodeAnnouncement({ from: this.replica, announcement })})`.execute(this.db);
    } catch (error) {
      this.logger.warn(
        { kind: announcement.kind, cause: (error as Error).name },
        'announcement not published: other replicas catch up within 5 s',
      );
    }
  }

  listen(handler: (announcement: Announcement) => void): void {
    this.handlers.push(handler);
    if (this.handlers.length === 1) void this.connect();
  }

  private markListening: () => void = () => undefined;
  /** Resolves once the listener first connected (or the announcer closed). */
  readonly listening = new Promise<void>((resolve) => (this.markListening = resolve));

  async close(): Promise<void> {
    this.closed = true;
    this.markListening();
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    // Loaded only when an announcer listens on PostgreSQL: a SQLite or Redis deployment never holds pg's modules.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Client } = require('pg') as typeof pg;
    const client = new Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5_000, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel !== ANNOUNCEMENT_CHANNEL || message.payload === undefined) return;
      const decoded = decodeAnnouncement(message.payload);
      if (!decoded) return void this.logger.warn({ bytes: message.payload.length }, 'unreadable announcement dropped');
      for (const each of this.handlers) each(decoded.announcement);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${ANNOUNCEMENT_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      return this.retry((error as NodeJS.ErrnoException).code ?? (error as Error).name);
    }
    if (this.closed) return void (await client.end().catch(() => undefined));
    this.logger.info({ reconnected: this.failures > 0 }, 'announcements: listening to PostgreSQL');
    this.failures = 0;
    this.client = client;
    this.markListening();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.retry('CONNECTION_LOST');
  }

  private retry(code: string): void {
    if (this.closed) return;
    if (this.failures === 0)
      this.logger.warn({ code }, 'announcements: PostgreSQL listener disconnected; reconnecting (the 5 s bounds still apply)');
    this.failures += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), Math.min(100 * 2 ** Math.min(this.failures - 1, 10), MAX_RECONNECT_DELAY_MS));
    this.timer.unref();
  }
}
