/**
 * A fresh PostgreSQL database for one bench run (scenario s's PostgreSQL gateway), created with the
 * pg package on the machine's server (postgres://postgres@127.0.0.1:5432/postgres, or
 * BENCH_POSTGRES_URL) and dropped at the end. A server that cannot be reached fails the bench with
 * a clear message: the scenario is never skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.BENCH_POSTGRES_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `the bench needs PostgreSQL at ${new URL(ADMIN_URL).host} (user postgres, trust auth) and could not reach it (${(error as Error).message})`,
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty database; `url` is for the gateway's DATABASE_URL, `drop()` removes it (idempotent). */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `leadgraph_bench_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
