/**
 * What a failed provider write means for its idempotency key (DESIGN.md Part 2, "Idempotency"):
 *
 * - `outcome`: the provider received the write and refused it for good (a definite 4xx:
 *   PROVIDER_REJECTED, PROVIDER_AUTH_FAILED). It is stored and replayed like a success.
 * - `not-sent`: it is proven that nothing reached the provider (open circuit, refused connection,
 *   full bulkhead, 429, our own errors, a refused input). The key is freed: a retry may send.
 * - `unknown`: it may have reached the provider and been acted on (timeout or 5xx after sending, a
 *   broken answer, anything not understood). It must never be sent again under the same key.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-codes';

export type WriteFailure = 'outcome' | 'not-sent' | 'unknown';

/** Codes that are the provider's definite refusal once the request was delivered. */
const REFUSAL_CODES = new Set<unknown>([ErrorCode.PROVIDER_REJECTED, ErrorCode.PROVIDER_AUTH_FAILED]);

/** Codes the gateway raises itself before any provider call (input checks, routing). */
const LOCAL_REFUSAL_CODES = new Set<unknown>([ErrorCode.BAD_USER_INPUT, ErrorCode.UNSUPPORTED_BY_PROVIDER]);

export function classifyWriteFailure(error: unknown): WriteFailure {
  const delivery = (error as { delivery?: unknown } | null)?.delivery;
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  if (delivery === 'sent' && REFUSAL_CODES.has(code)) return 'outcome';
  if (delivery === 'not-sent') return 'not-sent';
  if (delivery === undefined && LOCAL_REFUSAL_CODES.has(code)) return 'not-sent';
  // maybe-sent, a broken answer (sent, PROVIDER_BAD_RESPONSE) or an error nobody classified: the
  // safe reading is that the provider may have acted.
  return 'unknown';
}
