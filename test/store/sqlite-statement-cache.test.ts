/**
 * The SQLite statement cache (src/store/sqlite-statement-cache.ts): a statement is prepared once
 * and reused, the cache stays within its bound (least recently used dropped), and a cached
 * statement still runs correctly after a schema change.
 */
import BetterSqlite3 from 'better-sqlite3';
import { cachePreparedStatements } from '../../src/store/sqlite-statement-cache';

function openMemory(size?: number): { db: BetterSqlite3.Database; prepared: string[] } {
  const raw = new BetterSqlite3(':memory:');
  const prepared: string[] = [];
  const original = raw.prepare.bind(raw);
  raw.prepare = ((source: string) => {
    prepared.push(source);
    return original(source);
  }) as typeof raw.prepare;
  return { db: cachePreparedStatements(raw, size), prepared };
}

describe('cachePreparedStatements', () => {
  it('prepares a statement once and reuses it for every call with the same SQL', () => {
    const { db, prepared } = openMemory();
    db.prepare('create table t (v integer)').run();
    for (let i = 0; i < 5; i++) db.prepare('insert into t (v) values (?)').run(i);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 5 });
    expect(prepared.filter((sql) => sql.startsWith('insert'))).toHaveLength(1);
  });

  it('keeps at most its size, dropping the least recently used statement', () => {
    const { db, prepared } = openMemory(2);
    db.prepare('select 1').get();
    db.prepare('select 2').get();
    db.prepare('select 1').get(); // now most recently used
    db.prepare('select 3').get(); // drops "select 2"
    db.prepare('select 1').get();
    db.prepare('select 2').get();
    expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
  });

  it('runs a cached statement correctly after the schema changed (as after a migration)', () => {
    const { db } = openMemory();
    db.prepare('create table t (v integer)').run();
    db.prepare('insert into t (v) values (?)').run(1);
    expect(db.prepare('select * from t').all()).toEqual([{ v: 1 }]);
    db.exec('alter table t add column w integer default 7');
    expect(db.prepare('select * from t').all()).toEqual([{ v: 1, w: 7 }]);
  });
});
