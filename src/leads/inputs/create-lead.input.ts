/**
 * One create input for every provider. Rules that hold everywhere are declared here (every string
 * follows the one text rule, docs/decisions/string-inputs.md); each provider's own requirements
 * live in its folder (`<provider>.rules.ts`).
 */
import { ArrayMaxSize, IsNotIn, ValidateNested } from 'class-validator';
import { TextInput } from '../../validation/text-input';
import { Field, InputType } from 'type-graphql';
import { LeadProvider } from '../enums/lead-provider.enum';
import { LeadSource } from '../enums/lead-source.enum';
import { LeadContactInput } from './lead-contact.input';
import { LeadPropertyInput } from './lead-property.input';

@InputType({
  description:
    'A new lead. Which fields are required depends on the provider (see each field). Text is counted in Unicode code points; control characters are refused (a description may hold line breaks and tabs).',
})
export class CreateLeadInput {
  @Field(() => LeadProvider, { description: 'The provider to create the lead in.' })
  provider!: LeadProvider;

  @Field(() => String, { nullable: true, description: 'TESSELYS: required, at most 255 characters. KEYSPOT has no title: leave it out.' })
  @TextInput(255)
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'KEYSPOT: required (sent as message). TESSELYS: optional description. At most 10000 characters.',
  })
  @TextInput(10_000, { multiline: true })
  description?: string | null;

  @Field(() => LeadContactInput, {
    nullable: true,
    description: 'KEYSPOT: name, email (valid e-mail) and phone required. TESSELYS: personId.',
  })
  @ValidateNested()
  contact?: LeadContactInput | null;

  @Field(() => LeadSource, {
    nullable: true,
    description: 'Where the lead came from; mapped to the closest value the provider accepts. UNKNOWN is refused.',
  })
  @IsNotIn([LeadSource.UNKNOWN], { message: 'UNKNOWN is only ever an output value' })
  source?: LeadSource | null;

  @Field(() => [String], { nullable: true, description: 'TESSELYS: free tags, at most 50, each at most 100 characters.' })
  @ArrayMaxSize(50, { message: 'must hold at most 50 tags' })
  @TextInput(100, { each: true, item: 'tag' })
  tags?: string[] | null;

  @Field(() => LeadPropertyInput, { nullable: true, description: 'KEYSPOT: the property of interest ({ code, title }).' })
  @ValidateNested()
  property?: LeadPropertyInput | null;

  @Field(() => String, { nullable: true, description: 'KEYSPOT: traffic origin for tracking (UTM, campaign), at most 500 characters.' })
  @TextInput(500)
  trafficOrigin?: string | null;
}
