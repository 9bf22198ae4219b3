/**
 * Which connection serves what, for one tenant, with no request in sight: capability checks and
 * provider choice for reads, lists and writes. The per-request LeadService and (Part 2) the delivery
 * worker both route through it.
 */
import { BadUserInputError } from '../../errors/bad-user-input.error';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError, unsupportedByProvider } from '../../errors/provider.error';
import type { DirectoryEntry, ProviderDirectory, ProviderStatus } from '../../providers/provider-directory';
import type { LeadProvider } from '../enums/lead-provider.enum';
import { ProviderCapability } from '../enums/provider-capability.enum';

const CAPABILITY_WORDING: Record<ProviderCapability, string> = {
  LIST_LEADS: 'listing leads',
  GET_LEAD: 'reading a lead by id',
  CREATE_LEAD: 'creating leads',
  UPDATE_LEAD: 'updating leads',
};

export class LeadRouting {
  constructor(
    private readonly directory: ProviderDirectory,
    readonly tenant: string,
  ) {}

  statuses(): ProviderStatus[] {
    return this.directory.statuses(this.tenant);
  }

  /**
   * The tenant's connection to `provider` when it can do `capability`. Throws
   * UNSUPPORTED_BY_PROVIDER when the provider cannot, or is not configured for this tenant.
   */
  route(provider: LeadProvider, capability: ProviderCapability): DirectoryEntry {
    if (!this.directory.supports(this.tenant, provider, capability)) throw unsupportedByProvider(provider, CAPABILITY_WORDING[capability]);
    const entry = this.directory.entry(this.tenant, provider);
    if (!entry) throw new ProviderError(ErrorCode.UNSUPPORTED_BY_PROVIDER, provider, `${provider} is not configured on this gateway.`);
    return entry;
  }

  /** The connection that lists: the one named, else the only configured one that can list. */
  listing(named: LeadProvider | undefined): DirectoryEntry {
    if (named) return this.route(named, ProviderCapability.LIST_LEADS);
    const { configured, all } = this.directory.providersThatCan(this.tenant, ProviderCapability.LIST_LEADS);
    // With none configured, name one that could list: the error then says it is not configured.
    if (configured.length <= 1) return this.route((configured[0] ?? all[0])!, ProviderCapability.LIST_LEADS);
    // Merging several providers' pages under one cursor is not built yet: ask the client to pick.
    throw BadUserInputError.of('filter.provider', `several providers can list (${configured.join(', ')}); name one`);
  }
}
