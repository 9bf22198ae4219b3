/** Relay PageInfo for the `leads` connection. */
import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'Where this page sits in the whole list (Relay PageInfo).',
})
export class PageInfo {
  @Field({ description: 'Whether items follow this page (page forward with `first` and `after: endCursor`).' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page (page backward with `last` and `before: startCursor`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item, null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item, null on an empty page.' })
  endCursor!: string | null;
}
