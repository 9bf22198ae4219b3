/**
 * A bounded cache of prepared statements for the one better-sqlite3 connection of a store. Kysely's
 * SQLite driver calls `prepare(sql)` for every query; the store's statements are a small fixed set
 * (values are always parameters), so each is compiled by SQLite once and reused. Safe because a
 * connection runs one query at a time (Kysely's connection mutex; better-sqlite3 is synchronous)
 * and SQLite re-prepares a cached statement by itself after a schema change (a migration).
 * Measurements: docs/decisions/store.md, "Measurements".
 */
import type BetterSqlite3 from 'better-sqlite3';

/** More than the store's distinct statements; beyond it the oldest is dropped (a runaway never grows memory). */
export const STATEMENT_CACHE_SIZE = 256;

export function cachePreparedStatements(database: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = database.prepare.bind(database);
  database.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      // Most recently used last: the first key is the one to drop.
      cache.delete(source);
    } else {
      statement = prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof database.prepare;
  return database;
}
