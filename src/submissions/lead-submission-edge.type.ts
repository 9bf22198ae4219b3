/** One submission in a connection, with the cursor that points at it. */
import { Field, ObjectType } from 'type-graphql';
import { LeadSubmission } from './lead-submission.type';

@ObjectType({ simpleResolvers: true, description: 'A submission and its cursor.' })
export class LeadSubmissionEdge {
  @Field(() => String, { description: 'Opaque cursor of this submission, for `after`.' })
  cursor!: string;

  @Field(() => LeadSubmission, { description: 'The submission.' })
  node!: LeadSubmission;
}
