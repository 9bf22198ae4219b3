/** What `updateLead` answers. */
import { Field, ObjectType } from 'type-graphql';
import { Lead } from './lead.type';

@ObjectType({
  simpleResolvers: true,
  description: 'The result of `updateLead`.',
})
export class UpdateLeadPayload {
  @Field(() => Lead, { description: 'The lead as the provider stored it after the update.' })
  lead!: Lead;

  @Field(() => Boolean, {
    description:
      'Always false: `updateLead` takes no idempotency key (an update sent twice sets the same values twice). Here so both payloads read alike.',
  })
  replayed!: boolean;
}
