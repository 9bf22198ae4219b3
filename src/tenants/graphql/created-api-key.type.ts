/** createApiKey's answer: the key and, this one time only, its secret. */
import { Field, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.type';

@ObjectType({ simpleResolvers: true, description: 'A new API key and its secret, which is shown only here and cannot be read again.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key as listings show it.' })
  apiKey!: ApiKey;

  @Field({ description: 'Send it as `Authorization: Bearer <secret>`. Store it now: only its digest is kept.' })
  secret!: string;
}
