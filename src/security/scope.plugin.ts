/**
 * /graphql's way into the security pipeline's operation check (scopes, write-only receipts, cost):
 * Apollo resolves the operation, this hook checks it before anything executes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../graphql/context';
import type { SecurityPipeline } from './security-pipeline';

export function scopePlugin(pipeline: SecurityPipeline): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, schema, request }) {
          // Deny unless proven allowed: with no operation (an `operationName` the document lacks,
          // or several operations and no name) there is nothing to check, so nothing may run.
          if (!operation)
            throw new GraphQLError(
              request.operationName
                ? 'operationName names no operation in this document'
                : 'Must provide operation name if query contains multiple operations.',
              { extensions: { code: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } } },
            );
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
