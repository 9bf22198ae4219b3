/**
 * Contact details given on create; which ones a provider needs is checked by its own rules. The
 * bounds are generous for real data: an e-mail path is at most 254 characters (RFC 5321), an
 * international phone with its formatting fits in 32.
 */
import { Field, InputType } from 'type-graphql';
import { TextInput } from '../../validation/text-input';

@InputType({
  description: 'The person behind a new lead. KEYSPOT: name, email and phone are required. TESSELYS: personId links an existing person.',
})
export class LeadContactInput {
  @Field(() => String, { nullable: true, description: 'TESSELYS: id of an existing person to link (at most 128 characters).' })
  @TextInput(128)
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "KEYSPOT (required): the contact's name, at most 200 characters." })
  @TextInput(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: "KEYSPOT (required): the contact's e-mail address, at most 254 characters." })
  @TextInput(254)
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'KEYSPOT (required): the contact\'s phone, e.g. "11999999999" or "+55 11 99999-9999"; at most 32 characters.',
  })
  @TextInput(32)
  phone?: string | null;
}
