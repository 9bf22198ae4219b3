/**
 * One structured log line per GraphQL operation: name, duration, outcome and error codes. Never
 * the variables (they hold personal data) and never the query text.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../graphql/context';

export function operationLogPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const allErrors = errors ?? body?.errors ?? [];
          const codes = [...new Set(allErrors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          contextValue.logger.info(
            { operationName: operationName ?? null, durationMs: Math.round(durationMs * 10) / 10, outcome: codes.length ? 'error' : 'success', ...(codes.length ? { errorCodes: codes } : {}) },
            'graphql operation',
          );
        },
      };
    },
  };
}
