/**
 * `npm run migrate`: applies the store's pending migrations to the store the environment names
 * (DATABASE_URL, or the SQLite file in LEADGRAPH_DATA_DIR) and exits: 0 when the store is at the
 * newest version, 1 with one line per problem otherwise. The gateway also migrates at start-up;
 * this is for deployments that migrate before rolling out replicas.
 */
import { createLogger } from '../logging/logger';
import { migrateToLatest } from './migrate';
import { openStore } from './open-store';
import { readStoreConfig } from './store-config';

async function main(): Promise<number> {
  const logger = createLogger({ level: process.env.LOG_LEVEL?.trim() || 'info' });
  const nodeEnv = process.env.NODE_ENV?.trim() || 'development';
  const { config, problems } = readStoreConfig(process.env, nodeEnv);
  if (problems.length > 0) {
    for (const problem of problems) logger.error(problem);
    return 1;
  }
  // openStore migrates on open; a second pass reports "up to date" explicitly.
  const store = await openStore({ config, nodeEnv, logger });
  try {
    const { applied } = await migrateToLatest(store.db, logger);
    logger.info({ store: store.kind, location: store.location, applied }, 'store is at the newest version');
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    createLogger().fatal({ err: error }, 'store migration failed');
    process.exit(1);
  },
);
