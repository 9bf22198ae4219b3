/** Who a lead is about: Keyspot's name/e-mail/phone or Tesselys's linked person. */
import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'The person behind a lead. KEYSPOT fills name, email and phone; TESSELYS fills personId and name.',
})
export class LeadContact {
  @Field(() => String, { nullable: true, description: 'TESSELYS: the id of the linked person.' })
  personId!: string | null;

  @Field(() => String, { nullable: true, description: "The contact's name (KEYSPOT name; TESSELYS personName)." })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "KEYSPOT: the contact's e-mail." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "KEYSPOT: the contact's phone." })
  phone!: string | null;
}
