/** The arguments of `leads`: Relay paging plus filter and order. Bounds are checked by the page window. */
import { ValidateNested } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { LeadFilter } from './lead-filter.input';
import { LeadOrder } from './lead-order.input';

@ArgsType()
export class LeadsArgs {
  @Field(() => Int, { nullable: true, description: 'How many leads to return after `after` (1..100, default 20).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return leads after this cursor (from a previous page with the same filter and order).',
  })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many leads to return before `before` (1..100); without `before`, the last ones.' })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return leads before this cursor (from a previous page with the same filter and order).',
  })
  before?: string | null;

  @Field(() => LeadFilter, { nullable: true, description: 'Which leads to list.' })
  @ValidateNested()
  filter?: LeadFilter | null;

  @Field(() => LeadOrder, { nullable: true, description: 'The order; default newest first (CREATED_AT DESC).' })
  orderBy?: LeadOrder | null;
}
