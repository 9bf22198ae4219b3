/**
 * Opens the store the configuration names: PostgreSQL (a pg Pool) when DATABASE_URL is set,
 * otherwise the embedded SQLite file `<LEADGRAPH_DATA_DIR>/leadgraph.db` in WAL mode with
 * synchronous=FULL (a commit is on disk when it returns: "accepted" means committed) and a busy
 * timeout. Resolves the data key, applies pending migrations, refuses a store written under
 * another key (data-key-check.ts), and only then hands the store out.
 * Logs where the data is (never a password, never a stored value).
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type Dialect, Kysely, PostgresDialect } from 'kysely';
import type PgModule from 'pg';
import type { Logger } from '../logging/logger';
import { DataCipher } from './data-cipher';
import { resolveDataKey } from './data-key';
import { checkDataKey } from './data-key-check';
import type { Database } from './database-schema';
import { migrateToLatest } from './migrate';
import { cachePreparedStatements } from './sqlite-statement-cache';
import { SqliteWriterDialect } from './sqlite-writer-dialect';
import { Store } from './store';
import type { StoreConfig } from './store-config';
import type { StoreKind } from './store-context';

export const SQLITE_FILE = 'leadgraph.db';
/** How long a SQLite writer waits for another process's write lock before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export interface OpenStoreOptions {
  config: StoreConfig;
  /** development | production | test: production without LEADGRAPH_DATA_KEY is refused. */
  nodeEnv: string;
  logger: Logger;
  /** Milliseconds since the epoch; tests inject one. */
  clock?: () => number;
  /** SQLite file name inside the data directory (the demo store uses its own). */
  sqliteFile?: string;
  /** PostgreSQL pool size per process. */
  poolSize?: number;
}

/**
 * SQLite files open in this process. better-sqlite3 waits for a lock synchronously, blocking the
 * event loop, so a second connection to one file in one process could wait for a transaction of
 * the first that can then never finish: one process, one connection per file (other processes
 * are fine; they wait busy_timeout).
 */
const openSqliteFiles = new Set<string>();

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { config, logger } = options;
  const key = resolveDataKey({ ...config, nodeEnv: options.nodeEnv, logger });
  const database = openDatabase(config, { ...options, logger });
  const cipher = new DataCipher(key, config.previousDataKeys ?? []);
  try {
    await migrateToLatest(database.db, logger);
    await checkDataKey(database.db, cipher);
  } catch (error) {
    await database.close();
    throw error;
  }
  logger.info({ store: database.kind, location: database.location }, 'store open');
  const context = { db: database.db, kind: database.kind, cipher, clock: options.clock ?? Date.now };
  return new Store(context, config, database.location, database.forget);
}

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: StoreKind;
  location: string;
  /** Called once the handle is destroyed: frees the SQLite file for another open in this process. */
  forget: () => void;
  close(): Promise<void>;
}

/**
 * The bare connection, not migrated, with no key: for `npm run migrate`, which touches no
 * encrypted value and so needs no data key. Everything else goes through openStore().
 */
export function openDatabase(config: StoreConfig, options: Pick<OpenStoreOptions, 'sqliteFile' | 'poolSize' | 'logger'>): OpenDatabase {
  const { dialect, kind, location } = config.databaseUrl
    ? postgres(config.databaseUrl, options.poolSize ?? 10, options.logger)
    : sqlite(config.dataDir, options.sqliteFile ?? SQLITE_FILE);
  if (kind === 'sqlite') {
    if (openSqliteFiles.has(location)) throw new Error(`The SQLite store ${location} is already open in this process`);
    openSqliteFiles.add(location);
  }
  const forget = (): void => void (kind === 'sqlite' && openSqliteFiles.delete(location));
  const db = new Kysely<Database>({ dialect });
  return {
    db,
    kind,
    location,
    forget,
    close: async () => {
      await db.destroy();
      forget();
    },
  };
}

/** SQLite's page cache per connection, in KiB (SQLite's own default is 2 MB, better-sqlite3's 16 MB). */
const SQLITE_PAGE_CACHE_KIB = 4_000;

interface Connection {
  dialect: Dialect;
  kind: StoreKind;
  location: string;
}

function sqlite(dataDir: string, file: string): Connection {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, file);
  return {
    kind: 'sqlite',
    location: path,
    dialect: new SqliteWriterDialect({
      database: () => {
        const database = new BetterSqlite3(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
        // Owner only: most columns are ciphertext, but tenants, providers and titles are not (SQLite gives -wal and -shm the same mode).
        chmodSync(path, 0o600);
        database.pragma('journal_mode = WAL');
        database.pragma('synchronous = FULL');
        database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
        // better-sqlite3 builds SQLite with a 16 MB page cache, which a write-heavy gateway fills
        // (idempotency outcomes, records) and keeps as memory; the pages it reads again are few (new
        // rows, small indexes), and the rest stay in the OS's file cache.
        database.pragma(`cache_size = -${SQLITE_PAGE_CACHE_KIB}`);
        return Promise.resolve(cachePreparedStatements(database));
      },
    }),
  };
}

/** int8 (bigint, count(*)) read as a JS number: every such value here is a time in ms or a count, far below 2^53. */
const INT8_OID = 20;

function postgres(databaseUrl: string, poolSize: number, logger: Logger): Connection {
  // Loaded only when DATABASE_URL names PostgreSQL: a SQLite gateway never holds pg's modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('pg') as typeof PgModule;
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID && format !== 'binary'
        ? (value: string) => Number(value)
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const url = new URL(databaseUrl);
  // A server that does not answer at all (a lost network) fails a connection after 5 s instead of
  // holding the request forever: the caller then answers STORE_UNAVAILABLE.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, types, connectionTimeoutMillis: 5_000, keepAlive: true });
  // An idle client's error (the server restarted) must not crash the process; the pool drops that
  // client and the next query connects again.
  pool.on('error', (error) => logger.warn({ err: error }, 'an idle PostgreSQL connection failed; the pool replaces it'));
  // A connection lost while checked out (mid-query: the server went away) emits 'error' on its
  // client, which the pool only listens to while the client is idle: unheard, it would end the
  // process. The query itself fails (its caller answers STORE_UNAVAILABLE) and the pool drops the
  // dead client on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return { kind: 'postgres', location: `${url.hostname}:${url.port || 5432}${url.pathname}`, dialect: new PostgresDialect({ pool }) };
}
