/**
 * Migration 0003: poll leases (DESIGN.md Part 2, "Change feed"). With several replicas sharing one
 * store, the replica holding a tenant × provider's lease is the one that polls that provider for
 * the change feed; a lease left to expire (its holder died or lost its subscribers) passes on.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('poll_leases')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_leases_pk', ['tenant', 'provider'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('poll_leases').execute();
}
