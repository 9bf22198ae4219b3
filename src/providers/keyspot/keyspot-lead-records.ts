/**
 * Keyspot has no read API, so the gateway keeps its own record of every Keyspot lead it created,
 * for one tenant, from Keyspot's answer (DESIGN.md Part 2, "The lead record"). Only leads created
 * through this gateway are there. What is stored is Keyspot's own lead payload (encrypted by the
 * store), so a read maps it exactly as the create answer was mapped. A read the store cannot answer
 * is STORE_UNAVAILABLE (retry later, or list another provider), never an internal error.
 */
import { GraphQLError } from 'graphql';
import { STORE_RETRY_AFTER_SECONDS, storeUnavailableError } from '../../errors/store-unavailable.error';
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
    return (await storeRead(() => this.repository.get(this.tenant, LeadProvider.KEYSPOT, providerLeadId)))?.lead;
  }

  /**
   * The window of this tenant's recorded Keyspot leads in the query's order. `search` matches
   * titles and Keyspot leads have none, so a search matches nothing here (and costs no query).
   */
  async list(query: LeadListQuery, window: ProviderWindow): Promise<RecordedPage> {
    if (query.search !== undefined) return { payloads: [], total: 0 };
    const page = await storeRead(() =>
      this.repository.list(this.tenant, LeadProvider.KEYSPOT, {
        ...(query.status !== undefined ? { status: query.status } : {}),
        orderBy: { field: query.orderBy, direction: query.direction },
        offset: window.offset,
        limit: window.limit,
      }),
    );
    return { payloads: page.items.map((item) => item.lead), total: page.totalCount };
  }
}

/** The store's answer, or STORE_UNAVAILABLE when it gives none (the driver's message, which may quote values, is dropped). */
async function storeRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    throw storeUnavailableError(
      `The gateway's store cannot be reached, and Keyspot leads are read from it: retry in ${STORE_RETRY_AFTER_SECONDS} s, or list another provider.`,
    );
  }
}
