/**
 * `npm run migrate`: applies the store's pending migrations to the store the environment names
 * (DATABASE_URL, or the SQLite file in LEADGRAPH_DATA_DIR) and exits: 0 when the store is at the
 * newest version, 1 with one line per problem otherwise. The gateway also migrates at start-up;
 * this is for deployments that migrate before rolling out replicas. Migrations touch no encrypted
 * value, so this needs no LEADGRAPH_DATA_KEY (the gateway's start-up enforces that rule).
 */
import { createLogger } from '../logging/logger';
import { migrateToLatest } from './migrate';
import { openDatabase } from './open-store';
import { readStoreConfig } from './store-config';

async function main(): Promise<number> {
  const logger = createLogger({ level: process.env.LOG_LEVEL?.trim() || 'info' });
  // 'development': the key rule of production is not this command's (see above); every other variable is checked.
  const { config, problems } = readStoreConfig(process.env, 'development');
  if (problems.length > 0) {
    for (const problem of problems) logger.error(problem);
    return 1;
  }
  const database = openDatabase(config, { logger });
  try {
    const { applied } = await migrateToLatest(database.db, logger);
    logger.info({ store: database.kind, location: database.location, applied }, 'store is at the newest version');
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    createLogger().fatal({ err: error }, 'store migration failed');
    process.exit(1);
  },
);
