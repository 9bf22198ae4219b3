/**
 * Who polls a tenant × provider for the change feed when replicas share this store: one row per
 * tenant × provider naming its holder until `expires_at`. Contract: acquire() is one atomic upsert,
 * so of replicas racing for a free or expired lease exactly one gets it; a holder renews by
 * acquiring again before it expires; release() frees it at once (only for its holder).
 */
import type { StoreContext } from './store-context';

export class PollLeaseRepository {
  constructor(private readonly context: StoreContext) {}

  /** True when `holder` holds the lease until now + ttlMs (newly, or renewed); false when another holds it. */
  async acquire(tenant: string, provider: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.context.clock();
    const row = await this.context.db
      .insertInto('poll_leases')
      .values({ tenant, provider, holder, expires_at: now + ttlMs })
      .onConflict((conflict) =>
        conflict
          .columns(['tenant', 'provider'])
          .doUpdateSet({ holder, expires_at: now + ttlMs })
          .where((eb) => eb.or([eb('poll_leases.holder', '=', holder), eb('poll_leases.expires_at', '<=', now)])),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === holder;
  }

  /** Frees the lease if `holder` holds it; false when it did not. */
  async release(tenant: string, provider: string, holder: string): Promise<boolean> {
    const result = await this.context.db
      .deleteFrom('poll_leases')
      .where('tenant', '=', tenant)
      .where('provider', '=', provider)
      .where('holder', '=', holder)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The current holder, expired or not (for tests and diagnostics). */
  async holder(tenant: string, provider: string): Promise<{ holder: string; expiresAt: Date } | undefined> {
    const row = await this.context.db
      .selectFrom('poll_leases')
      .select(['holder', 'expires_at'])
      .where('tenant', '=', tenant)
      .where('provider', '=', provider)
      .executeTakeFirst();
    return row ? { holder: row.holder, expiresAt: new Date(Number(row.expires_at)) } : undefined;
  }
}
