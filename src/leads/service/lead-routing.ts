/**
 * Which connection serves what, for one tenant, with no request in sight: capability checks and
 * provider choice for reads, lists and writes. The per-request LeadService and (Part 2) the delivery
 * worker both route through it.
 */
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

  /**
   * The connections `leads` lists from: the one named, else every configured one that can list,
   * in registry order (that order is part of the merged cursors). With none configured, names one
   * that could list, so the error says it is not configured.
   */
  listings(named: LeadProvider | undefined): DirectoryEntry[] {
    if (named) return [this.route(named, ProviderCapability.LIST_LEADS)];
    const { configured, all } = this.directory.providersThatCan(this.tenant, ProviderCapability.LIST_LEADS);
    if (configured.length === 0) return [this.route(all[0]!, ProviderCapability.LIST_LEADS)];
    return configured.map((provider) => this.route(provider, ProviderCapability.LIST_LEADS));
  }
}
