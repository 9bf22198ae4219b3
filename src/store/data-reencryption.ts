/**
 * The second half of a data key rotation (docs/store.md): rewrites every encrypted value not yet
 * under the current key with the current key, in its own context (the same tenant and row binding
 * its repository uses), so the old key can then be dropped from LEADGRAPH_DATA_KEY.
 *
 * Contract: idempotent (values already under the current key are not touched; a second run counts
 * 0), in batches of `batchSize` rows, one transaction per batch. A row is only rewritten if its
 * value is still the one read, so a concurrent write wins and is never overwritten. A value no
 * configured key decrypts fails the run with DataDecryptionError (naming the key id, never the
 * value). Returns counts only.
 */
import { type Kysely, sql } from 'kysely';
import type { DataCipher } from './data-cipher';
import type { Database } from './database-schema';

type Row = Record<string, string>;

interface EncryptedColumn {
  table: keyof Database;
  column: string;
  /** The primary key columns, all text. */
  key: readonly string[];
  /** Must match the repository that writes this column. */
  context(row: Row): string;
}

/** Every encrypted column, with the context its repository binds it to. */
const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'submissions', column: 'input', key: ['id', 'tenant'], context: (r) => `submissions.input/${r.tenant}/${r.id}` },
  { table: 'submissions', column: 'lead', key: ['id', 'tenant'], context: (r) => `submissions.lead/${r.tenant}/${r.id}` },
  {
    table: 'submissions',
    column: 'last_error_message',
    key: ['id', 'tenant'],
    context: (r) => `submissions.error/${r.tenant}/${r.id}`,
  },
  {
    table: 'lead_records',
    column: 'lead',
    key: ['tenant', 'provider', 'provider_lead_id'],
    context: (r) => `lead_records.lead/${r.tenant}/${r.provider}/${r.provider_lead_id}`,
  },
  { table: 'idempotency_keys', column: 'outcome', key: ['tenant', 'key'], context: (r) => `idempotency_keys.outcome/${r.tenant}/${r.key}` },
  {
    table: 'provider_credentials',
    column: 'credentials',
    key: ['tenant', 'provider'],
    context: (r) => `provider_credentials.credentials/${r.tenant}/${r.provider}`,
  },
];

export const REENCRYPT_BATCH_SIZE = 500;

/** Values rewritten per table. */
export type ReencryptionCounts = Record<string, number>;

export async function reencryptStore(
  db: Kysely<Database>,
  cipher: DataCipher,
  batchSize = REENCRYPT_BATCH_SIZE,
): Promise<ReencryptionCounts> {
  const counts: ReencryptionCounts = {};
  for (const spec of ENCRYPTED_COLUMNS) {
    counts[spec.table] = (counts[spec.table] ?? 0) + (await reencryptColumn(db, cipher, spec, batchSize));
  }
  return counts;
}

async function reencryptColumn(db: Kysely<Database>, cipher: DataCipher, spec: EncryptedColumn, batchSize: number): Promise<number> {
  const value = sql.ref(spec.column);
  // Key ids are lowercase hex and the format tag has no LIKE wildcard: the prefix is literal.
  const current = `lg1.${cipher.keyId}.%`;
  let total = 0;
  for (;;) {
    const rows = await sql<Row & { value: string }>`select ${sql.join(spec.key.map((k) => sql.ref(k)))}, ${value} as value
      from ${sql.table(spec.table)} where ${value} is not null and ${value} not like ${current} limit ${batchSize}`.execute(db);
    if (rows.rows.length === 0) return total;
    const rewritten = await db.transaction().execute(async (trx) => {
      let n = 0;
      for (const row of rows.rows) {
        const context = spec.context(row);
        const fresh = cipher.encrypt(cipher.decrypt(row.value, context), context);
        const match = sql.join(
          spec.key.map((k) => sql`${sql.ref(k)} = ${row[k]}`),
          sql` and `,
        );
        const result =
          await sql`update ${sql.table(spec.table)} set ${value} = ${fresh} where ${match} and ${value} = ${row.value}`.execute(trx);
        n += Number(result.numAffectedRows ?? 0);
      }
      return n;
    });
    total += rewritten;
    // Every row of the batch changed under us (concurrent writers): stop rather than spin; a re-run finishes.
    if (rewritten === 0) return total;
  }
}
