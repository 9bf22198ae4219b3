/**
 * Throwaway stores for tests: a temporary SQLite directory, or a PostgreSQL database with a random
 * name on the machine's server (127.0.0.1:5432, user postgres, trust auth; STORE_TEST_POSTGRES_URL
 * overrides), created for the test and dropped after it. PostgreSQL missing is a failure with a
 * clear message, never a skip.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const POSTGRES_ADMIN_URL = process.env.STORE_TEST_POSTGRES_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestStoreKind = 'sqlite' | 'postgres';

/** Runs one statement as the PostgreSQL administrator; a server that cannot be reached fails loudly. */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `These tests need a real PostgreSQL at ${new URL(POSTGRES_ADMIN_URL).host} (user postgres, trust auth) and could not reach it ` +
        `(${(error as Error).message}). Start it (e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) ` +
        'or point STORE_TEST_POSTGRES_URL at one. These tests are never skipped.',
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database: its URL, and how to drop it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `leadgraph_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

/** A fixed test data key (32 bytes, base64): tests never write a key file beside their data. */
export const TEST_DATA_KEY = randomBytes(32).toString('base64');

/**
 * The environment that gives a gateway its own empty store of `kind` (a temporary data directory
 * either way), and how to remove it once the gateway is closed.
 */
export async function testStoreEnv(kind: TestStoreKind = 'sqlite'): Promise<{ env: Record<string, string>; remove(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `leadgraph-gw-${kind}-`));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (kind === 'sqlite') return { env: { LEADGRAPH_DATA_DIR: dir, LEADGRAPH_DATA_KEY: TEST_DATA_KEY }, remove: async () => removeDir() };
  let database;
  try {
    database = await createTestDatabase();
  } catch (error) {
    removeDir();
    throw error;
  }
  const { url, drop } = database;
  return {
    env: { LEADGRAPH_DATA_DIR: dir, LEADGRAPH_DATA_KEY: TEST_DATA_KEY, DATABASE_URL: url },
    remove: async () => {
      removeDir();
      await drop();
    },
  };
}

const scratchDirs: string[] = [];
process.once('exit', () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * The environment of a gateway with its own empty SQLite store in a scratch directory, removed
 * when the test process exits: for tests that start gateways (or gateway processes) directly.
 */
export function scratchStoreEnv(): { LEADGRAPH_DATA_DIR: string; LEADGRAPH_DATA_KEY: string } {
  const dir = mkdtempSync(join(tmpdir(), 'leadgraph-gw-scratch-'));
  scratchDirs.push(dir);
  return { LEADGRAPH_DATA_DIR: dir, LEADGRAPH_DATA_KEY: TEST_DATA_KEY };
}
