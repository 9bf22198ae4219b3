/** Relay's Node: anything fetchable by a global id through `node(id:)`. */
import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Nodes are plain objects (mappers, submission-view.ts), not class instances: the type is named
 * from the id's kind ("submission:<uuid>" is a LeadSubmission, every other kind a provider's Lead).
 * Kept synchronous on the served schema too (graphql/subgraph-schema.ts), where the compiled
 * executor cannot await the async wrapper type-graphql puts around it.
 */
export const resolveNodeType = (value: { id?: unknown }): string => {
  const id = typeof value.id === 'string' ? value.id : '';
  switch (id.slice(0, id.indexOf(':'))) {
    case 'submission':
      return 'LeadSubmission';
    default:
      return 'Lead';
  }
};

@InterfaceType('Node', {
  description: 'An object with a global id, fetchable through `node(id:)`.',
  resolveType: resolveNodeType,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;
}
