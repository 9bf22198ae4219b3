/** Lets a client discover which providers are wired and what each can do. */
import { Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../graphql/context';
import type { LeadReadSource as ReadSourceName } from '../../providers/provider-adapter';
import type { ProviderStatus } from '../../providers/provider-directory';
import { LeadReadSource } from '../enums/lead-read-source.enum';
import { ProviderInfo } from '../types/provider-info.type';

const READ_SOURCES: Record<ReadSourceName, LeadReadSource> = {
  provider: LeadReadSource.PROVIDER,
  'gateway-record': LeadReadSource.GATEWAY_RECORD,
};

/** A directory status as the schema's ProviderInfo (also what `Tenant.providers` lists). */
export function toProviderInfo(status: ProviderStatus): ProviderInfo {
  return { ...status, readsFrom: READ_SOURCES[status.readsFrom] };
}

@Resolver(() => ProviderInfo)
export class ProviderResolver {
  @Query(() => [ProviderInfo], {
    description: 'Every provider LeadGraph knows, whether it is configured, simulated, and what it supports.',
  })
  providers(@Ctx() { leads }: GatewayContext): ProviderInfo[] {
    return leads.providers().map(toProviderInfo);
  }
}
