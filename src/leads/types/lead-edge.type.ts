/** One lead in a connection, with the cursor that points at it. */
import { Field, ObjectType } from 'type-graphql';
import { Lead } from './lead.type';

@ObjectType({
  simpleResolvers: true,
  description: 'A lead and its cursor.',
})
export class LeadEdge {
  @Field({ description: 'Opaque cursor of this lead, valid only with the same filter and order.' })
  cursor!: string;

  @Field(() => Lead, { description: 'The lead.' })
  node!: Lead;
}
