/** The `submissions` connection, newest first. */
import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../leads/types/page-info.type';
import { LeadSubmission } from './lead-submission.type';
import { LeadSubmissionEdge } from './lead-submission-edge.type';

@ObjectType({ simpleResolvers: true, description: 'A page of submissions, newest first (Relay connection).' })
export class LeadSubmissionConnection {
  @Field(() => [LeadSubmissionEdge], { description: 'The submissions of this page with their cursors.' })
  edges!: LeadSubmissionEdge[];

  @Field(() => [LeadSubmission], { description: 'The submissions of this page, without cursors.' })
  nodes!: LeadSubmission[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many submissions match the filter in all, across pages.' })
  totalCount!: number;
}
