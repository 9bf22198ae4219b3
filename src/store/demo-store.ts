/**
 * The demo's store, kept apart from a real deployment's data: always the embedded SQLite file
 * `<LEADGRAPH_DATA_DIR>/demo.db` (whatever DATABASE_URL says), emptied at every start. The demo
 * simulators keep their leads in memory and forget them on restart, so records and submissions
 * from an earlier run would point at leads that no longer exist.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type OpenStoreOptions } from './open-store';
import type { Store } from './store';

export const DEMO_SQLITE_FILE = 'demo.db';

export function openDemoStore(options: Omit<OpenStoreOptions, 'sqliteFile'>): Promise<Store> {
  const { databaseUrl: _ignored, ...config } = options.config;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(config.dataDir, DEMO_SQLITE_FILE + suffix), { force: true });
  return openStore({ ...options, config, sqliteFile: DEMO_SQLITE_FILE });
}
