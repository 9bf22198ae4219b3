/**
 * Keyspot as the LeadService sees it: its API only creates. With the gateway's lead records, every
 * lead created here (by createLead or a delivered submitLead, both through this adapter) is
 * recorded, and reads are served from that record: only leads created through this gateway.
 */
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { LeadStatus } from '../../leads/enums/lead-status.enum';
import { ProviderCapability } from '../../leads/enums/provider-capability.enum';
import type { CreateLeadInput } from '../../leads/inputs/create-lead.input';
import type { Lead } from '../../leads/types/lead.type';
import type { Logger } from '../../logging/logger';
import { decodePayload } from '../http/decode-payload';
import type { LeadListPage, LeadListQuery, LeadProviderAdapter, ProviderRules, ProviderWindow } from '../provider-adapter';
import type { KeyspotClient } from './keyspot.client';
import type { KeyspotLeadRecords } from './keyspot-lead-records';
import { keyspotEnvelopeToLead, keyspotLeadToLead, toKeyspotCreate } from './keyspot.mapper';
import { keyspotCreateProblems } from './keyspot.rules';

/** What Keyspot's own API allows: creating. */
export const KEYSPOT_CAPABILITIES = [ProviderCapability.CREATE_LEAD] as const;
/** What the gateway can do for Keyspot with its lead records: read and list what it created there. */
export const KEYSPOT_RECORDED_CAPABILITIES = [
  ProviderCapability.LIST_LEADS,
  ProviderCapability.GET_LEAD,
  ProviderCapability.CREATE_LEAD,
] as const;
export const KEYSPOT_RULES: ProviderRules = {
  /** The only status a Keyspot lead has (it cannot be changed through Keyspot's API): what a listing can filter by. */
  acceptedStatuses: [LeadStatus.NEW_LEAD],
  validateCreate: keyspotCreateProblems,
  validateUpdate: () => [],
};

export class KeyspotAdapter implements LeadProviderAdapter {
  readonly provider = LeadProvider.KEYSPOT;

  constructor(
    private readonly client: KeyspotClient,
    private readonly logger: Logger,
    private readonly records?: KeyspotLeadRecords,
  ) {}

  /**
   * Creates the lead and, with records, records it before answering. A record that cannot be
   * written is logged and the lead still returned: Keyspot has created it, and failing here would
   * only invite the caller to create it a second time.
   */
  async createLead(input: CreateLeadInput): Promise<Lead> {
    const payload = await this.client.createLead(toKeyspotCreate(input));
    const lead = decodePayload(this.provider, this.logger, () => keyspotEnvelopeToLead(payload));
    if (this.records) {
      try {
        await this.records.record(lead);
      } catch (error) {
        this.logger.error(
          { provider: this.provider, leadId: lead.id, err: { name: (error as Error).name } },
          'keyspot lead created but not recorded: it cannot be read back',
        );
      }
    }
    return lead;
  }

  /** The recorded lead; null when this tenant did not create it through the gateway (or it was purged). */
  async getLead(providerLeadId: string): Promise<Lead | null> {
    const payload = await this.recordsOrFail().payload(providerLeadId);
    return payload === undefined ? null : this.decode(payload);
  }

  async listLeads(query: LeadListQuery, window: ProviderWindow): Promise<LeadListPage> {
    const page = await this.recordsOrFail().list(query, window);
    return { leads: page.payloads.map((payload) => this.decode(payload)), total: page.total };
  }

  private decode(payload: unknown): Lead {
    return decodePayload(this.provider, this.logger, () => keyspotLeadToLead(payload));
  }

  private recordsOrFail(): KeyspotLeadRecords {
    // Routing checks capabilities first; a connection without records never advertises reads.
    if (!this.records) throw new Error('Keyspot reads need the gateway lead records');
    return this.records;
  }
}
