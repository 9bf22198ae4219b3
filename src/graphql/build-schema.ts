/**
 * Builds the schemas from the type-graphql classes, once per process: the client-facing schema
 * (what `schema.graphql` and codegen describe) and the one LeadGraph serves, which is that same
 * schema as a Federation 2 subgraph (it only adds `_service`/`_entities`).
 */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { LeadEventsResolver } from '../change-feed/graphql/lead-events.resolver';
import { LeadResolver } from '../leads/resolvers/lead.resolver';
import { NodeResolver } from '../leads/resolvers/node.resolver';
import { ProviderResolver } from '../leads/resolvers/provider.resolver';
import { SubmissionResolver } from '../submissions/submission.resolver';
import { TenantResolver } from '../tenants/graphql/tenant.resolver';
import { toSubgraphSchema } from './subgraph-schema';

let clientFacing: GraphQLSchema | undefined;
let served: GraphQLSchema | undefined;

export function buildClientFacingSchema(): GraphQLSchema {
  clientFacing ??= describeRootTypes(
    buildSchemaSync({
      resolvers: [LeadResolver, NodeResolver, ProviderResolver, SubmissionResolver, TenantResolver, LeadEventsResolver],
      // Validation is explicit per argument (validateArg) so errors carry field paths.
      validate: false,
      // type-graphql insists on a PubSub once a subscription exists; `leadEvents` brings its own
      // `subscribe` (the change feed), so topics are never used.
      pubSub: {
        publish: () => {
          throw new Error('LeadGraph publishes through the change feed, not type-graphql topics');
        },
        subscribe: () => {
          throw new Error('LeadGraph subscribes through the change feed, not type-graphql topics');
        },
      },
    }),
  );
  return clientFacing;
}

/** type-graphql has no decorator for the root types, yet Sandbox shows their descriptions first. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  schema.getQueryType()!.description = 'Read leads from every configured provider, and what each provider can do.';
  schema.getMutationType()!.description = 'Create and update leads; each mutation goes to the provider the input or id names.';
  schema.getSubscriptionType()!.description =
    'Changes as they happen, over graphql-ws on /graphql (the API key in connection_init’s payload as `authorization`).';
  return schema;
}

/** The schema the server executes: the client-facing one, served as a Federation 2 subgraph. */
export function buildGatewaySchema(): GraphQLSchema {
  served ??= toSubgraphSchema(buildClientFacingSchema());
  return served;
}
