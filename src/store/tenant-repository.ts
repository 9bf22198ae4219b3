/**
 * Tenants (DESIGN.md Part 2, "Tenants"): a slug and a display name. The slug is what every other
 * row's `tenant` column holds; it never changes once created.
 */
import type { StoreContext } from './store-context';

export interface TenantRow {
  slug: string;
  name: string;
  createdAt: Date;
}

export class TenantRepository {
  constructor(private readonly context: StoreContext) {}

  /** Creates the tenant; false (and nothing written) when the slug is taken. Committed when this resolves. */
  async create(slug: string, name: string): Promise<boolean> {
    const result = await this.context.db
      .insertInto('tenants')
      .values({ slug, name, created_at: this.context.clock() })
      .onConflict((conflict) => conflict.column('slug').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async get(slug: string): Promise<TenantRow | undefined> {
    const row = await this.context.db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? { slug: row.slug, name: row.name, createdAt: new Date(Number(row.created_at)) } : undefined;
  }

  /** Every tenant, oldest first (ties by slug). */
  async list(): Promise<TenantRow[]> {
    const rows = await this.context.db.selectFrom('tenants').selectAll().orderBy('created_at').orderBy('slug').execute();
    return rows.map((row) => ({ slug: row.slug, name: row.name, createdAt: new Date(Number(row.created_at)) }));
  }
}
