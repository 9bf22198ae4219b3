/** Which events `leadEvents` sends. */
import { Field, InputType } from 'type-graphql';
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { LeadEventType } from './lead-event-type.enum';

@InputType({ description: 'Which events to receive; every field is optional and they combine with AND.' })
export class LeadEventFilter {
  @Field(() => LeadProvider, { nullable: true, description: 'Only events of leads and submissions of this provider.' })
  provider?: LeadProvider | null;

  @Field(() => [LeadEventType], { nullable: true, description: 'Only these types of event; all when absent.' })
  types?: LeadEventType[] | null;
}
