/** Builds the executable schema from the type-graphql classes, once per process. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { LeadResolver } from '../leads/resolvers/lead.resolver';
import { NodeResolver } from '../leads/resolvers/node.resolver';
import { ProviderResolver } from '../leads/resolvers/provider.resolver';

let built: GraphQLSchema | undefined;

export function buildGatewaySchema(): GraphQLSchema {
  built ??= buildSchemaSync({
    resolvers: [LeadResolver, NodeResolver, ProviderResolver],
    // Validation is explicit per argument (validateArg) so errors carry field paths.
    validate: false,
  });
  return built;
}
