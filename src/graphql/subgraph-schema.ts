/**
 * Serves the type-graphql schema as an Apollo Federation 2 subgraph, so LeadGraph can join an
 * existing supergraph (Router or Gateway) and other subgraphs can point at a `Lead`. The
 * client-facing types, fields and resolvers are the very same; the subgraph only adds `_service`,
 * `_entities` and the federation directives (`Lead @key(fields: "id")`, declared on the class).
 *
 * @apollo/subgraph builds the subgraph in two steps: `@apollo/federation-internals` (the whole
 * composition library) turns the SDL into the subgraph's SDL, then graphql-js builds that and the
 * resolvers are attached. The first step depends on the SDL alone, so `npm run schema` runs it once
 * and commits its output (subgraph.generated.ts); a gateway does only the second step and never
 * loads federation-internals, whose modules would stay in its heap for its whole life. Whenever
 * the code's SDL is not the one that output was made from (a schema change without
 * `npm run schema`), the gateway builds through @apollo/subgraph as before: same schema, more memory.
 */
import { createHash } from 'node:crypto';
import type * as ApolloSubgraph from '@apollo/subgraph';
import { addResolversToSchema, type GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { entitiesResolver } from '@apollo/subgraph/dist/types';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildASTSchema, graphqlSync, parse, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { guardEntityRepresentations } from '../leads/resolvers/entity-representations';
import { resolveLeadReference } from '../leads/resolvers/lead.reference';
import { resolveNodeType } from '../leads/types/node.interface';
import { SUBGRAPH_SERVED_SDL, SUBGRAPH_SERVICE_SDL, SUBGRAPH_SOURCE_DIGEST } from './subgraph.generated';

/** The federation spec version LeadGraph links; 2.3 is understood by every current Router and Gateway. */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.3';

/** What a subgraph is built from: the client-facing schema's SDL, linked to the federation spec. */
export function subgraphSource(schema: GraphQLSchema): string {
  return `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ["@key"])\n\n${printSchemaWithDirectives(schema)}`;
}

/** Names a subgraph source; subgraph.generated.ts holds the one its SDL was made from. */
export function subgraphSourceDigest(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** How the served schema was built: from the committed output, or through @apollo/subgraph. */
export type SubgraphBuild = 'prebuilt' | 'library';

export function toSubgraphSchema(schema: GraphQLSchema, build: SubgraphBuild = 'prebuilt'): GraphQLSchema {
  const source = subgraphSource(schema);
  const resolvers = subgraphResolvers(schema);
  const usePrebuilt = build === 'prebuilt' && subgraphSourceDigest(source) === SUBGRAPH_SOURCE_DIGEST;
  return guardEntityRepresentations(usePrebuilt ? fromPrebuilt(resolvers) : fromLibrary(source, resolvers));
}

function subgraphResolvers(schema: GraphQLSchema): GraphQLResolverMap<unknown> {
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  return {
    ...resolvers,
    Lead: { ...resolvers.Lead, __resolveReference: resolveLeadReference },
    Node: { __resolveType: resolveNodeType },
  } as GraphQLResolverMap<unknown>;
}

/** @apollo/subgraph's buildSubgraphSchema, loaded only when the committed output does not fit. */
function fromLibrary(source: string, resolvers: GraphQLResolverMap<unknown>): GraphQLSchema {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only on this path (see the header)
  const { buildSubgraphSchema } = require('@apollo/subgraph') as typeof ApolloSubgraph;
  return buildSubgraphSchema({ typeDefs: parse(source), resolvers });
}

/**
 * The second half of buildSubgraphSchema (@apollo/subgraph 2.x), on the committed subgraph SDL:
 * graphql-js builds it, then the federation resolvers (`_service`, `_entities`, `_Entity`) and the
 * code's are attached, in the library's order. test/federation/subgraph.test.ts checks both ways
 * print alike.
 */
function fromPrebuilt(resolvers: GraphQLResolverMap<unknown>): GraphQLSchema {
  const schema = buildASTSchema(parse(SUBGRAPH_SERVED_SDL, { noLocation: true }));
  addResolversToSchema(schema, {
    [schema.getQueryType()?.name ?? 'Query']: {
      _service: () => ({ sdl: SUBGRAPH_SERVICE_SDL }),
      _entities: (_source: unknown, { representations }: { representations: unknown[] }, context: unknown, info) =>
        entitiesResolver({ representations, context, info }),
    },
    _Entity: { __resolveType: (parent: { __typename: string }) => parent.__typename },
  });
  addResolversToSchema(schema, resolvers);
  return schema;
}

/** The SDL a supergraph composes, exactly as `{ _service { sdl } }` returns it. */
export function subgraphSdl(subgraph: GraphQLSchema): string {
  const result = graphqlSync({ schema: subgraph, source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`the schema is not a subgraph: ${result.errors?.map((e) => e.message).join('; ')}`);
  return sdl;
}

/** The printed schema fromPrebuilt builds: what @apollo/subgraph made of `subgraph`'s source. */
export function servedSubgraphSdl(subgraph: GraphQLSchema): string {
  return printSchemaWithDirectives(subgraph);
}
