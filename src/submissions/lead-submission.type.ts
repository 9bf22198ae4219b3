/**
 * A lead accepted by `submitLead`: committed to the store, then delivered to its provider by a
 * worker (src/delivery). Built from the store's record by submission-view.ts.
 */
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LeadProvider } from '../leads/enums/lead-provider.enum';
import { Lead } from '../leads/types/lead.type';
import { Node } from '../leads/types/node.interface';
import { SubmissionError } from './submission-error.type';
import { SubmissionStatus } from './submission-status.enum';

@ObjectType('LeadSubmission', {
  implements: Node,
  simpleResolvers: true,
  description: 'A lead accepted by `submitLead`: stored durably, then delivered to its provider with retries.',
})
export class LeadSubmission implements Node {
  @Field(() => ID, { description: 'Global id, "submission:<uuid>".' })
  id!: string;

  @Field(() => LeadProvider, { description: 'The provider the lead goes to.' })
  provider!: LeadProvider;

  @Field(() => SubmissionStatus, { description: 'Where the submission is on its way to the provider.' })
  status!: SubmissionStatus;

  @Field(() => Int, { description: 'Delivery attempts started so far.' })
  attempts!: number;

  @Field(() => Boolean, {
    description: 'True when an attempt’s outcome was unknown (e.g. a timeout) and the lead was sent again: the provider may hold it twice.',
  })
  possibleDuplicate!: boolean;

  @Field(() => SubmissionError, { nullable: true, description: 'Why the last attempt failed; null when none has failed.' })
  lastError!: SubmissionError | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the next attempt is due (UTC); null once DELIVERED or FAILED.' })
  nextAttemptAt!: Date | null;

  @Field(() => Lead, { nullable: true, description: 'The lead as the provider created it, once DELIVERED.' })
  lead!: Lead | null;

  @Field(() => GraphQLDateTimeISO, { description: 'When the submission was accepted (UTC).' })
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO, { description: 'When the submission last changed (UTC).' })
  updatedAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the provider created the lead (UTC); null until DELIVERED.' })
  deliveredAt!: Date | null;
}
