/**
 * A tenant's credentials for one provider: the fields that provider uses (Keyspot: clientId and
 * clientSecret, or apiToken; Tesselys: accessToken and companyToken; either: baseUrl). Write-only:
 * no query ever returns them.
 */
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Credentials for one provider; write-only (never returned).' })
export class ProviderCredentialsInput {
  @Field(() => String, { nullable: true, description: "The provider's API base URL; its public one when absent." })
  baseUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Keyspot client id.' })
  clientId?: string | null;

  @Field(() => String, { nullable: true, description: 'Keyspot client secret.' })
  clientSecret?: string | null;

  @Field(() => String, { nullable: true, description: 'Keyspot: a ready JWT instead of clientId/clientSecret.' })
  apiToken?: string | null;

  @Field(() => String, { nullable: true, description: 'Tesselys access token.' })
  accessToken?: string | null;

  @Field(() => String, { nullable: true, description: 'Tesselys company token.' })
  companyToken?: string | null;
}
