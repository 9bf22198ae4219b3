/**
 * Federation's `_entities(representations: [_Any!]!)` takes any JSON from its caller. @apollo/subgraph
 * trusts each representation to be `{ __typename: <an entity type>, ...key }` and fails the whole
 * list with a plain Error (an INTERNAL_SERVER_ERROR, logged with the caller's text) otherwise. This
 * checks every representation first: a malformed one fails that entity alone with BAD_USER_INPUT,
 * quoting at most a bounded, escaped piece of what was sent; its siblings resolve as usual.
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { quoteCallerText } from '../../errors/bounded-text';
import { BadUserInputError } from '../../errors/bad-user-input.error';

/** Object types the subgraph can resolve from a representation: those with a reference resolver. */
function entityTypeNames(subgraph: GraphQLSchema): string[] {
  return Object.values(subgraph.getTypeMap())
    .filter(
      (type) =>
        isObjectType(type) &&
        (type.extensions as { apollo?: { subgraph?: { resolveReference?: unknown } } }).apollo?.subgraph?.resolveReference,
    )
    .map((type) => type.name);
}

/** The problem with one representation, or undefined when @apollo/subgraph may take it. */
function representationProblem(representation: unknown, entityTypes: readonly string[]): BadUserInputError | undefined {
  const expected = `expected an object like { "__typename": "${entityTypes[0] ?? 'Lead'}", "id": "..." }`;
  if (representation === null || typeof representation !== 'object' || Array.isArray(representation))
    return BadUserInputError.of('representations', `each representation must be an object: ${expected}`);
  const typename = (representation as { __typename?: unknown }).__typename;
  if (typeof typename !== 'string') return BadUserInputError.of('representations.__typename', `is required: ${expected}`);
  if (!entityTypes.includes(typename))
    return BadUserInputError.of(
      'representations.__typename',
      `"${quoteCallerText(typename)}" is not an entity type of this subgraph (entity types: ${entityTypes.join(', ')})`,
    );
  return undefined;
}

/**
 * Wraps the subgraph's `_entities` resolver (in place) so malformed representations are the
 * caller's error. Returns the same schema.
 */
export function guardEntityRepresentations(subgraph: GraphQLSchema): GraphQLSchema {
  const field = subgraph.getQueryType()?.getFields()._entities;
  const resolveEntities = field?.resolve;
  if (!field || !resolveEntities) return subgraph;
  const entityTypes = entityTypeNames(subgraph);
  const guarded: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
    const representations = (args as { representations: unknown[] }).representations;
    // One call per representation: the original maps each one independently (its loader still
    // batches them, within this tick), and a refused one must not fail the others.
    return representations.map((representation) => {
      const problem = representationProblem(representation, entityTypes);
      if (problem) return Promise.reject(problem);
      return (resolveEntities(source, { ...args, representations: [representation] }, context, info) as unknown[])[0];
    });
  };
  field.resolve = guarded;
  return subgraph;
}
