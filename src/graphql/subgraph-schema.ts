/**
 * Serves the type-graphql schema as an Apollo Federation 2 subgraph, so LeadGraph can join an
 * existing supergraph (Router or Gateway) and other subgraphs can point at a `Lead`. The
 * client-facing types, fields and resolvers are the very same; the subgraph only adds `_service`,
 * `_entities` and the federation directives (`Lead @key(fields: "id")`, declared on the class).
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { graphqlSync, parse, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { guardEntityRepresentations } from '../leads/resolvers/entity-representations';
import { resolveLeadReference } from '../leads/resolvers/lead.reference';
import { resolveNodeType } from '../leads/types/node.interface';

/** The federation spec version LeadGraph links; 2.3 is understood by every current Router and Gateway. */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.3';

export function toSubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  const typeDefs = parse(`extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ["@key"])\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  const subgraph = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      ...resolvers,
      Lead: { ...resolvers.Lead, __resolveReference: resolveLeadReference },
      Node: { __resolveType: resolveNodeType },
    } as GraphQLResolverMap<unknown>,
  });
  return guardEntityRepresentations(subgraph);
}

/** The SDL a supergraph composes, exactly as `{ _service { sdl } }` returns it. */
export function subgraphSdl(subgraph: GraphQLSchema): string {
  const result = graphqlSync({ schema: subgraph, source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`the schema is not a subgraph: ${result.errors?.map((e) => e.message).join('; ')}`);
  return sdl;
}
