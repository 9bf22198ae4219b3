/** The real-estate property a Keyspot lead is interested in. */
import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'The property a lead is interested in (KEYSPOT).',
})
export class LeadProperty {
  @Field(() => String, {
    nullable: true,
    description: "The provider's id of the linked property, when the lead's property code matched one.",
  })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'The title of the property of interest.' })
  title!: string | null;
}
