/**
 * Retention (DESIGN.md Part 2, "The store"): idempotency keys past IDEMPOTENCY_TTL_HOURS, and
 * delivered or failed submissions and lead records older than LEAD_RETENTION_DAYS, are deleted.
 * Submissions still waiting (QUEUED, DELIVERING) are never purged, whatever their age. The
 * gateway runs purge() periodically; every call is safe to repeat and to run on several replicas.
 */
import type { IdempotencyRepository } from './idempotency-repository';
import type { StoreContext } from './store-context';

export interface PurgeReport {
  idempotencyKeys: number;
  submissions: number;
  leadRecords: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class RetentionPurger {
  constructor(
    private readonly context: StoreContext,
    private readonly idempotency: IdempotencyRepository,
    private readonly retentionDays: number,
  ) {}

  async purge(): Promise<PurgeReport> {
    const cutoff = this.context.clock() - this.retentionDays * DAY_MS;
    const idempotencyKeys = await this.idempotency.purgeExpired();
    const submissions = await this.context.db
      .deleteFrom('submissions')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'DELIVERED'), eb('delivered_at', '<=', cutoff)]),
          eb.and([eb('status', '=', 'FAILED'), eb('updated_at', '<=', cutoff)]),
        ]),
      )
      .executeTakeFirst();
    const leadRecords = await this.context.db.deleteFrom('lead_records').where('stored_at', '<=', cutoff).executeTakeFirst();
    return { idempotencyKeys, submissions: Number(submissions.numDeletedRows), leadRecords: Number(leadRecords.numDeletedRows) };
  }
}
