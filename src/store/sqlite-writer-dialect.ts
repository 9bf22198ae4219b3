/**
 * Kysely's SQLite dialect with two changes that make the embedded store a safe single writer:
 * every transaction starts with BEGIN IMMEDIATE (it takes the write lock up front, so two
 * transactions never both read and then fail to upgrade; another process waits busy_timeout), and
 * migrations run in one transaction (SQLite's DDL is transactional; Kysely's default adapter
 * assumes it is not), so a crash mid-migration leaves the previous version, not half of the next.
 * The three classes are one unit: each only exists to plug the other two into Kysely.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class SqliteWriterDialect extends SqliteDialect {
  constructor(private readonly writerConfig: SqliteDialectConfig) {
    super(writerConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.writerConfig);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
