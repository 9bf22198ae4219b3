/**
 * /graphql's way into the security pipeline's operation check (scopes, write-only receipts, cost):
 * Apollo resolves the operation, this hook checks it before anything executes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../graphql/context';
import type { SecurityPipeline } from './security-pipeline';

export function scopePlugin(pipeline: SecurityPipeline): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, schema, request }) {
          // No operation to run: execution answers with its own error and calls nothing.
          if (!operation) return;
          pipeline.checkOperation({
            caller: contextValue.caller,
            schema,
            document,
            operation,
            variables: request.variables ?? {},
            logger: contextValue.logger,
          });
        },
      };
    },
  };
}
