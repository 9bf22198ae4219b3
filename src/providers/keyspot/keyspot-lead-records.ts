/**
 * Keyspot has no read API, so the gateway keeps its own record of every Keyspot lead it created,
 * for one tenant, from Keyspot's answer (DESIGN.md Part 2, "The lead record"). Only leads created
 * through this gateway are there. What is stored is Keyspot's own lead payload (encrypted by the
 * store), so a read maps it exactly as the create answer was mapped.
 */
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import type { Lead } from '../../leads/types/lead.type';
import type { LeadRecordRepository } from '../../store';
import type { LeadListQuery, ProviderWindow } from '../provider-adapter';

export interface RecordedPage {
  /** Keyspot lead payloads, in listing order. */
  payloads: unknown[];
  total: number;
}

export class KeyspotLeadRecords {
  constructor(
    private readonly repository: LeadRecordRepository,
    private readonly tenant: string,
  ) {}

  /** Records a lead Keyspot just created (committed when this resolves). */
  async record(lead: Lead): Promise<void> {
    await this.repository.upsert({
      tenant: this.tenant,
      provider: LeadProvider.KEYSPOT,
      providerLeadId: lead.providerLeadId,
      lead: lead.raw,
      status: lead.status,
      title: lead.title,
      createdAt: lead.createdAt,
      updatedAt: lead.updatedAt,
    });
  }

  /** Keyspot's payload for the lead, or undefined when this tenant never created it through the gateway. */
  async payload(providerLeadId: string): Promise<unknown> {
    return (await this.repository.get(this.tenant, LeadProvider.KEYSPOT, providerLeadId))?.lead;
  }

  /**
   * The window of this tenant's recorded Keyspot leads in the query's order. `search` matches
   * titles and Keyspot leads have none, so a search matches nothing here (and costs no query).
   */
  async list(query: LeadListQuery, window: ProviderWindow): Promise<RecordedPage> {
    if (query.search !== undefined) return { payloads: [], total: 0 };
    const page = await this.repository.list(this.tenant, LeadProvider.KEYSPOT, {
      ...(query.status !== undefined ? { status: query.status } : {}),
      orderBy: { field: query.orderBy, direction: query.direction },
      offset: window.offset,
      limit: window.limit,
    });
    return { payloads: page.items.map((item) => item.lead), total: page.totalCount };
  }
}
