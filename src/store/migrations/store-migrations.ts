/**
 * The migrations, listed in code (not read from a folder at run time) so they ship inside dist/
 * with the rest of the build and `npm run migrate` needs nothing beside it. Names sort in the
 * order they apply; append, never rename or reorder.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial';
import * as tenants from './0002-tenants';
import * as pollLeases from './0003-poll-leases';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-tenants': tenants,
  '0003-poll-leases': pollLeases,
};

export class StoreMigrations implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

/** Every migration's name, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

/** Name of the newest migration: a store opened by this build is at this version. */
export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!;
