/** Relay's Node: anything fetchable by a global id through `node(id:)`. */
import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', {
  description: 'An object with a global id, fetchable through `node(id:)`.',
  // Leads are plain objects from the mappers, not class instances: name the type explicitly.
  resolveType: () => 'Lead',
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;
}
