/**
 * What a failed attempt means for the submission, from the error alone (DESIGN.md Part 2):
 * - `refused`: the provider said no for good (PROVIDER_REJECTED — a 4xx but 429 — or
 *   PROVIDER_AUTH_FAILED, which Keyspot's client answers only after its one token refresh): FAILED
 *   at once, never sent again.
 * - `retry` with `outcomeUnknown: false`: proven not sent (open circuit, 429, refused connection,
 *   full bulkhead, provider not configured right now): try again later, no duplicate possible.
 * - `retry` with `outcomeUnknown: true`: it may have reached the provider (timeout, reset, 5xx, an
 *   answer we could not read): a re-send may duplicate it, unless the provider lets us look first.
 * Anything that is not a ProviderError is treated as maybe-sent: the safe side for "never lose".
 */
import { ErrorCode } from '../errors/error-codes';
import { ProviderError } from '../errors/provider.error';
import type { SubmissionError } from '../store';

export type AttemptOutcome =
  | { kind: 'refused'; error: SubmissionError }
  | { kind: 'retry'; error: SubmissionError; outcomeUnknown: boolean; retryAfterSeconds?: number };

const REFUSALS: ReadonlySet<string> = new Set([ErrorCode.PROVIDER_REJECTED, ErrorCode.PROVIDER_AUTH_FAILED]);

export function classifyFailure(error: unknown): AttemptOutcome {
  if (!(error instanceof ProviderError)) {
    return {
      kind: 'retry',
      error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The attempt failed unexpectedly.' },
      outcomeUnknown: true,
    };
  }
  const submissionError = { code: error.code, message: error.message };
  if (REFUSALS.has(error.code)) return { kind: 'refused', error: submissionError };
  const retryAfterSeconds = error.details.retryAfterSeconds;
  return {
    kind: 'retry',
    error: submissionError,
    outcomeUnknown: error.delivery !== 'not-sent',
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
}
