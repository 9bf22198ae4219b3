/** What `submitLead` and `retrySubmission` answer. */
import { Field, ObjectType } from 'type-graphql';
import { LeadSubmission } from './lead-submission.type';

@ObjectType({ simpleResolvers: true, description: 'The result of `submitLead` or `retrySubmission`.' })
export class SubmitLeadPayload {
  @Field(() => LeadSubmission, { description: 'The stored submission; QUEUED when just accepted.' })
  submission!: LeadSubmission;

  @Field(() => Boolean, { description: 'True when this answer replays an earlier call with the same idempotency key.' })
  replayed!: boolean;
}
