/** A partial update; which fields and statuses a provider takes is checked by its own rules. */
import { ArrayMaxSize, IsNotIn } from 'class-validator';
import { TextInput } from '../../validation/text-input';
import { Field, InputType } from 'type-graphql';
import { LeadStatus } from '../enums/lead-status.enum';

@InputType({ description: 'Changes to a lead: send only what changes. TESSELYS is the only provider that supports updates today.' })
export class UpdateLeadInput {
  @Field(() => String, { nullable: true, description: 'New title (TESSELYS: at most 255 characters).' })
  @TextInput(255)
  title?: string | null;

  @Field(() => LeadStatus, {
    nullable: true,
    description: 'New status, one the provider uses (TESSELYS: NEW, CONTACTED, QUALIFIED, UNQUALIFIED, CONVERTED). UNKNOWN is refused.',
  })
  @IsNotIn([LeadStatus.UNKNOWN], { message: 'UNKNOWN is only ever an output value' })
  status?: LeadStatus | null;

  @Field(() => String, { nullable: true, description: 'New description, at most 10000 characters (line breaks and tabs allowed).' })
  @TextInput(10_000, { multiline: true })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'New tags; they replace the old list. At most 50, each at most 100 characters.' })
  @ArrayMaxSize(50, { message: 'must hold at most 50 tags' })
  @TextInput(100, { each: true, item: 'tag' })
  tags?: string[] | null;
}
