/** The arguments of `submissions`: forward paging, newest first, and a filter. */
import { ArgsType, Field, Int } from 'type-graphql';
import { SubmissionFilter } from './submission-filter.input';

@ArgsType()
export class SubmissionsArgs {
  @Field(() => Int, { nullable: true, description: 'How many submissions to return after `after` (1..100, default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return submissions after this cursor (an `endCursor` of the same filter).' })
  after?: string | null;

  @Field(() => SubmissionFilter, { nullable: true, description: 'Which submissions to list.' })
  filter?: SubmissionFilter | null;
}
