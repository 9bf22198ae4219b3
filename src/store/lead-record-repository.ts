/**
 * Lead records (DESIGN.md Part 2, "The lead record"): the leads the gateway created at a provider
 * that cannot be read back (Keyspot), so `lead(id)` and `leads` can still return them. The lead
 * itself is stored encrypted (bound to tenant, provider and id); only what listing needs to filter
 * and order by is plain: the unified status, the title (null for Keyspot) and the lead's times.
 *
 * list() orders exactly as the merged `leads` connection needs, the same on both stores: by
 * created_at or by title (byte order; a missing title after every title in ASC, before in DESC),
 * ties broken by provider lead id in the same direction.
 */
import { type Selectable, sql } from 'kysely';
import type { LeadRecordTable } from './database-schema';
import type { StoreContext } from './store-context';

export interface LeadRecordInput {
  tenant: string;
  provider: string;
  providerLeadId: string;
  /** The unified lead (JSON); stored encrypted. */
  lead: unknown;
  status?: string | null;
  title?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface LeadRecord extends Required<LeadRecordInput> {
  storedAt: Date;
}

export type LeadRecordOrderField = 'CREATED_AT' | 'TITLE';
export type OrderDirection = 'ASC' | 'DESC';

export interface LeadRecordQuery {
  status?: string;
  orderBy: { field: LeadRecordOrderField; direction: OrderDirection };
  offset: number;
  limit: number;
}

export interface LeadRecordPage {
  items: LeadRecord[];
  totalCount: number;
}

export class LeadRecordRepository {
  constructor(private readonly context: StoreContext) {}

  /** Inserts or replaces the record of one lead; committed when this resolves. */
  async upsert(record: LeadRecordInput): Promise<void> {
    const now = this.context.clock();
    const values = {
      lead: this.context.cipher.encryptJson(record.lead, leadContext(record)),
      status: record.status ?? null,
      title: record.title ?? null,
      created_at: record.createdAt.getTime(),
      updated_at: record.updatedAt.getTime(),
      stored_at: now,
    };
    await this.context.db
      .insertInto('lead_records')
      .values({ tenant: record.tenant, provider: record.provider, provider_lead_id: record.providerLeadId, ...values })
      .onConflict((conflict) => conflict.columns(['tenant', 'provider', 'provider_lead_id']).doUpdateSet(values))
      .execute();
  }

  async get(tenant: string, provider: string, providerLeadId: string): Promise<LeadRecord | undefined> {
    const row = await this.context.db
      .selectFrom('lead_records')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('provider', '=', provider)
      .where('provider_lead_id', '=', providerLeadId)
      .executeTakeFirst();
    return row ? this.toRecord(row) : undefined;
  }

  /** One provider's records of a tenant, in the requested order, `limit` from `offset`, with the total. */
  async list(tenant: string, provider: string, query: LeadRecordQuery): Promise<LeadRecordPage> {
    let base = this.context.db.selectFrom('lead_records').where('tenant', '=', tenant).where('provider', '=', provider);
    if (query.status !== undefined) base = base.where('status', '=', query.status);
    const counted = await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    const direction = query.orderBy.direction === 'ASC' ? 'asc' : 'desc';
    let page = base.selectAll();
    if (query.orderBy.field === 'TITLE') {
      // Byte order on both stores (PostgreSQL would otherwise follow the database's locale).
      const title = this.context.kind === 'postgres' ? sql`title collate "C"` : sql`title`;
      page = page.orderBy(sql`case when title is null then 1 else 0 end`, direction).orderBy(title, direction);
    } else {
      page = page.orderBy('created_at', direction);
    }
    const idOrder = this.context.kind === 'postgres' ? sql`provider_lead_id collate "C"` : sql`provider_lead_id`;
    const rows = await page.orderBy(idOrder, direction).limit(query.limit).offset(query.offset).execute();
    return { items: rows.map((row) => this.toRecord(row)), totalCount: Number(counted.count) };
  }

  private toRecord(row: Selectable<LeadRecordTable>): LeadRecord {
    return {
      tenant: row.tenant,
      provider: row.provider,
      providerLeadId: row.provider_lead_id,
      lead: this.context.cipher.decryptJson(
        row.lead,
        leadContext({ tenant: row.tenant, provider: row.provider, providerLeadId: row.provider_lead_id }),
      ),
      status: row.status,
      title: row.title,
      createdAt: new Date(Number(row.created_at)),
      updatedAt: new Date(Number(row.updated_at)),
      storedAt: new Date(Number(row.stored_at)),
    };
  }
}

function leadContext(record: Pick<LeadRecordInput, 'tenant' | 'provider' | 'providerLeadId'>): string {
  return `lead_records.lead/${record.tenant}/${record.provider}/${record.providerLeadId}`;
}
