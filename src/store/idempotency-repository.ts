/**
 * Idempotency keys (DESIGN.md Part 2, "Idempotency"), scoped by tenant. A key is taken by an
 * insert-or-nothing on its primary key (tenant, key): under any concurrency, on either store and
 * across processes sharing one PostgreSQL, exactly one caller gets `reserved`; everyone else
 * reads what that caller left. Outcomes are stored encrypted and bound to their tenant and key.
 *
 * The caller's protocol: reserve → call the provider → complete(outcome) when the provider
 * answered or the outcome is unknown (an unknown outcome is an outcome: it must never be sent
 * again), or release() when it is proven that nothing was sent. A holder that vanishes without
 * either leaves the key `abandoned` once its lock expires: whether it reached the provider is
 * unknown, so the key is never handed out again before it expires.
 *
 * reserve() and complete() go through group commit (group-commit.ts, idempotency-batch-writes.ts):
 * keyed requests arriving together share one commit, and each still resolves only once its own row
 * is committed. A caller that did not win the insert reads the row exactly as before.
 */
import type { Kysely } from 'kysely';
import type { Database, IdempotencyKeyTable } from './database-schema';
import { GroupCommit } from './group-commit';
import { completeHeld, insertReservations, type HeldCompletion } from './idempotency-batch-writes';
import type { StoreContext } from './store-context';

export interface IdempotencyRequest {
  tenant: string;
  key: string;
  /** The GraphQL operation the key was used with (e.g. "createLead"); another one is a reuse. */
  operation: string;
  /** requestFingerprint(operation, input) from canonical-json.ts. */
  fingerprint: string;
}

export type Reservation =
  /** The caller holds the key and must complete() or release() it. */
  | { status: 'reserved' }
  /** The key already has an outcome for this very request: answer it again, send nothing. */
  | { status: 'replay'; outcome: unknown }
  /** The key was used with another input or operation: IDEMPOTENCY_KEY_REUSED. */
  | { status: 'reused' }
  /** Another caller holds the key and is still working: IDEMPOTENCY_KEY_IN_USE. */
  | { status: 'inProgress'; retryAfterSeconds: number }
  /** The holder stopped without an outcome (crashed): unknown whether it sent; never send again. */
  | { status: 'abandoned' };

/** How often reserve re-reads a key that changed between its insert and its read (released, expired). */
const MAX_ROUNDS = 5;

/** Most keys one group commit writes (9 parameters a row: far below either store's limit). */
export const IDEMPOTENCY_BATCH_SIZE = 64;

export class IdempotencyRepository {
  private readonly reservations: GroupCommit<IdempotencyKeyTable, boolean>;
  private readonly completions: GroupCommit<HeldCompletion, boolean>;

  constructor(
    private readonly context: StoreContext,
    private readonly ttlMs: number,
    /** STORE_GROUP_COMMIT_MS: how long a batch may wait for more keys while keyed requests arrive steadily. */
    groupCommitMs = 0,
  ) {
    this.reservations = new GroupCommit((rows) => insertReservations(context.db, rows), IDEMPOTENCY_BATCH_SIZE, groupCommitMs);
    this.completions = new GroupCommit((completions) => completeHeld(context.db, completions), IDEMPOTENCY_BATCH_SIZE, groupCommitMs);
  }

  /** Takes the key for `lockMs` or says why not. Atomic, committed on return. */
  async reserve(request: IdempotencyRequest, lockMs: number): Promise<Reservation> {
    if (await this.reservations.submit(this.freshRow(request, lockMs))) return { status: 'reserved' };
    return this.reserveRounds(this.context.db, request, lockMs, false);
  }

  /** reserve() inside the caller's transaction (enqueue with a key uses it). */
  reserveIn(db: Kysely<Database>, request: IdempotencyRequest, lockMs: number): Promise<Reservation> {
    return this.reserveRounds(db, request, lockMs, true);
  }

  /** Commits the reservations and outcomes already asked for, then refuses new ones (Store.close). */
  async close(): Promise<void> {
    await Promise.all([this.reservations.close(), this.completions.close()]);
  }

