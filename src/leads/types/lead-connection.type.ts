/** The `leads` Relay connection. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Lead } from './lead.type';
import { LeadEdge } from './lead-edge.type';
import { PageInfo } from './page-info.type';

@ObjectType({
  simpleResolvers: true,
  description: 'A page of leads (Relay connection).',
})
export class LeadConnection {
  @Field(() => [LeadEdge], { description: 'The leads of this page with their cursors.' })
  edges!: LeadEdge[];

  @Field(() => [Lead], { description: 'The leads of this page, without cursors.' })
  nodes!: Lead[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many leads match the filter in all, across pages.' })
  totalCount!: number;
}
