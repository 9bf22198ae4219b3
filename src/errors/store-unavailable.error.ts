/**
 * STORE_UNAVAILABLE: a request that must be stored before it is accepted (submitLead, createLead
 * with an idempotency key) met a store that does not answer; or a tenant key that only the store
 * can identify arrived while it does not answer (HTTP 503, security-pipeline.ts). "Accepted" means committed
 * (DESIGN.md Part 2), so the gateway refuses rather than accept what it cannot keep; nothing was
 * stored and nothing was sent to a provider, so the client may simply retry.
 */
import { GraphQLError } from 'graphql';
import type { Logger } from '../logging/logger';
import { ErrorCode } from './error-codes';

/** What a client is told to wait: about one reconnection of the store's pool. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** Thrown where no GraphQL error fits (admission: a key that only the store can identify). */
export class StoreUnavailableError extends Error {
  constructor(readonly code: string) {
    super('the store cannot be reached');
    this.name = 'StoreUnavailableError';
  }
}

/** STORE_UNAVAILABLE with the wait; `message` says what the client lost (default: a write refused). */
export function storeUnavailableError(
  message = `The gateway's store cannot be reached; nothing was accepted or sent. Retry in ${STORE_RETRY_AFTER_SECONDS} s.`,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.STORE_UNAVAILABLE, retryAfterSeconds: STORE_RETRY_AFTER_SECONDS },
  });
}

/**
 * Runs the store call that decides whether a request is accepted; if the store fails it, the
 * request is refused with STORE_UNAVAILABLE. Logged by error code only: a driver's message may
 * quote stored values.
 */
export async function beforeAcceptance<T>(work: () => Promise<T>, logger: Logger, operation: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    logger.error(
      { operation, code: (error as NodeJS.ErrnoException)?.code ?? (error as Error)?.name },
      'store unavailable: request refused',
    );
    throw storeUnavailableError();
  }
}
