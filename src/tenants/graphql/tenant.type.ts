/** A tenant: one company served by this deployment, with its own providers, keys and data. */
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { ProviderInfo } from '../../leads/types/provider-info.type';
import { ApiKey } from './api-key.type';

@ObjectType({ simpleResolvers: true, description: 'A tenant: its providers (never their credentials) and its API keys.' })
export class Tenant {
  @Field({ description: 'The tenant id: 2 to 40 of a-z, 0-9 and -; "default" is the environment configuration.' })
  slug!: string;

  @Field({ description: 'Its display name.' })
  name!: string;

  @Field(() => [ProviderInfo], { description: "The tenant's providers as its own keys see them." })
  providers!: ProviderInfo[];

  @Field(() => [ApiKey], { description: 'Its API keys, revoked ones included.' })
  apiKeys!: ApiKey[];

  @Field(() => GraphQLDateTimeISO, { description: 'When the tenant was created (UTC).' })
  createdAt!: Date;
}
