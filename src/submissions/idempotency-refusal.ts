/** The errors a submitLead idempotency key can meet (DESIGN.md Part 2, "Idempotency"). */
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-codes';

/** Same key, different input (or another operation): nothing was stored. */
export function keyReused(): GraphQLError {
  return new GraphQLError('This idempotency key was used before with a different input; nothing was stored.', {
    extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED },
  });
}

/** Another request holds the key, or held it and vanished: its outcome is not known yet. */
export function keyInUse(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError('A request with this idempotency key has not finished; retry later.', {
    extensions: { code: ErrorCode.IDEMPOTENCY_KEY_IN_USE, retryAfterSeconds },
  });
}
