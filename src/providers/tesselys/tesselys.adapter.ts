/**
 * Tesselys as the LeadService sees it: every capability, backed by a per-request client. Windows
 * by offset become one or two Tesselys pages here (tesselys.pages.ts), nowhere else.
 */
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { ProviderCapability } from '../../leads/enums/provider-capability.enum';
import type { CreateLeadInput } from '../../leads/inputs/create-lead.input';
import type { UpdateLeadInput } from '../../leads/inputs/update-lead.input';
import type { Lead } from '../../leads/types/lead.type';
import type { Logger } from '../../logging/logger';
import { decodePayload } from '../http/decode-payload';
import type { LeadListPage, LeadListQuery, LeadProviderAdapter, ProviderRules, ProviderWindow } from '../provider-adapter';
import type { TesselysClient } from './tesselys.client';
import { planPages, sliceWindow } from './tesselys.pages';
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

export const TESSELYS_RULES: ProviderRules = {
  acceptedStatuses: TESSELYS_ACCEPTED_STATUSES,
  validateCreate: tesselysCreateProblems,
  validateUpdate: tesselysUpdateProblems,
};

/**
 * List pages already decoded, by the parsed answer they came from. Identical reads in flight share
 * one call (SingleFlight) and so receive the same answer object: the first request to decode it
 * maps it, the others take its leads. A Lead is never written to after mapping (nothing in src/
 * does), so sharing one between requests is safe. Held only while some request holds the answer.
 */
const decodedPages = new WeakMap<object, { limit: number; page: LeadListPage }>();

export class TesselysAdapter implements LeadProviderAdapter {
  readonly provider = LeadProvider.TESSELYS;

  constructor(
    private readonly client: TesselysClient,
    private readonly logger: Logger,
  ) {}

  /** One Tesselys page when one covers the window, else two fetched in parallel. */
  async listLeads(query: LeadListQuery, window: ProviderWindow): Promise<LeadListPage> {
    const plan = planPages(window.offset, window.limit);
    const pages = await Promise.all(plan.pages.map((page) => this.listPage(query, page, plan.limit)));
    const leads = sliceWindow(
      plan,
      pages.map((p) => p.leads),
      window.offset,
      window.limit,
    );
    // Pages fetched together may disagree on the total if leads arrive in between; the larger is safer for hasNextPage.
    return { leads, total: Math.max(...pages.map((p) => p.total)) };
  }

  private async listPage(query: LeadListQuery, page: number, limit: number): Promise<LeadListPage> {
    const payload = await this.client.listLeads(toTesselysListQuery(query, { page, limit }));
    if (typeof payload !== 'object' || payload === null) return this.decode(() => tesselysPageToLeads(payload, limit));
    const decoded = decodedPages.get(payload);
    if (decoded?.limit === limit) return decoded.page;
    const fresh = this.decode(() => tesselysPageToLeads(payload, limit));
    decodedPages.set(payload, { limit, page: fresh });
    return fresh;
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
    // Like a read: an update answered with another lead is a broken provider.
    return this.decode(() => tesselysLeadFor(providerLeadId, payload));
  }

  private decode<T>(decode: () => T): T {
    return decodePayload(this.provider, this.logger, decode);
  }
}
