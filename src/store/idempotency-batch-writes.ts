/**
 * The two idempotency writes of every keyed request, for many keys in one statement (group-commit.ts
 * decides which requests share it): one statement is one implicit transaction, so one commit (one
 * fsync on SQLite, one round trip on PostgreSQL) for the whole batch. The same SQL runs on both
 * stores (SQLite ≥ 3.35 for RETURNING, 3.33 for UPDATE … FROM; better-sqlite3 12 ships 3.5x).
 *
 * - insertReservations: a multi-row insert-or-nothing on (tenant, key), rows sorted by (tenant,
 *   key) so two processes inserting overlapping batches take their row locks in the same order
 *   (no deadlock on PostgreSQL); true for each row this statement inserted. A (tenant, key) that
 *   appears twice in one batch is inserted for its first occurrence only; the later ones get false
 *   and, like every caller that lost, read the row the winner left.
 * - completeHeld: a multi-row update of keys still IN_PROGRESS with the same operation and
 *   fingerprint; true for each key it completed. A key twice in one batch is completed by its first
 *   occurrence; the later ones get false (the key was no longer held).
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database, IdempotencyKeyTable } from './database-schema';
import type { IdempotencyRequest } from './idempotency-repository';

/** A completion with its outcome already encrypted (encryption is the caller's own, before the batch). */
export interface HeldCompletion {
  request: IdempotencyRequest;
  outcome: string;
}

export function insertReservations(db: Kysely<Database>, rows: readonly IdempotencyKeyTable[]): Promise<boolean[]> {
  return writeFirstOccurrences(
    db,
    'insert',
    rows,
    (row) => row,
    (row) => RESERVATION_COLUMNS.map((column) => row[column]),
  );
}

export function completeHeld(db: Kysely<Database>, completions: readonly HeldCompletion[]): Promise<boolean[]> {
  return writeFirstOccurrences(
    db,
    'complete',
    completions,
    ({ request }) => request,
    ({ request, outcome }) => [request.tenant, request.key, request.operation, request.fingerprint, outcome],
  );
}

/**
 * Runs one statement over the first occurrence of each (tenant, key) among `items`, sorted by
 * (tenant, key); true for each item that is its key's first occurrence and that the statement
 * returned (inserted or completed), false for the rest.
 */
async function writeFirstOccurrences<Item>(
  db: Kysely<Database>,
  kind: keyof typeof STATEMENTS,
  items: readonly Item[],
  keyOf: (item: Item) => { tenant: string; key: string },
  parametersOf: (item: Item) => unknown[],
): Promise<boolean[]> {
  const identities = items.map((item) => identity(keyOf(item)));
  const firsts = firstOccurrences(identities);
  const parameters = [...firsts.values()]
    .map((index) => items[index]!)
    .sort((a, b) => byTenantAndKey(keyOf(a), keyOf(b)))
    .flatMap(parametersOf);
  const { rows } = await db.executeQuery<{ tenant: string; key: string }>(
    CompiledQuery.raw(statementText(db, kind, parameters), parameters),
  );
  const written = new Set(rows.map(identity));
  return identities.map((id, index) => firsts.get(id) === index && written.has(id));
}

/** The columns of a reservation row, in the order its parameters are given. */
const RESERVATION_COLUMNS = [
  'tenant',
  'key',
  'operation',
  'fingerprint',
  'state',
  'outcome',
  'locked_until',
  'created_at',
  'expires_at',
] as const satisfies ReadonlyArray<keyof IdempotencyKeyTable>;

/** Parameters of one completion: tenant, key, operation, fingerprint, encrypted outcome. */
const COMPLETION_PARAMETERS = 5;

/** Each statement: its parameters per row, and how Kysely builds it for `rows` rows of placeholders. */
const STATEMENTS = {
  insert: { width: RESERVATION_COLUMNS.length, compile: compileInsert },
  complete: { width: COMPLETION_PARAMETERS, compile: compileComplete },
} satisfies Record<string, { width: number; compile: (db: Kysely<Database>, rows: number) => CompiledQuery }>;

/**
 * The SQL of a statement for as many rows as `parameters` fill, compiled by Kysely once per
 * database, statement and row count (at most IDEMPOTENCY_BATCH_SIZE each) and then reused with new
 * parameters: building and compiling the query tree cost more than the rest of a one-row write's
 * JavaScript. The first compilation checks that Kysely numbered the parameters in the order the
 * callers above give them.
 */
function statementText(db: Kysely<Database>, kind: keyof typeof STATEMENTS, parameters: readonly unknown[]): string {
  const { width, compile } = STATEMENTS[kind];
  const rows = parameters.length / width;
  let texts = compiledTexts.get(db);
  if (!texts) compiledTexts.set(db, (texts = new Map()));
  const cacheKey = `${kind}/${rows}`;
  let text = texts.get(cacheKey);
  if (text === undefined) {
    const compiled = compile(db, rows);
    const expected = Array.from({ length: rows * width }, (_, index) => `p${index}`);
    if (compiled.parameters.join() !== expected.join())
      throw new Error(
        `Kysely numbered the ${kind} statement's parameters differently: expected ${expected.join()}, got ${compiled.parameters.join()}`,
      );
    text = compiled.sql;
    texts.set(cacheKey, text);
  }
  return text;
}

const compiledTexts = new WeakMap<Kysely<Database>, Map<string, string>>();

/** Placeholder values p0, p1, … in the order the statement must receive them. */
function placeholders(rows: number, width: number): string[][] {
  return Array.from({ length: rows }, (_, row) => Array.from({ length: width }, (_, column) => `p${row * width + column}`));
}

function compileInsert(db: Kysely<Database>, rows: number): CompiledQuery {
  const values = placeholders(rows, RESERVATION_COLUMNS.length).map(
    (row) => Object.fromEntries(RESERVATION_COLUMNS.map((column, index) => [column, row[index]])) as unknown as IdempotencyKeyTable,
  );
  return db
    .insertInto('idempotency_keys')
    .values(values)
    .onConflict((conflict) => conflict.columns(['tenant', 'key']).doNothing())
    .returning(['tenant', 'key'])
    .compile();
}

function compileComplete(db: Kysely<Database>, rows: number): CompiledQuery {
  const values = placeholders(rows, COMPLETION_PARAMETERS).map((row) => sql`(${sql.join(row)})`);
  // VALUES columns are column1… on both stores.
  return sql<{ tenant: string; key: string }>`
    update idempotency_keys
       set state = 'COMPLETED', outcome = v.column5, locked_until = null
      from (values ${sql.join(values)}) as v
     where idempotency_keys.tenant = v.column1
       and idempotency_keys.key = v.column2
       and idempotency_keys.operation = v.column3
       and idempotency_keys.fingerprint = v.column4
       and idempotency_keys.state = 'IN_PROGRESS'
    returning idempotency_keys.tenant, idempotency_keys.key`.compile(db);
}

function identity(row: { tenant: string; key: string }): string {
  return `${row.tenant}\u0000${row.key}`;
}

function byTenantAndKey(a: { tenant: string; key: string }, b: { tenant: string; key: string }): number {
  return a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** identity → index of its first occurrence. */
function firstOccurrences(identities: readonly string[]): Map<string, number> {
  const firsts = new Map<string, number>();
  identities.forEach((id, index) => {
    if (!firsts.has(id)) firsts.set(id, index);
  });
  return firsts;
}
