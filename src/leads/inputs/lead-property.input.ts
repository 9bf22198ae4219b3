/** The property a new Keyspot lead is interested in. */
import { Field, InputType } from 'type-graphql';
import { TextInput } from '../../validation/text-input';

@InputType({ description: 'KEYSPOT: the property of interest.' })
export class LeadPropertyInput {
  @Field(() => String, {
    nullable: true,
    description:
      "The property's code in Keyspot (sent as propertyCode); when it matches, the lead is linked to the property. At most 64 characters.",
  })
  @TextInput(64)
  code?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The property's title (sent as interestedPropertyTitle); Keyspot fills it from the matched property when absent. At most 255 characters.",
  })
  @TextInput(255)
  title?: string | null;
}
