/**
 * The two stores every store behaviour test runs against: SQLite in a temporary directory and a
 * real PostgreSQL (127.0.0.1:5432, user postgres, trust auth; STORE_TEST_POSTGRES_URL overrides).
 * Each test file makes its own PostgreSQL database with a random name and drops it at the end.
 * PostgreSQL missing is a failure with a clear message, never a skip.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery, POSTGRES_ADMIN_URL } from '../../support/test-database';
import type { Logger } from '../../../src/logging/logger';
import { silentLogger } from '../../../src/logging/logger';
import { openStore } from '../../../src/store/open-store';
import type { Store } from '../../../src/store/store';
import { DEFAULT_GROUP_COMMIT_MS, type StoreConfig } from '../../../src/store/store-config';
import type { StoreKind } from '../../../src/store/store-context';

export { POSTGRES_ADMIN_URL };

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public now = Date.UTC(2026, 0, 15, 12, 0, 0)) {}
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

export interface OpenOptions {
  clock?: TestClock;
  logger?: Logger;
  poolSize?: number;
  config?: Partial<StoreConfig>;
}

export interface StoreTarget {
  kind: StoreKind;
  /** The configuration of this target's store (a fresh database or directory). */
  config: StoreConfig;
  /** The environment a child process needs to open the same store through readStoreConfig. */
  env: Record<string, string>;
  /** Opens the store; every store opened is closed after each test (SQLite: one open store per file and process). */
  open(options?: OpenOptions): Promise<Store>;
  /** Another empty store of the same kind (its own database or directory), for tests that need a fresh one. */
  fresh(): Promise<{ config: StoreConfig; env: Record<string, string> }>;
  /** Empties every table (between tests sharing the store). */
  reset(): Promise<void>;
}

class TargetResources {
  readonly dirs: string[] = [];
  readonly databases: string[] = [];
  readonly stores: Store[] = [];
}

const DATA_KEY = randomBytes(32);

export function baseConfig(dataDir: string, databaseUrl?: string): StoreConfig {
  return {
    ...(databaseUrl ? { databaseUrl } : {}),
    dataDir,
    dataKey: DATA_KEY,
    leadRetentionDays: 90,
    idempotencyTtlHours: 24,
    submissionMaxAgeHours: 72,
    groupCommitMs: DEFAULT_GROUP_COMMIT_MS,
  };
}

function envOf(config: StoreConfig): Record<string, string> {
  return {
    LEADGRAPH_DATA_DIR: config.dataDir,
    LEADGRAPH_DATA_KEY: config.dataKey!.toString('base64'),
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
  };
}

async function makeConfig(kind: StoreKind, resources: TargetResources): Promise<StoreConfig> {
  const dir = mkdtempSync(join(tmpdir(), `leadgraph-store-${kind}-`));
  resources.dirs.push(dir);
  if (kind === 'sqlite') return baseConfig(dir);
  const name = `leadgraph_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  resources.databases.push(name);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return baseConfig(dir, url.toString());
}

/**
 * Declares `body` once per store, as `<name> [sqlite]` and `<name> [postgres]`. `target()` is
 * ready inside tests and hooks.
 */
export function describeEachStore(name: string, body: (target: () => StoreTarget) => void): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe(`${name} [${kind}]`, () => {
      const resources = new TargetResources();
      let target: StoreTarget | undefined;

      beforeAll(async () => {
        const config = await makeConfig(kind, resources);
        target = {
          kind,
          config,
          env: envOf(config),
          open: async (options = {}) => {
            const store = await openStore({
              config: { ...config, ...options.config },
              nodeEnv: 'test',
              logger: options.logger ?? silentLogger(),
              ...(options.clock ? { clock: options.clock.read } : {}),
              ...(options.poolSize ? { poolSize: options.poolSize } : {}),
            });
            resources.stores.push(store);
            return store;
          },
          fresh: async () => {
            const fresh = await makeConfig(kind, resources);
            return { config: fresh, env: envOf(fresh) };
          },
          reset: async () => {
            const store = await target!.open();
            for (const table of [
              'idempotency_keys',
              'submissions',
              'lead_records',
              'tenants',
              'api_keys',
              'provider_credentials',
              'poll_leases',
            ] as const)
              await store.db.deleteFrom(table).execute();
            await store.close();
          },
        };
      });

      afterEach(async () => {
        await Promise.all(resources.stores.splice(0).map((store) => store.close()));
      });

      afterAll(async () => {
        await Promise.all(resources.stores.splice(0).map((store) => store.close()));
        for (const database of resources.databases) await adminQuery(`drop database if exists ${database} with (force)`);
        for (const dir of resources.dirs) rmSync(dir, { recursive: true, force: true });
      });

      body(() => {
        if (!target) throw new Error('The store target is not ready (its beforeAll failed)');
        return target;
      });
    });
  }
}
