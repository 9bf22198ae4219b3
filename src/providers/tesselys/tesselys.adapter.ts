/** Tesselys as the LeadService sees it: every capability, backed by a per-request client. */
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { ProviderCapability } from '../../leads/enums/provider-capability.enum';
import type { CreateLeadInput } from '../../leads/inputs/create-lead.input';
import type { UpdateLeadInput } from '../../leads/inputs/update-lead.input';
import type { Lead } from '../../leads/types/lead.type';
import type { Logger } from '../../logging/logger';
import { decodePayload } from '../http/decode-payload';
import type { LeadListPage, LeadListQuery, LeadProviderAdapter, ProviderPageRequest } from '../provider-adapter';
import type { TesselysClient } from './tesselys.client';
import {
  TESSELYS_ACCEPTED_STATUSES,
  tesselysLeadFor,
  tesselysLeadToLead,
  tesselysPageToLeads,
  toTesselysCreate,
  toTesselysListQuery,
  toTesselysUpdate,
} from './tesselys.mapper';
import { tesselysCreateProblems, tesselysUpdateProblems } from './tesselys.rules';

export const TESSELYS_CAPABILITIES = [
  ProviderCapability.LIST_LEADS,
  ProviderCapability.GET_LEAD,
  ProviderCapability.CREATE_LEAD,
  ProviderCapability.UPDATE_LEAD,
] as const;

const capabilities: ReadonlySet<ProviderCapability> = new Set(TESSELYS_CAPABILITIES);

export class TesselysAdapter implements LeadProviderAdapter {
  readonly provider = LeadProvider.TESSELYS;
  readonly capabilities = capabilities;
  readonly acceptedStatuses = TESSELYS_ACCEPTED_STATUSES;

  constructor(
    private readonly client: TesselysClient,
    private readonly logger: Logger,
  ) {}

  async listLeads(query: LeadListQuery, page: ProviderPageRequest): Promise<LeadListPage> {
    const payload = await this.client.listLeads(toTesselysListQuery(query, page));
    return this.decode(() => tesselysPageToLeads(payload));
  }

  async getLead(providerLeadId: string): Promise<Lead | null> {
    const payload = await this.client.getLead(providerLeadId);
    // An answer for another lead is a broken provider, never a lead to show.
    return payload === null ? null : this.decode(() => tesselysLeadFor(providerLeadId, payload));
  }

  async createLead(input: CreateLeadInput): Promise<Lead> {
    const payload = await this.client.createLead(toTesselysCreate(input));
    return this.decode(() => tesselysLeadToLead(payload));
  }

  async updateLead(providerLeadId: string, input: UpdateLeadInput): Promise<Lead> {
    const payload = await this.client.updateLead(providerLeadId, toTesselysUpdate(input));
    return this.decode(() => tesselysLeadToLead(payload));
  }

  validateCreate = tesselysCreateProblems;
  validateUpdate = tesselysUpdateProblems;

  private decode<T>(decode: () => T): T {
    return decodePayload(this.provider, this.logger, decode);
  }
}
