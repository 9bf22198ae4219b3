/**
 * The durable queue behind `submitLead` (DESIGN.md Part 2, "Durable delivery"). A submission is
 * committed before enqueue() returns ("accepted" means committed), optionally in the same
 * transaction as its idempotency key, so a crash can never leave one without the other.
 *
 * Workers claim due work with a lease. On PostgreSQL the claim is SELECT … FOR UPDATE SKIP LOCKED
 * and an UPDATE in one transaction, so replicas sharing the database never claim the same row; on
 * SQLite the same two statements run in a BEGIN IMMEDIATE transaction, the file's single writer.
 * A lease that runs out (its worker died or hung) makes the row claimable again.
 *
 * Crash safety rests on one marker: markAttemptStarted() records, durably and before anything is
 * sent, that an attempt is in flight. A row claimed with that marker still set belonged to a
 * worker that died mid-send: its outcome is unknown (the claim says so), and if it is sent again
 * the submission is marked possibleDuplicate. The worker-side calls are fenced by the lease owner,
 * so a worker that lost its lease cannot overwrite the new owner's state (markDelivered excepted:
 * a delivery is a fact, recorded whoever learns it, unless the row already is DELIVERED or FAILED).
 *
 * Input, lead snapshot and error message are stored encrypted, bound to tenant and submission id.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql, type UpdateObject } from 'kysely';
import type { Database, SubmissionStatus, SubmissionTable } from './database-schema';
import { SUBMISSION_STATUSES } from './database-schema';
import type { IdempotencyRepository, IdempotencyRequest, Reservation } from './idempotency-repository';
import type { StoreContext } from './store-context';

export interface SubmissionError {
  code: string;
  message: string;
}

export interface Submission {
  id: string;
  tenant: string;
  provider: string;
  status: SubmissionStatus;
  /** The validated input, as enqueued. */
  input: unknown;
  /** Attempts started (markAttemptStarted), whatever their outcome. */
  attempts: number;
  possibleDuplicate: boolean;
  /** An earlier attempt's outcome is unknown: look before sending (where the provider can) or send as a possible duplicate. */
  outcomeUnknown: boolean;
  lastError: SubmissionError | null;
  nextAttemptAt: Date | null;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  providerLeadId: string | null;
  /** The delivered lead (JSON), once DELIVERED. */
  lead: unknown;
  idempotencyKey: string | null;
  /** Start of the current delivery run: give up (FAILED) SUBMISSION_MAX_AGE_HOURS after it. */
  queuedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
}

export interface EnqueueRequest {
  tenant: string;
  provider: string;
  input: unknown;
  /** Reserve this key in the same transaction; its outcome is the submission's id. */
  idempotency?: Omit<IdempotencyRequest, 'tenant'>;
}

export type EnqueueResult =
  | { status: 'enqueued'; submission: Submission }
  /** The key was used for this very request before: its submission, as it is now. */
  | { status: 'replay'; submission: Submission }
  | Extract<Reservation, { status: 'reused' | 'inProgress' | 'abandoned' }>;

export interface SubmissionFilter {
  status?: SubmissionStatus;
  provider?: string;
}

/** Where a page ends, for keyset paging newest first. */
export interface SubmissionPosition {
  createdAt: number;
  id: string;
}

