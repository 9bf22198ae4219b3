/** Contact details given on create; which ones a provider needs is checked by its own rules. */
import { Field, InputType } from 'type-graphql';

@InputType({
  description: 'The person behind a new lead. KEYSPOT: name, email and phone are required. TESSELYS: personId links an existing person.',
})
export class LeadContactInput {
  @Field(() => String, { nullable: true, description: 'TESSELYS: id of an existing person to link.' })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "KEYSPOT (required): the contact's name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "KEYSPOT (required): the contact's e-mail address." })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'KEYSPOT (required): the contact\'s phone, e.g. "11999999999" or "+55 11 99999-9999".',
  })
  phone?: string | null;
}
