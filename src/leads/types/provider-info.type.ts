/** What a client can learn about each provider: is it configured, simulated, and what can it do. */
import { Field, ObjectType } from 'type-graphql';
import { LeadProvider } from '../enums/lead-provider.enum';
import { LeadReadSource } from '../enums/lead-read-source.enum';
import { ProviderCapability } from '../enums/provider-capability.enum';
import { ProviderHealth } from './provider-health.type';

@ObjectType({
  simpleResolvers: true,
  description: 'A provider known to LeadGraph and what it can do.',
})
export class ProviderInfo {
  @Field(() => LeadProvider, { description: 'The provider.' })
  provider!: LeadProvider;

  @Field({ description: 'Whether credentials are configured (or a simulator stands in for it).' })
  configured!: boolean;

  @Field({ description: 'Whether a built-in simulator with demo data answers in place of the real provider.' })
  demo!: boolean;

  @Field(() => [ProviderCapability], {
    description:
      'The operations this provider supports through LeadGraph. For a provider read from the gateway record (see `readsFrom`), GET_LEAD and LIST_LEADS cover only the leads created through this gateway.',
  })
  capabilities!: ProviderCapability[];

  @Field(() => LeadReadSource, {
    description:
      "Where this provider's leads are read from: its API (PROVIDER), or LeadGraph's record of what it created there (GATEWAY_RECORD: only leads created through this gateway are there).",
  })
  readsFrom!: LeadReadSource;

  @Field(() => ProviderHealth, { nullable: true, description: "Its circuit breaker's state; null when the provider is not configured." })
  health!: ProviderHealth | null;
}
