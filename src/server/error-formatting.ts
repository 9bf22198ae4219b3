/**
 * What a client may see of an error. Errors LeadGraph raises on purpose (and GraphQL's own
 * parse/validation errors) pass through with their code; anything else is a bug or a surprise,
 * so it becomes INTERNAL_SERVER_ERROR with the request id, and the detail goes only to the log.
 */
import type { GraphQLFormattedError } from 'graphql';
import { TRUNCATION_MARK } from '../errors/bounded-text';
import { ErrorCode } from '../errors/error-codes';

/**
 * The longest error message a client receives. GraphQL's own messages quote the document ("Cannot
 * query field \"<name>\""), and a name can be as long as the request body allows.
 */
export const MAX_ERROR_MESSAGE = 1_000;

function boundedMessage(message: string): string {
  if (message.length <= MAX_ERROR_MESSAGE) return message;
  return `${message.slice(0, MAX_ERROR_MESSAGE - 1).replace(/[\ud800-\udbff]$/, '')}${TRUNCATION_MARK}`;
}

const PASS_THROUGH_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  // The security pipeline's rate-limit refusal (HTTP answers it itself; graphql-ws, as an error message).
  'RATE_LIMITED',
  // Apollo Server's own codes for requests that never reached a resolver.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function isExpectedError(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.code;
  return typeof code === 'string' && PASS_THROUGH_CODES.has(code);
}

/**
 * Apollo's formatError hook: masks what is not expected. The detail is logged, with the request id,
 * by the operation observer plugin (formatError has no access to the request); the id itself is
 * stamped by that plugin, or by the /graphql endpoint for errors raised before any operation.
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (isExpectedError(formatted)) {
    const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: boundedMessage(formatted.message), extensions };
  }
  return {
    message: 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
