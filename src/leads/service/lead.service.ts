/**
 * The one place that knows which provider does what. Resolvers hand it GraphQL arguments; it checks
 * capabilities and provider rules (so a bad input never reaches a provider), routes by provider,
 * and keeps the per-request loader primed with every lead it sees.
 */
import { BadUserInputError } from '../../errors/bad-user-input.error';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError, unsupportedByProvider } from '../../errors/provider.error';
import type { LeadProviderAdapter, RequestScope } from '../../providers/provider-adapter';
import type { ProviderRuntime, ProviderStatus } from '../../providers/provider-runtime';
import { LeadOrderField, OrderDirection } from '../enums/lead-order.enums';
import type { LeadProvider } from '../enums/lead-provider.enum';
import { ProviderCapability } from '../enums/provider-capability.enum';
import type { CreateLeadInput } from '../inputs/create-lead.input';
import type { LeadsArgs } from '../inputs/leads.args';
import type { UpdateLeadInput } from '../inputs/update-lead.input';
import { parseGlobalId, toGlobalId } from '../mapping/global-id';
import { fingerprintOf } from '../pagination/cursor';
import { PaginationArgsError, requestedWindow } from '../pagination/page-window';
import type { Lead } from '../types/lead.type';
import type { LeadConnection } from '../types/lead-connection.type';
import { sharedRuleProblems } from '../../validation/shared-rules';
import { createLeadLoader, type LeadLoader } from './lead.loader';
import { pageLeads } from './lead-pager';

const CAPABILITY_WORDING: Record<ProviderCapability, string> = {
  LIST_LEADS: 'listing leads',
  GET_LEAD: 'reading a lead by id',
  CREATE_LEAD: 'creating leads',
  UPDATE_LEAD: 'updating leads',
};

export class LeadService {
  private readonly adapters = new Map<LeadProvider, LeadProviderAdapter>();
  readonly loader: LeadLoader = createLeadLoader((id) => this.fetchLead(id));

  constructor(
    private readonly runtime: ProviderRuntime,
    private readonly scope: RequestScope,
  ) {}

  providers(): ProviderStatus[] {
    return this.runtime.statuses();
  }

  /** Null when the provider says the lead does not exist; BAD_USER_INPUT for a malformed id. */
  lead(id: string): Promise<Lead | null> {
    const { provider, providerLeadId } = parseGlobalId(id);
    return this.loader.load(toGlobalId(provider, providerLeadId));
  }

  async leads(args: LeadsArgs): Promise<LeadConnection> {
    const filter = args.filter ?? {};
    const adapter = this.listingAdapter(filter.provider ?? undefined);
    const search = filter.search?.trim() || undefined;
    const status = filter.status ?? undefined;
    if (status && !adapter.acceptedStatuses.includes(status)) {
      throw BadUserInputError.of(
        'filter.status',
        `is not a status ${adapter.provider} uses; it uses ${adapter.acceptedStatuses.join(', ')}`,
      );
    }
    const query = {
      search,
      status,
      orderBy: args.orderBy?.field ?? LeadOrderField.CREATED_AT,
      direction: args.orderBy?.direction ?? OrderDirection.DESC,
    };
    // Scoped by the provider actually listed, so naming it or not yields the same cursors.
    const fingerprint = fingerprintOf({ provider: adapter.provider, ...query });
    let window;
    try {
      window = requestedWindow(args, fingerprint);
    } catch (error) {
      if (error instanceof PaginationArgsError) throw BadUserInputError.of(error.argument, error.message);
      throw error;
    }
    const connection = await pageLeads(window, fingerprint, (page) => adapter.listLeads!(query, page));
    for (const lead of connection.nodes) this.loader.prime(lead.id, lead);
    return connection;
  }

  async createLead(input: CreateLeadInput): Promise<Lead> {
    const adapter = this.adapterFor(input.provider, ProviderCapability.CREATE_LEAD);
    const problems = [...sharedRuleProblems(input), ...adapter.validateCreate(input)];
    if (problems.length > 0) throw new BadUserInputError(problems);
    const lead = await adapter.createLead!(input);
    this.loader.prime(lead.id, lead);
    return lead;
  }

  async updateLead(id: string, input: UpdateLeadInput): Promise<Lead> {
    const { provider, providerLeadId } = parseGlobalId(id);
    const adapter = this.adapterFor(provider, ProviderCapability.UPDATE_LEAD);
    if (Object.values(input).every((value) => value === undefined || value === null)) {
      throw BadUserInputError.of('input', 'send at least one field to change (title, status, description or tags)');
    }
    const problems = [...sharedRuleProblems(input), ...adapter.validateUpdate(input)];
    if (problems.length > 0) throw new BadUserInputError(problems);
    const lead = await adapter.updateLead!(providerLeadId, input);
    this.loader.clear(lead.id).prime(lead.id, lead);
    return lead;
  }

  // Async so that a refusal (bad id, unsupported provider) rejects this key alone instead of
  // throwing synchronously inside the loader's batch and failing its siblings.
  private async fetchLead(globalId: string): Promise<Lead | null> {
    const { provider, providerLeadId } = parseGlobalId(globalId);
    return this.adapterFor(provider, ProviderCapability.GET_LEAD).getLead!(providerLeadId);
  }

  private listingAdapter(named: LeadProvider | undefined): LeadProviderAdapter {
    if (named) return this.adapterFor(named, ProviderCapability.LIST_LEADS);
    const { configured, all } = this.runtime.providersThatCan(ProviderCapability.LIST_LEADS);
    // With none configured, name one that could list: the error then says it is not configured.
    if (configured.length <= 1) return this.adapterFor((configured[0] ?? all[0])!, ProviderCapability.LIST_LEADS);
    // Merging several providers' pages under one cursor is not built yet: ask the client to pick.
    throw BadUserInputError.of('filter.provider', `several providers can list (${configured.join(', ')}); name one`);
  }

  private adapterFor(provider: LeadProvider, capability: ProviderCapability): LeadProviderAdapter {
    // Per lead read: ask the registry directly rather than building every provider's status.
    if (!this.runtime.supports(provider, capability)) throw unsupportedByProvider(provider, CAPABILITY_WORDING[capability]);
    const connection = this.runtime.connection(provider);
    if (!connection) throw new ProviderError(ErrorCode.UNSUPPORTED_BY_PROVIDER, provider, `${provider} is not configured on this gateway.`);
    let adapter = this.adapters.get(provider);
    if (!adapter) {
      adapter = connection.forRequest(this.scope);
      this.adapters.set(provider, adapter);
    }
    return adapter;
  }
}
