/** One change-feed event, as `leadEvents` sends it (DESIGN.md Part 2, "Change feed"). */
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Lead } from '../../leads/types/lead.type';
import { LeadSubmission } from '../../submissions/lead-submission.type';
import { LeadEventType } from './lead-event-type.enum';

@ObjectType('LeadEvent', {
  simpleResolvers: true,
  description: 'A lead created or changed, or a submission whose status changed, in the subscriber’s tenant. Sent once per change.',
})
export class LeadEvent {
  @Field(() => LeadEventType, { description: 'What happened.' })
  type!: LeadEventType;

  @Field(() => GraphQLDateTimeISO, { description: 'When the gateway learned of the change (UTC).' })
  at!: Date;

  @Field(() => Lead, {
    nullable: true,
    description: 'The lead as it is after the change (CREATED, UPDATED; SUBMISSION_CHANGED once DELIVERED); null otherwise.',
  })
  lead!: Lead | null;

  @Field(() => LeadSubmission, { nullable: true, description: 'The submission as it is after the change (SUBMISSION_CHANGED only).' })
  submission!: LeadSubmission | null;
}
