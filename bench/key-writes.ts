/**
 * The idempotency key's two store writes on their own (docs/decisions/idempotency.md, "Cost"):
 * `reserve` then `complete` with a createLead-sized outcome, `KEY_WRITES_CONCURRENCY` callers at a
 * time (default 20, as the bench's connections), on SQLite and on a fresh PostgreSQL database
 * (dropped at the end), after a warm-up. Prints this process's CPU per pair (user + system) and
 * pairs per second. With KEY_WRITES_BEFORE_DIST=<another build's dist> that build's store runs too,
 * alternated with this one, for before/after numbers from one run.
 *
 *   npx tsc -p tsconfig.bench.json && node dist/bench/key-writes.js
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as CanonicalJson from '../src/store/canonical-json';
import type * as LoggerModule from '../src/logging/logger';
import type * as OpenStoreModule from '../src/store/open-store';
import { createBenchDatabase } from './bench-database';

const CONCURRENCY = Number(process.env.KEY_WRITES_CONCURRENCY ?? 20);
const PAIRS = Number(process.env.KEY_WRITES_PAIRS ?? 3000);
const WARMUP_PAIRS = 300;
const LOCK_MS = 80_000;

/** What a createLead stores as its outcome (create-outcome.ts), about the bench's size. */
const now = new Date().toISOString();
const OUTCOME = {
  lead: {
    id: 'tesselys:123',
    provider: 'TESSELYS',
    title: 'Interesse no plano anual (bench)',
    status: 'NEW',
    tags: ['bench'],
    createdAt: now,
    updatedAt: now,
    raw: { id: 123, title: 'Interesse no plano anual (bench)', tags: ['bench'], created_at: now },
  },
};

interface StoreModules {
  openStore: typeof OpenStoreModule.openStore;
  silentLogger: typeof LoggerModule.silentLogger;
  requestFingerprint: typeof CanonicalJson.requestFingerprint;
}

function modulesOf(dist: string): StoreModules {
  /* eslint-disable @typescript-eslint/no-require-imports -- another build's dist, chosen at run time */
  return {
    openStore: (require(join(dist, 'src', 'store', 'open-store')) as typeof OpenStoreModule).openStore,
    silentLogger: (require(join(dist, 'src', 'logging', 'logger')) as typeof LoggerModule).silentLogger,
    requestFingerprint: (require(join(dist, 'src', 'store', 'canonical-json')) as typeof CanonicalJson).requestFingerprint,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

async function measure(label: string, modules: StoreModules, databaseUrl: string | undefined): Promise<void> {
  const store = await modules.openStore({
    config: {
      dataKey: randomBytes(32),
      leadRetentionDays: 90,
      idempotencyTtlHours: 24,
      submissionMaxAgeHours: 72,
      // Closed loop at a fixed concurrency: a gathering window would only cap pairs/s here (see (kx)).
      groupCommitMs: 0,
      dataDir: mkdtempSync(join(tmpdir(), 'leadgraph-key-writes-')),
      ...(databaseUrl ? { databaseUrl } : {}),
    },
    nodeEnv: 'test',
    logger: modules.silentLogger(),
  });
  let next = 0;
  const pair = async () => {
    const n = next++;
    const request = {
      tenant: 'default',
      key: `${label}-${n}-${randomBytes(4).toString('hex')}`,
      operation: 'createLead',
      fingerprint: modules.requestFingerprint('createLead', { n }),
    };
    const reservation = await store.idempotency.reserve(request, LOCK_MS);
    if (reservation.status !== 'reserved') throw new Error(`a fresh key was ${reservation.status}`);
    await store.idempotency.complete(request, OUTCOME);
  };
  const run = async (pairs: number) => {
    let left = pairs;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0) await pair();
      }),
    );
  };
  try {
    await run(WARMUP_PAIRS);
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await run(PAIRS);
    const used = process.cpuUsage(cpu);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(
      `${label}: CPU per reserve+complete ${((used.user + used.system) / PAIRS).toFixed(0)} µs ` +
        `(user ${(used.user / PAIRS).toFixed(0)}, system ${(used.system / PAIRS).toFixed(0)}), ${(PAIRS / seconds).toFixed(0)} pairs/s\n`,
    );
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const builds: Array<[string, StoreModules]> = [['this build', modulesOf(join(__dirname, '..'))]];
  if (process.env.KEY_WRITES_BEFORE_DIST) builds.unshift(['before', modulesOf(process.env.KEY_WRITES_BEFORE_DIST)]);
  process.stdout.write(`key writes: ${PAIRS} pairs, ${CONCURRENCY} at a time\n`);
  for (let round = 0; round < 2; round++) {
    for (const [name, modules] of builds) await measure(`sqlite, ${name}`, modules, undefined);
    for (const [name, modules] of builds) {
      const database = await createBenchDatabase();
      try {
        await measure(`postgres, ${name}`, modules, database.url);
      } finally {
        await database.drop();
      }
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
