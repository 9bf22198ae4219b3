/**
 * Answers `Idempotent-Replayed: true` when a mutation of the request replayed a stored outcome
 * instead of calling the provider (DESIGN.md Part 2, "Idempotency"). Resolvers say so through the
 * context's `idempotency.replayed` holder; the payload's `replayed` field says the same per mutation.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../graphql/context';

export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

export function replayHeaderPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (contextValue.idempotency?.replayed) response.http.headers.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
        },
      };
    },
  };
}
