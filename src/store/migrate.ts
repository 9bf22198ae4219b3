/**
 * Applies the store's migrations up to the newest (migrations/store-migrations.ts). Safe to call
 * from several processes at once: on PostgreSQL Kysely's migrator holds a session advisory lock
 * (pg_advisory_lock) while it reads and applies, so one process migrates and the others then find
 * nothing to do; on SQLite the migration transaction begins IMMEDIATE (sqlite-writer-dialect.ts),
 * which serialises writers the same way. Already applied migrations are never re-run.
 */
import { type Kysely, Migrator } from 'kysely';
import type { Logger } from '../logging/logger';
import type { Database } from './database-schema';
import { StoreMigrations } from './migrations/store-migrations';

export const MIGRATION_TABLE = 'leadgraph_migration';
export const MIGRATION_LOCK_TABLE = 'leadgraph_migration_lock';

export interface MigrationReport {
  /** Names of the migrations this call applied, in order (empty when already up to date). */
  applied: string[];
}

export async function migrateToLatest(db: Kysely<Database>, logger: Logger): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: new StoreMigrations(),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error || failed) {
    logger.error({ migration: failed?.migrationName, err: error }, 'store migration failed');
    throw new Error(`Store migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const applied = results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
  if (applied.length > 0) logger.info({ applied }, 'store migrated');
  return { applied };
}
