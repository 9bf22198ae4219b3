/** Lets a client discover which providers are wired and what each can do. */
import { Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../graphql/context';
import { ProviderInfo } from '../types/provider-info.type';

@Resolver(() => ProviderInfo)
export class ProviderResolver {
  @Query(() => [ProviderInfo], {
    description: 'Every provider LeadGraph knows, whether it is configured, simulated, and what it supports.',
  })
  providers(@Ctx() { leads }: GatewayContext): ProviderInfo[] {
    return leads.providers();
  }
}
