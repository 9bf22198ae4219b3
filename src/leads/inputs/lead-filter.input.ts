/** Narrows `leads`; each filter is passed to the provider, never applied after the fact. */
import { IsNotIn } from 'class-validator';
import { TextInput } from '../../validation/text-input';
import { Field, InputType } from 'type-graphql';
import { LeadProvider } from '../enums/lead-provider.enum';
import { LeadStatus } from '../enums/lead-status.enum';

@InputType({ description: 'Which leads to list.' })
export class LeadFilter {
  @Field(() => LeadProvider, {
    nullable: true,
    description: 'Only this provider (it must support LIST_LEADS). Default: every provider that can list.',
  })
  provider?: LeadProvider | null;

  @Field(() => LeadStatus, { nullable: true, description: 'Only leads with this status (one the listed provider uses).' })
  @IsNotIn([LeadStatus.UNKNOWN], { message: 'UNKNOWN cannot be filtered on' })
  status?: LeadStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only leads whose title contains this text (case-insensitive); at most 200 characters.',
  })
  @TextInput(200)
  search?: string | null;
}
