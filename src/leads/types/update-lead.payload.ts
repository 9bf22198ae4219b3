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
}
