/**
 * "Accepted" means committed: a real child process enqueues submissions and prints each id once
 * enqueue() resolved; the test SIGKILLs it mid-stream, reopens the store and finds every id the
 * child acknowledged (SQLite: WAL with synchronous=FULL; PostgreSQL: a committed transaction).
 */
import { describeEachStore } from './support/store-targets';
import { runTsChild } from './support/ts-child';

describeEachStore('durability', (target) => {
  test('every submission acknowledged before a SIGKILL is there after reopening', async () => {
    const { env } = await target().fresh();
    const child = runTsChild('child-enqueue-forever.ts', [], env);
    await child.waitForLine(() => child.lines.length >= 25);
    child.process.kill('SIGKILL');
    expect(await child.exited).toBe('SIGKILL');
    const acknowledged = child.lines.filter((line) => line.startsWith('enqueued ')).map((line) => line.slice(9));
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);

    const store = await target().open({
      config: { dataDir: env.LEADGRAPH_DATA_DIR!, ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) },
    });
    const stored = new Set((await store.db.selectFrom('submissions').select('id').execute()).map((row) => row.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    const first = await store.submissions.get('default', acknowledged[0]!);
    expect(first).toMatchObject({ status: 'QUEUED', input: { n: 0, contact: { email: 'visitor0@example.com.br' } } });
  });
});
