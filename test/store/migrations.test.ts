/**
 * Migrations: applied at open, once; re-opening applies nothing; several processes opening one
 * empty store at the same moment do not race (PostgreSQL: Kysely's advisory lock; SQLite: the
 * migration's BEGIN IMMEDIATE transaction).
 */
import { captureLogs } from '../support/log-capture';
import { silentLogger } from '../../src/logging/logger';
import { migrateToLatest, MIGRATION_TABLE } from '../../src/store/migrate';
import { MIGRATION_NAMES } from '../../src/store/migrations/store-migrations';
import { openStore } from '../../src/store/open-store';
import { sql } from 'kysely';
import { describeEachStore } from './support/store-targets';
import { runTsChild } from './support/ts-child';

describeEachStore('store migrations', (target) => {
  test('open applies every migration once; opening again and migrating again apply nothing', async () => {
    const { config } = await target().fresh();
    const logs = captureLogs('info');
    const first = await openStore({ config, nodeEnv: 'test', logger: logs.logger });
    const migrated = logs.records().find((record) => record.msg === 'store migrated');
    expect(migrated?.applied).toEqual([...MIGRATION_NAMES]);
    await first.close();

    const second = await openStore({ config, nodeEnv: 'test', logger: silentLogger() });
    try {
      expect(await migrateToLatest(second.db, silentLogger())).toEqual({ applied: [] });
      const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(second.db);
      expect(rows.rows.map((row) => row.name)).toEqual([...MIGRATION_NAMES]);
      const tables = (await second.db.introspection.getTables()).map((table) => table.name);
      expect(tables).toEqual(
        expect.arrayContaining(['idempotency_keys', 'submissions', 'lead_records', 'tenants', 'api_keys', 'provider_credentials']),
      );
    } finally {
      await second.close();
    }
  });

  test('four processes opening one empty store at once all succeed and apply each migration once', async () => {
    const { config, env } = await target().fresh();
    const children = [1, 2, 3, 4].map(() => runTsChild('child-open-store.ts', [], env));
    const exits = await Promise.all(children.map((child) => child.exited));
    expect({ exits, stderr: children.map((child) => child.stderr()).filter(Boolean) }).toEqual({ exits: [0, 0, 0, 0], stderr: [] });

    const store = await openStore({ config, nodeEnv: 'test', logger: silentLogger() });
    try {
      const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(store.db);
      expect(rows.rows.map((row) => row.name)).toEqual([...MIGRATION_NAMES]);
    } finally {
      await store.close();
    }
  });

  test('the migrate command (npm run migrate) migrates the store the environment names, then finds nothing to do', async () => {
    const { env } = await target().fresh();
    const { LEADGRAPH_DATA_KEY: _noKeyNeeded, ...withoutKey } = env;
    const applied = async (): Promise<unknown> => {
      const run = runTsChild('../../../src/store/migrate-main.ts', [], { ...withoutKey, NODE_ENV: 'production' });
      expect({ exit: await run.exited, stderr: run.stderr() }).toEqual({ exit: 0, stderr: '' });
      const done = run.lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((record) => record.msg === 'store is at the newest version');
      return done?.applied;
    };
    expect(await applied()).toEqual([...MIGRATION_NAMES]);
    expect(await applied()).toEqual([]);
  });

  test('the migrate command exits 1 with one line per bad variable', async () => {
    const run = runTsChild('../../../src/store/migrate-main.ts', [], {
      ...target().env,
      LEAD_RETENTION_DAYS: 'soon',
      IDEMPOTENCY_TTL_HOURS: '0',
    });
    expect(await run.exited).toBe(1);
    expect(run.lines.map((line) => (JSON.parse(line) as { msg: string }).msg.split(' ')[0])).toEqual([
      'LEAD_RETENTION_DAYS',
      'IDEMPOTENCY_TTL_HOURS',
    ]);
  });
});
