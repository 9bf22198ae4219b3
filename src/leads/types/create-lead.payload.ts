/** What `createLead` answers. */
import { Field, ObjectType } from 'type-graphql';
import { Lead } from './lead.type';

@ObjectType({
  simpleResolvers: true,
  description: 'The result of `createLead`.',
})
export class CreateLeadPayload {
  @Field(() => Lead, { description: 'The lead as the provider created it.' })
  lead!: Lead;

  @Field(() => Boolean, {
    description:
      'True when this answer is the stored outcome of an earlier `createLead` with the same idempotency key and input: nothing was sent to the provider this time (the response also carries `Idempotent-Replayed: true`).',
  })
  replayed!: boolean;
}
