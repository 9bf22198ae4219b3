/**
 * The demo's store is kept apart from real data: its own SQLite file (even with DATABASE_URL set),
 * emptied at every start like the in-memory simulators it goes with. Also: one SQLite file is open
 * once per process, readable by its owner only.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/logging/logger';
import { DEMO_SQLITE_FILE, openDemoStore } from '../../src/store/demo-store';
import { openStore, SQLITE_FILE } from '../../src/store/open-store';
import { baseConfig } from './support/store-targets';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'leadgraph-demo-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the demo store lives in demo.db, ignores DATABASE_URL, and starts empty every time', async () => {
  const config = { ...baseConfig(dir), databaseUrl: 'postgres://nobody@127.0.0.1:1/none' };
  const first = await openDemoStore({ config, nodeEnv: 'development', logger: silentLogger() });
  expect(first.kind).toBe('sqlite');
  expect(first.location).toBe(join(dir, DEMO_SQLITE_FILE));
  await first.submissions.enqueue({ tenant: 'default', provider: 'KEYSPOT', input: {} });
  expect((await first.submissions.countByStatus()).QUEUED).toBe(1);
  await first.close();

  const second = await openDemoStore({ config, nodeEnv: 'development', logger: silentLogger() });
  try {
    expect((await second.submissions.countByStatus()).QUEUED).toBe(0);
  } finally {
    await second.close();
  }
  expect(() => statSync(join(dir, SQLITE_FILE))).toThrow();
});

test('the SQLite file is readable by its owner only; one already open in this process is refused instead of deadlocking on its lock', async () => {
  const store = await openStore({ config: baseConfig(dir), nodeEnv: 'test', logger: silentLogger() });
  try {
    expect(statSync(join(dir, SQLITE_FILE)).mode & 0o777).toBe(0o600);
    await expect(openStore({ config: baseConfig(dir), nodeEnv: 'test', logger: silentLogger() })).rejects.toThrow(
      /already open in this process/,
    );
  } finally {
    await store.close();
  }
  const again = await openStore({ config: baseConfig(dir), nodeEnv: 'test', logger: silentLogger() });
  await again.close();
});
