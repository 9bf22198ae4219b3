/**
 * The errors a client meets because of an idempotency key (DESIGN.md Part 2, "Idempotency";
 * docs/idempotency.md). None of them means anything was sent to a provider by this request.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-codes';
import type { LeadProvider } from '../leads/enums/lead-provider.enum';

/** The key was first used with another input (or operation): nothing was sent. */
export function keyReusedError(): GraphQLError {
  return new GraphQLError('This idempotency key was already used with a different input; nothing was sent. Use a new key for a new lead.', {
    extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED },
  });
}

/** Another request under this key is still running: nothing was sent; retry after `retryAfterSeconds`. */
export function keyInUseError(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `A request with this idempotency key is still running; nothing was sent. Retry in ${retryAfterSeconds} s to get its outcome.`,
    { extensions: { code: ErrorCode.IDEMPOTENCY_KEY_IN_USE, retryAfterSeconds } },
  );
}

/** What a client is told about a write whose outcome is unknown; stored, and replayed under the key. */
export const OUTCOME_UNKNOWN_NOTE =
  'Its outcome is unknown: the lead may have been created. LeadGraph will not send it again under this idempotency key; check the provider, or send it with a new key.';

/**
 * The error of a write that may have reached the provider: the provider error the client would
 * have got without a key (same code, provider and status), with OUTCOME_UNKNOWN_NOTE and
 * `outcomeUnknown: true` so a client can tell it from a failure that sent nothing.
 */
export function outcomeUnknownError(cause: unknown, provider: LeadProvider): GraphQLError {
  if (cause instanceof GraphQLError && cause.extensions.provider !== undefined)
    return new GraphQLError(`${cause.message} ${OUTCOME_UNKNOWN_NOTE}`, { extensions: { ...cause.extensions, outcomeUnknown: true } });
  return new GraphQLError(`The request to ${provider} failed. ${OUTCOME_UNKNOWN_NOTE}`, {
    extensions: { code: ErrorCode.PROVIDER_UNAVAILABLE, provider, outcomeUnknown: true },
  });
}

/**
 * The key's first request stopped without recording an outcome (its process died mid-call, or it
 * outlived its lock): whether it reached the provider is unknown, so it is never sent again.
 */
export function abandonedKeyError(provider: LeadProvider): GraphQLError {
  return new GraphQLError(
    `An earlier request with this idempotency key to ${provider} stopped before its outcome was known. ${OUTCOME_UNKNOWN_NOTE}`,
    {
      extensions: { code: ErrorCode.PROVIDER_UNAVAILABLE, provider, outcomeUnknown: true },
    },
  );
}
