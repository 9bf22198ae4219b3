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
}
