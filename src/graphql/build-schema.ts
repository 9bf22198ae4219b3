/**
 * Builds the schemas from the type-graphql classes, once per process: the client-facing schema
 * (what `schema.graphql` and codegen describe) and the one LeadGraph serves, which is that same
 * schema as a Federation 2 subgraph (it only adds `_service`/`_entities`).
 */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { LeadResolver } from '../leads/resolvers/lead.resolver';
import { NodeResolver } from '../leads/resolvers/node.resolver';
import { ProviderResolver } from '../leads/resolvers/provider.resolver';
import { toSubgraphSchema } from './subgraph-schema';

let clientFacing: GraphQLSchema | undefined;
let served: GraphQLSchema | undefined;

export function buildClientFacingSchema(): GraphQLSchema {
  clientFacing ??= buildSchemaSync({
    resolvers: [LeadResolver, NodeResolver, ProviderResolver],
    // Validation is explicit per argument (validateArg) so errors carry field paths.
    validate: false,
  });
  return clientFacing;
}

/** The schema the server executes: the client-facing one, served as a Federation 2 subgraph. */
export function buildGatewaySchema(): GraphQLSchema {
  served ??= toSubgraphSchema(buildClientFacingSchema());
  return served;
}
