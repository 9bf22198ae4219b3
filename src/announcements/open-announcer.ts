/**
 * Picks the announcer a gateway's deployment supports (announcer.ts): Redis pub/sub when REDIS_URL
 * is set, else PostgreSQL LISTEN/NOTIFY when the store is PostgreSQL, else none (SQLite is one
 * process's file: there is no other replica to tell).
 */
import type { Logger } from '../logging/logger';
import type { RedisConnection } from '../redis/redis-connection';
import type { Store } from '../store';
import type { Announcer } from './announcer';
import { PostgresAnnouncer } from './postgres-announcer';
import { RedisAnnouncer } from './redis-announcer';
import { SilentAnnouncer } from './silent-announcer';

export function openAnnouncer(deps: { redis?: RedisConnection; store: Store; databaseUrl?: string; logger: Logger }): Announcer {
  if (deps.redis) return new RedisAnnouncer(deps.redis, deps.logger);
  if (deps.store.kind === 'postgres' && deps.databaseUrl) return new PostgresAnnouncer(deps.databaseUrl, deps.store.db, deps.logger);
  return new SilentAnnouncer();
}
