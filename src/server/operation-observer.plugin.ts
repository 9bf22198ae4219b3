/**
 * Apollo plugin that observes every GraphQL operation: one structured log line (name, duration,
 * upstream call count, outcome, error codes; never variables or query text), the Prometheus
 * operation metrics, and the request id stamped on every error so a client can quote it.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { quoteCallerText } from '../errors/bounded-text';
import { ErrorCode } from '../errors/error-codes';
import type { GatewayContext } from '../graphql/context';
import type { GatewayMetrics } from '../observability/metrics';
import { isExpectedError } from './error-formatting';

/** Operation names are chosen by clients: bound them before they become metric labels. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_DISTINCT_OPERATION_LABELS = 200;
/**
 * How much of an operation name a log line holds. A name can be as long as the request body, and
 * every operation is logged: the line keeps the start of it (escaped) and says how long it was.
 */
const MAX_LOGGED_OPERATION_NAME = 64;

function loggedOperationName(name: string | null | undefined): { operationName: string | null; operationNameLength?: number } {
  if (!name) return { operationName: null };
  if (name.length <= MAX_LOGGED_OPERATION_NAME) return { operationName: quoteCallerText(name, MAX_LOGGED_OPERATION_NAME) };
  return { operationName: quoteCallerText(name, MAX_LOGGED_OPERATION_NAME), operationNameLength: name.length };
}

export function operationObserverPlugin(metrics?: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  const seenNames = new Set<string>();
  const labelFor = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid_name';
    if (!seenNames.has(name) && seenNames.size >= MAX_DISTINCT_OPERATION_LABELS) return 'other';
    seenNames.add(name);
    return name;
  };

  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors }) {
          // The detail of what clients only see as INTERNAL_SERVER_ERROR, tied to the request id.
          for (const error of errors) {
            if (isExpectedError(error)) continue;
            contextValue.logger.error({ err: unwrapResolverError(error), path: error.path ?? null }, 'unexpected error');
          }
        },
        async willSendResponse({ operationName, errors, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const sent = body?.errors ?? [];
          if (body?.errors)
            body.errors = sent.map((error) => ({ ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }));
          // Labelled as clients see them: anything unexpected was sent as INTERNAL_SERVER_ERROR.
          const codeOf = (error: GraphQLFormattedError): string =>
            isExpectedError(error) ? String(error.extensions?.code) : ErrorCode.INTERNAL_SERVER_ERROR;
          const codes = [...new Set((errors ?? sent).map(codeOf))];
          const outcome = codes.length === 0 ? 'success' : codes[0]!;
          metrics?.operation(labelFor(operationName), outcome, seconds);
          contextValue.logger.info(
            {
              ...loggedOperationName(operationName),
              durationMs: Math.round(seconds * 10_000) / 10,
              upstreamCalls: contextValue.upstream.calls,
              outcome: codes.length ? 'error' : 'success',
              ...(codes.length ? { errorCodes: codes } : {}),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
