/** A partial update; which fields and statuses a provider takes is checked by its own rules. */
import { ArrayMaxSize, IsNotIn, MaxLength } from 'class-validator';
import { MaxCharacters } from '../../validation/max-characters';
import { Field, InputType } from 'type-graphql';
import { LeadStatus } from '../enums/lead-status.enum';

@InputType({ description: 'Changes to a lead: send only what changes. TESSELYS is the only provider that supports updates today.' })
export class UpdateLeadInput {
  @Field(() => String, { nullable: true, description: 'New title (TESSELYS: at most 255 characters).' })
  @MaxCharacters(255)
  title?: string | null;

  @Field(() => LeadStatus, {
    nullable: true,
    description: 'New status, one the provider uses (TESSELYS: NEW, CONTACTED, QUALIFIED, UNQUALIFIED, CONVERTED). UNKNOWN is refused.',
  })
  @IsNotIn([LeadStatus.UNKNOWN], { message: 'UNKNOWN is only ever an output value' })
  status?: LeadStatus | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @MaxLength(10_000, { message: 'must be at most 10000 characters' })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'New tags; they replace the old list.' })
  @ArrayMaxSize(50, { message: 'must hold at most 50 tags' })
  @MaxLength(100, { each: true, message: 'each tag must be at most 100 characters' })
  tags?: string[] | null;
}
