/** Which submissions `submissions` lists. */
import { Field, InputType } from 'type-graphql';
import { LeadProvider } from '../leads/enums/lead-provider.enum';
import { SubmissionStatus } from './submission-status.enum';

@InputType({ description: 'Which submissions to list; every field is optional and they combine with AND.' })
export class SubmissionFilter {
  @Field(() => SubmissionStatus, { nullable: true, description: 'Only submissions with this status.' })
  status?: SubmissionStatus | null;

  @Field(() => LeadProvider, { nullable: true, description: 'Only submissions to this provider.' })
  provider?: LeadProvider | null;
}
