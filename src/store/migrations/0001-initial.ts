/**
 * Migration 0001: the Part 2 tables (idempotency keys, submissions, lead records) and the indexes
 * their queries use. Written once for both stores: the column types used here (text, integer,
 * bigint) mean the same on SQLite and PostgreSQL. A shipped migration is never edited; changes go
 * in a new one.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('IN_PROGRESS', 'COMPLETED')`))
    .addColumn('outcome', 'text')
    .addColumn('locked_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['tenant', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_expires').on('idempotency_keys').column('expires_at').execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('QUEUED', 'DELIVERING', 'DELIVERED', 'FAILED')`))
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('possible_duplicate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome_unknown', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempt_started_at', 'bigint')
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'bigint')
    .addColumn('provider_lead_id', 'text')
    .addColumn('lead', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('queued_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();
  // claim: due QUEUED rows, and DELIVERING rows whose lease ran out.
  await db.schema.createIndex('submissions_due').on('submissions').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('submissions_lease').on('submissions').columns(['status', 'lease_expires_at']).execute();
  // list: a tenant's submissions newest first (keyset on created_at, id); counts and purge by status.
  await db.schema.createIndex('submissions_tenant_created').on('submissions').columns(['tenant', 'created_at', 'id']).execute();
  await db.schema.createIndex('submissions_status_updated').on('submissions').columns(['status', 'updated_at']).execute();

  await db.schema
    .createTable('lead_records')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_lead_id', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('title', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('stored_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_records_pk', ['tenant', 'provider', 'provider_lead_id'])
    .execute();
  await db.schema
    .createIndex('lead_records_created')
    .on('lead_records')
    .columns(['tenant', 'provider', 'created_at', 'provider_lead_id'])
    .execute();
  await db.schema
    .createIndex('lead_records_title')
    .on('lead_records')
    .columns(['tenant', 'provider', 'title', 'provider_lead_id'])
    .execute();
  await db.schema.createIndex('lead_records_stored').on('lead_records').column('stored_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lead_records').execute();
  await db.schema.dropTable('submissions').execute();
  await db.schema.dropTable('idempotency_keys').execute();
}