  /** The row of a fresh reservation made now. */
  private freshRow(request: IdempotencyRequest, lockMs: number): IdempotencyKeyTable {
    const now = this.context.clock();
    return {
      tenant: request.tenant,
      key: request.key,
      operation: request.operation,
      fingerprint: request.fingerprint,
      state: 'IN_PROGRESS',
      outcome: null,
      locked_until: now + lockMs,
      created_at: now,
      expires_at: now + this.ttlMs,
    };
  }

  /** Insert-or-nothing, then reads what the winner left; `insertFirst` false when the caller's insert already lost. */
  private async reserveRounds(
    db: Kysely<Database>,
    request: IdempotencyRequest,
    lockMs: number,
    insertFirst: boolean,
  ): Promise<Reservation> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const fresh = this.freshRow(request, lockMs);
      const now = fresh.created_at;
      if (round > 0 || insertFirst) {
        const inserted = await db
          .insertInto('idempotency_keys')
          .values(fresh)
          .onConflict((conflict) => conflict.columns(['tenant', 'key']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { status: 'reserved' };
      }

      const row = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('tenant', '=', request.tenant)
        .where('key', '=', request.key)
        .executeTakeFirst();
      if (!row) continue; // released between the insert and the read: try again
      if (row.expires_at <= now) {
        // Expired but not purged yet: take it over, unless someone else just did.
        const { tenant: _t, key: _k, ...takeover } = fresh;
        const updated = await db
          .updateTable('idempotency_keys')
          .set(takeover)
          .where('tenant', '=', request.tenant)
          .where('key', '=', request.key)
          .where('expires_at', '=', row.expires_at)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 1) return { status: 'reserved' };
        continue;
      }
      if (row.operation !== request.operation || row.fingerprint !== request.fingerprint) return { status: 'reused' };
      if (row.state === 'COMPLETED')
        return { status: 'replay', outcome: this.context.cipher.decryptJson(row.outcome!, outcomeContext(request)) };
      if (row.locked_until !== null && row.locked_until > now)
        return { status: 'inProgress', retryAfterSeconds: Math.max(1, Math.ceil((row.locked_until - now) / 1000)) };
      return { status: 'abandoned' };
    }
    throw new Error('An idempotency key kept changing while it was being reserved');
  }

  /** Records the outcome of a reserved key (JSON, stored encrypted). False when the key was not held. Committed on return. */
  async complete(request: IdempotencyRequest, outcome: unknown): Promise<boolean> {
    return this.completions.submit({ request, outcome: this.context.cipher.encryptJson(outcome, outcomeContext(request)) });
  }

  async completeIn(db: Kysely<Database>, request: IdempotencyRequest, outcome: unknown): Promise<boolean> {
    const updated = await db
      .updateTable('idempotency_keys')
      .set({ state: 'COMPLETED', outcome: this.context.cipher.encryptJson(outcome, outcomeContext(request)), locked_until: null })
      .where('tenant', '=', request.tenant)
      .where('key', '=', request.key)
      .where('operation', '=', request.operation)
      .where('fingerprint', '=', request.fingerprint)
      .where('state', '=', 'IN_PROGRESS')
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Frees a reserved key when it is proven nothing was sent. False when the key was not held. */
  async release(request: IdempotencyRequest): Promise<boolean> {
    const deleted = await this.context.db
      .deleteFrom('idempotency_keys')
      .where('tenant', '=', request.tenant)
      .where('key', '=', request.key)
      .where('operation', '=', request.operation)
      .where('fingerprint', '=', request.fingerprint)
      .where('state', '=', 'IN_PROGRESS')
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1;
  }

  /** Deletes keys past IDEMPOTENCY_TTL_HOURS; returns how many. */
  async purgeExpired(): Promise<number> {
    const deleted = await this.context.db.deleteFrom('idempotency_keys').where('expires_at', '<=', this.context.clock()).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }
}

function outcomeContext(request: Pick<IdempotencyRequest, 'tenant' | 'key'>): string {
  return `idempotency_keys.outcome/${request.tenant}/${request.key}`;
}