export interface SubmissionPage {
  items: Submission[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface RetryPlan {
  nextAttemptAt: Date;
  error: SubmissionError;
  /** The attempt may have reached the provider (timeout, 5xx after sending). */
  outcomeUnknown: boolean;
}

export interface Delivery {
  providerLeadId: string;
  lead: unknown;
}

/** The outcome of an idempotent enqueue, as stored in the key. */
interface EnqueueOutcome {
  submissionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class SubmissionRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly idempotency: IdempotencyRepository,
  ) {}

  /** Stores a new QUEUED submission, due now; committed (durable) when this resolves. */
  enqueue(request: EnqueueRequest): Promise<EnqueueResult> {
    return this.context.db.transaction().execute(async (trx) => {
      const key = request.idempotency ? { tenant: request.tenant, ...request.idempotency } : undefined;
      if (key) {
        const reservation = await this.idempotency.reserveIn(trx, key, 0);
        if (reservation.status === 'replay') {
          const { submissionId } = reservation.outcome as EnqueueOutcome;
          const submission = await this.getIn(trx, request.tenant, submissionId);
          if (!submission) throw new Error('An idempotency key names a submission that no longer exists');
          return { status: 'replay', submission };
        }
        if (reservation.status !== 'reserved') return reservation;
      }
      const now = this.context.clock();
      const id = randomUUID();
      const row = await trx
        .insertInto('submissions')
        .values({
          id,
          tenant: request.tenant,
          provider: request.provider,
          status: 'QUEUED',
          input: this.context.cipher.encryptJson(request.input, context('input', request.tenant, id)),
          attempts: 0,
          possible_duplicate: 0,
          outcome_unknown: 0,
          attempt_started_at: null,
          last_error_code: null,
          last_error_message: null,
          next_attempt_at: now,
          lease_owner: null,
          lease_expires_at: null,
          provider_lead_id: null,
          lead: null,
          idempotency_key: key?.key ?? null,
          queued_at: now,
          created_at: now,
          updated_at: now,
          delivered_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (key) await this.idempotency.completeIn(trx, key, { submissionId: id } satisfies EnqueueOutcome);
      return { status: 'enqueued', submission: this.toSubmission(row) };
    });
  }

  /**
   * Claims up to `limit` submissions that are due (QUEUED with next_attempt_at reached) or whose
   * lease ran out (DELIVERING), for `leaseMs`. No row is ever claimed by two workers at once.
   * Oldest due first.
   */
  claim(workerId: string, leaseMs: number, limit: number): Promise<Submission[]> {
    return this.context.db.transaction().execute(async (trx) => {
      const now = this.context.clock();
      let candidates = trx
        .selectFrom('submissions')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'QUEUED'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'DELIVERING'), eb('lease_expires_at', '<=', now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit);
      if (this.context.kind === 'postgres') candidates = candidates.forUpdate().skipLocked();
      const ids = (await candidates.execute()).map((row) => row.id);
      if (ids.length === 0) return [];
      const rows = await trx
        .updateTable('submissions')
        .set({
          status: 'DELIVERING',
          lease_owner: workerId,
          lease_expires_at: now + leaseMs,
          updated_at: now,
          // A marker still set means the previous owner died mid-send: that attempt's outcome is unknown.
          outcome_unknown: sql<number>`case when attempt_started_at is not null then 1 else outcome_unknown end`,
          attempt_started_at: null,
        })
        .where('id', 'in', ids)
        .returningAll()
        .execute();
      return rows.map((row) => this.toSubmission(row)).sort((a, b) => a.nextAttemptAt!.getTime() - b.nextAttemptAt!.getTime());
    });
  }

  /** Extends a held lease; false when the worker no longer holds it. */
  async renewLease(id: string, workerId: string, leaseMs: number): Promise<boolean> {
    const now = this.context.clock();
    return this.updateHeld(id, workerId, { lease_expires_at: now + leaseMs, updated_at: now });
  }

  /**
   * Records, durably, that an attempt is about to be sent (attempts + 1). Call it before sending;
   * when it returns false the lease is lost and nothing may be sent. If an earlier attempt's
   * outcome was unknown, this send may duplicate it and the submission says so from now on —
   * unless `lookedFirst`: the worker searched the provider for that earlier attempt's lead and
   * found none, so the outcome is known again (not created) and this send is no duplicate.
   */
  async markAttemptStarted(id: string, workerId: string, options: { lookedFirst?: boolean } = {}): Promise<boolean> {
    const now = this.context.clock();
    return this.updateHeld(id, workerId, {
      attempt_started_at: now,
      attempts: sql<number>`attempts + 1`,
      ...(options.lookedFirst
        ? { outcome_unknown: 0 }
        : { possible_duplicate: sql<number>`case when outcome_unknown = 1 then 1 else possible_duplicate end` }),
      updated_at: now,
    });
  }

  /** DELIVERED with the provider's answer. False when it already was DELIVERED or FAILED. */
  async markDelivered(id: string, delivery: Delivery): Promise<boolean> {
    const now = this.context.clock();
    const row = await this.context.db.selectFrom('submissions').select('tenant').where('id', '=', id).executeTakeFirst();
    if (!row) return false;
    const updated = await this.context.db
      .updateTable('submissions')
      .set({
        status: 'DELIVERED',
        provider_lead_id: delivery.providerLeadId,
        lead: this.context.cipher.encryptJson(delivery.lead, context('lead', row.tenant, id)),
        delivered_at: now,
        updated_at: now,
        next_attempt_at: null,
        lease_owner: null,
        lease_expires_at: null,
        attempt_started_at: null,
        outcome_unknown: 0,
      })
      .where('id', '=', id)
      .where('status', 'in', ['QUEUED', 'DELIVERING'])
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Back to QUEUED until `nextAttemptAt`, with the error that stopped this attempt. */
  async markRetry(id: string, workerId: string, plan: RetryPlan): Promise<boolean> {
    const now = this.context.clock();
    const tenant = await this.tenantOf(id);
    if (tenant === undefined) return false;
    return this.updateHeld(id, workerId, {
      status: 'QUEUED',
      next_attempt_at: plan.nextAttemptAt.getTime(),
      last_error_code: plan.error.code,
      last_error_message: this.context.cipher.encrypt(plan.error.message, context('error', tenant, id)),
      lease_owner: null,
      lease_expires_at: null,
      attempt_started_at: null,
      ...(plan.outcomeUnknown ? { outcome_unknown: 1 } : {}),
      updated_at: now,
    });
  }

  /** FAILED (a refusal, or SUBMISSION_MAX_AGE_HOURS reached): no more attempts until requeue(). */
  async markFailed(id: string, workerId: string, error: SubmissionError): Promise<boolean> {
    const now = this.context.clock();
    const tenant = await this.tenantOf(id);
    if (tenant === undefined) return false;
    return this.updateHeld(id, workerId, {
      status: 'FAILED',
      next_attempt_at: null,
      last_error_code: error.code,
      last_error_message: this.context.cipher.encrypt(error.message, context('error', tenant, id)),
      lease_owner: null,
      lease_expires_at: null,
      attempt_started_at: null,
      updated_at: now,
    });
  }

  /**
   * Gives a claimed submission back (graceful shutdown), due at once. If an attempt was in flight
   * its outcome is now unknown and the next worker treats it so.
   */
  async handBack(id: string, workerId: string): Promise<boolean> {
    const now = this.context.clock();
    return this.updateHeld(id, workerId, {
      status: 'QUEUED',
      next_attempt_at: now,
      lease_owner: null,
      lease_expires_at: null,
      outcome_unknown: sql<number>`case when attempt_started_at is not null then 1 else outcome_unknown end`,
      attempt_started_at: null,
      updated_at: now,
    });
  }

  /** FAILED → QUEUED, due now, with a new delivery run (retrySubmission). Undefined unless it was FAILED. */
  async requeue(tenant: string, id: string): Promise<Submission | undefined> {
    if (!UUID.test(id)) return undefined;
    const now = this.context.clock();
    const row = await this.context.db
      .updateTable('submissions')
      .set({ status: 'QUEUED', next_attempt_at: now, queued_at: now, updated_at: now })
      .where('tenant', '=', tenant)
      .where('id', '=', id)
      .where('status', '=', 'FAILED')
      .returningAll()
      .executeTakeFirst();
    return row ? this.toSubmission(row) : undefined;
  }

  /** A tenant's submission; another tenant's id reads as undefined, like one that does not exist. */
  get(tenant: string, id: string): Promise<Submission | undefined> {
    return this.getIn(this.context.db, tenant, id);
  }

  /** A tenant's submissions, newest first (created_at, then id, descending), `first` after `after`. */
  async list(tenant: string, filter: SubmissionFilter, first: number, after?: SubmissionPosition): Promise<SubmissionPage> {
    let query = this.context.db.selectFrom('submissions').where('tenant', '=', tenant);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.provider) query = query.where('provider', '=', filter.provider);
    const counted = await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    let page = query.selectAll();
    if (after)
      page = page.where((eb) =>
        eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
      );
    const rows = await page
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(first + 1)
      .execute();
    return {
      items: rows.slice(0, first).map((row) => this.toSubmission(row)),
      hasNextPage: rows.length > first,
      totalCount: Number(counted.count),
    };
  }

  /** Submissions by status across every tenant (the metrics gauge). */
  async countByStatus(): Promise<Record<SubmissionStatus, number>> {
    const rows = await this.context.db
      .selectFrom('submissions')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute();
    const counts = Object.fromEntries(SUBMISSION_STATUSES.map((status) => [status, 0])) as Record<SubmissionStatus, number>;
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }

  /** Age of the oldest submission still waiting for delivery (QUEUED or DELIVERING), or null when none waits. */
  async oldestQueuedAgeMs(): Promise<number | null> {
    const row = await this.context.db
      .selectFrom('submissions')
      .select((eb) => eb.fn.min<number | null>('queued_at').as('oldest'))
      .where('status', 'in', ['QUEUED', 'DELIVERING'])
      .executeTakeFirst();
    const oldest = row?.oldest;
    return oldest === null || oldest === undefined ? null : Math.max(0, this.context.clock() - Number(oldest));
  }

  private async getIn(db: Kysely<Database>, tenant: string, id: string): Promise<Submission | undefined> {
    if (!UUID.test(id)) return undefined;
    const row = await db.selectFrom('submissions').selectAll().where('tenant', '=', tenant).where('id', '=', id).executeTakeFirst();
    return row ? this.toSubmission(row) : undefined;
  }

  private async tenantOf(id: string): Promise<string | undefined> {
    const row = await this.context.db.selectFrom('submissions').select('tenant').where('id', '=', id).executeTakeFirst();
    return row?.tenant;
  }

  /** An update that only applies while `workerId` holds the row's lease. */
  private async updateHeld(id: string, workerId: string, values: UpdateObject<Database, 'submissions'>): Promise<boolean> {
    const updated = await this.context.db
      .updateTable('submissions')
      .set(values)
      .where('id', '=', id)
      .where('status', '=', 'DELIVERING')
      .where('lease_owner', '=', workerId)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  private toSubmission(row: Selectable<SubmissionTable>): Submission {
    const { cipher } = this.context;
    const date = (ms: number | null): Date | null => (ms === null ? null : new Date(Number(ms)));
    return {
      id: row.id,
      tenant: row.tenant,
      provider: row.provider,
      status: row.status,
      input: cipher.decryptJson(row.input, context('input', row.tenant, row.id)),
      attempts: Number(row.attempts),
      possibleDuplicate: Number(row.possible_duplicate) === 1,
      outcomeUnknown: Number(row.outcome_unknown) === 1,
      lastError:
        row.last_error_code === null
          ? null
          : {
              code: row.last_error_code,
              message: row.last_error_message === null ? '' : cipher.decrypt(row.last_error_message, context('error', row.tenant, row.id)),
            },
      nextAttemptAt: date(row.next_attempt_at),
      leaseOwner: row.lease_owner,
      leaseExpiresAt: date(row.lease_expires_at),
      providerLeadId: row.provider_lead_id,
      lead: row.lead === null ? null : cipher.decryptJson(row.lead, context('lead', row.tenant, row.id)),
      idempotencyKey: row.idempotency_key,
      queuedAt: new Date(Number(row.queued_at)),
      createdAt: new Date(Number(row.created_at)),
      updatedAt: new Date(Number(row.updated_at)),
      deliveredAt: date(row.delivered_at),
    };
  }
}

function context(column: 'input' | 'lead' | 'error', tenant: string, id: string): string {
  return `submissions.${column}/${tenant}/${id}`;
}
