/**
 * What one GraphQL request asks of leads. Resolvers hand it GraphQL arguments; routing and checks
 * that need no request live in LeadRouting and LeadWriter (a delivery worker uses those too). This
 * class adds what is per request: the adapters made with the request's scope, and the loader,
 * primed with every lead the request sees.
 */
import { BadUserInputError } from '../../errors/bad-user-input.error';
import type { LeadListQuery, ProviderConnection, RequestScope } from '../../providers/provider-adapter';
import type { ProviderStatus } from '../../providers/provider-directory';
import { LeadOrderField, OrderDirection } from '../enums/lead-order.enums';
import { ProviderCapability } from '../enums/provider-capability.enum';
import type { CreateLeadInput } from '../inputs/create-lead.input';
import type { LeadsArgs } from '../inputs/leads.args';
import type { UpdateLeadInput } from '../inputs/update-lead.input';
import { parseGlobalId, toGlobalId } from '../mapping/global-id';
import { fingerprintOf } from '../pagination/cursor';
import { leadOrder } from '../pagination/lead-order';
import { pageLeads, PaginationArgsError, type PageSource } from '../pagination/lead-paging';
import type { Lead } from '../types/lead.type';
import type { LeadConnection } from '../types/lead-connection.type';
import { createLeadLoader, type LeadLoader } from './lead.loader';
import type { LeadRouting } from './lead-routing';
import { LeadWriter } from './lead-writer';
import { ScopedAdapters } from './scoped-adapters';

/** Where a lead created or changed through the gateway is announced (the change feed). */
export interface LeadChanges {
  leadChanged(tenant: string, type: 'CREATED' | 'UPDATED', lead: Lead): void;
}

export class LeadService {
  readonly loader: LeadLoader = createLeadLoader((id) => this.fetchLead(id));
  private readonly adapters: ScopedAdapters;
  private readonly writer: LeadWriter;

  constructor(
    private readonly routing: LeadRouting,
    scope: RequestScope,
    private readonly changes?: LeadChanges,
  ) {
    this.adapters = new ScopedAdapters(scope);
    this.writer = new LeadWriter(routing);
  }

  providers(): ProviderStatus[] {
    return this.routing.statuses();
  }

  /** Null when the provider says the lead does not exist; BAD_USER_INPUT for a malformed id. */
  lead(id: string): Promise<Lead | null> {
    const { provider, providerLeadId } = parseGlobalId(id);
    return this.loader.load(toGlobalId(provider, providerLeadId));
  }

  /**
   * `leads`: the named provider, or every configured provider that can list, merged in the
   * requested order (lead-paging.ts). Without a named provider, a status a provider does not use
   * simply matches nothing there; naming it keeps the BAD_USER_INPUT.
   */
  async leads(args: LeadsArgs): Promise<LeadConnection> {
    const filter = args.filter ?? {};
    const named = filter.provider ?? undefined;
    const status = filter.status ?? undefined;
    let entries = this.routing.listings(named);
    if (status && named) {
      const { acceptedStatuses } = entries[0]!.connection.rules;
      if (!acceptedStatuses.includes(status))
        throw BadUserInputError.of('filter.status', `is not a status ${named} uses; it uses ${acceptedStatuses.join(', ')}`);
    } else if (status) {
      entries = entries.filter((entry) => entry.connection.rules.acceptedStatuses.includes(status));
    }
    const query: LeadListQuery = {
      search: filter.search?.trim() || undefined,
      status,
      orderBy: args.orderBy?.field ?? LeadOrderField.CREATED_AT,
      direction: args.orderBy?.direction ?? OrderDirection.DESC,
    };
    const reversed: LeadListQuery = {
      ...query,
      direction: query.direction === OrderDirection.ASC ? OrderDirection.DESC : OrderDirection.ASC,
    };
    // Scoped by the providers actually listed, so naming the only one that lists yields the same cursors as not naming it.
    const fingerprint = fingerprintOf({ providers: entries.map((entry) => entry.connection.provider), ...query });
    const sources = entries.map(({ connection, listingTotals }): PageSource => {
      const adapter = this.adapters.of(connection);
      return {
        fetch: (window, reverse) => adapter.listLeads!(reverse ? reversed : query, window),
        totals: listingTotals,
        fingerprint: fingerprintOf({ provider: connection.provider, ...query }),
      };
    });
    let page: LeadConnection;
    try {
      page = await pageLeads({ args, sources, compare: leadOrder(query.orderBy, query.direction), fingerprint });
    } catch (error) {
      if (error instanceof PaginationArgsError) throw BadUserInputError.of(error.argument, error.message);
      throw error;
    }
    for (const lead of page.nodes) this.loader.prime(lead.id, lead);
    return page;
  }

  /** `checked`: the connection LeadWriter.checkCreate already returned for this input (not checked again). */
  async createLead(input: CreateLeadInput, checked?: ProviderConnection): Promise<Lead> {
    const lead = await this.writer.create(input, this.adapters, checked);
    this.loader.prime(lead.id, lead);
    this.changes?.leadChanged(this.routing.tenant, 'CREATED', lead);
    return lead;
  }

  async updateLead(id: string, input: UpdateLeadInput): Promise<Lead> {
    const lead = await this.writer.update(id, input, this.adapters);
    this.loader.clear(lead.id).prime(lead.id, lead);
    this.changes?.leadChanged(this.routing.tenant, 'UPDATED', lead);
    return lead;
  }

  // Async so that a refusal (bad id, unsupported provider) rejects this key alone instead of
  // throwing synchronously inside the loader's batch and failing its siblings.
  private async fetchLead(globalId: string): Promise<Lead | null> {
    const { provider, providerLeadId } = parseGlobalId(globalId);
    const { connection } = this.routing.route(provider, ProviderCapability.GET_LEAD);
    return this.adapters.of(connection).getLead!(providerLeadId);
  }
}
