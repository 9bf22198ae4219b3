/**
 * /graphql's way into the scope check (operation-authorization.ts): Apollo resolves the
 * operation, this hook authorizes it before anything executes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../graphql/context';
import { authorizeOperation } from './operation-authorization';

export { WRITE_ONLY_RECEIPT } from './operation-authorization';

export function scopePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, schema }) {
          // No operation to run: execution answers with its own error and calls nothing.
          if (!operation) return;
          authorizeOperation({ caller: contextValue.caller, schema, document, operation, logger: contextValue.logger });
        },
      };
    },
  };
}
