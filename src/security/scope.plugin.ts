/**
 * Enforces scopes once the operation is known and before anything runs: a query needs
 * `leads:read`, a mutation `leads:write`. The caller was identified by the HTTP guard; a request
 * that reached GraphQL without one (it should not) is refused too: deny unless proven allowed.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-codes';
import type { GatewayContext } from '../graphql/context';
import { scopeFor } from './scopes';

export function scopePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          // No operation to run: execution answers with its own error and calls nothing.
          if (!operation) return;
          const caller = contextValue.caller;
          if (!caller)
            throw new GraphQLError('An API key is required', { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
          const needed = scopeFor(operation.operation);
          if (needed && caller.scopes.has(needed)) return;
          contextValue.logger.warn({ caller: caller.name, operationType: operation.operation, needed }, 'operation refused: missing scope');
          throw new GraphQLError(`This API key lacks the ${needed ?? 'required'} scope for a ${operation.operation}`, {
            extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
          });
        },
      };
    },
  };
}
