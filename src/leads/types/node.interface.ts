/** Relay's Node: anything fetchable by a global id through `node(id:)`. */
import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Leads are plain objects from the mappers, not class instances: name the type explicitly. Kept
 * synchronous on the served schema too (graphql/subgraph-schema.ts), where the compiled executor
 * cannot await the async wrapper type-graphql puts around it.
 */
export const resolveNodeType = (): string => 'Lead';

@InterfaceType('Node', {
  description: 'An object with a global id, fetchable through `node(id:)`.',
  resolveType: resolveNodeType,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;
}
