/** A tenant's API key as an administrator sees it: never its secret, only its visible prefix. */
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ApiScope } from './api-scope.enum';

@ObjectType({ simpleResolvers: true, description: 'A tenant API key (its secret is shown once, by createApiKey, and never stored).' })
export class ApiKey {
  @Field(() => ID, { description: 'The key id, for revokeApiKey.' })
  id!: string;

  @Field({ description: 'What the key is for, as its creator named it.' })
  name!: string;

  @Field({ description: 'The first characters of the secret, to tell keys apart.' })
  prefix!: string;

  @Field(() => [ApiScope], { description: 'What the key may do.' })
  scopes!: ApiScope[];

  @Field(() => GraphQLDateTimeISO, { description: 'When the key was created (UTC).' })
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'Roughly when the key was last used (recorded at most every few seconds).',
  })
  lastUsedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'When the key was revoked; a revoked key is refused (401) within 5 s on every replica.',
  })
  revokedAt!: Date | null;
}
