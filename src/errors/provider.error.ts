/**
 * An error that comes from (or is about) one provider. It always names the provider, carries one
 * of DESIGN.md's provider codes, and a message that is safe to show: never a token, credential,
 * upstream URL or personal data (see sanitize.ts).
 *
 * `delivery` says whether the request reached the provider, for code that must decide whether a
 * write may be sent again (idempotency, delivery). It is internal: never in `extensions`.
 */
import { GraphQLError } from 'graphql';
import type { LeadProvider } from '../leads/enums/lead-provider.enum';
import { ErrorCode, type ProviderErrorCode } from './error-codes';

/**
 * - `not-sent`: the provider surely did not act on the request (nothing left LeadGraph, the
 *   connection was refused, or the provider refused it before acting: 429).
 * - `sent`: the provider received it and gave a definite answer.
 * - `maybe-sent`: it may have reached the provider and been acted on (timeout, reset, 5xx).
 */
export type Delivery = 'not-sent' | 'maybe-sent' | 'sent';

export interface ProviderErrorDetails {
  /** The provider's HTTP status, when there was a response. */
  upstreamStatus?: number;
  /** For PROVIDER_RATE_LIMITED: how long the provider asked us to wait. */
  retryAfterSeconds?: number;
  /** Whether the request reached the provider; `not-sent` when absent (the error arose before sending). */
  delivery?: Delivery;
}

export class ProviderError extends GraphQLError {
  readonly delivery: Delivery;

  constructor(
    readonly code: ProviderErrorCode | typeof ErrorCode.UNSUPPORTED_BY_PROVIDER,
    readonly provider: LeadProvider,
    message: string,
    readonly details: ProviderErrorDetails = {},
  ) {
    super(message, {
      extensions: {
        code,
        provider,
        ...(details.upstreamStatus !== undefined ? { upstreamStatus: details.upstreamStatus } : {}),
        ...(details.retryAfterSeconds !== undefined ? { retryAfterSeconds: details.retryAfterSeconds } : {}),
      },
    });
    this.name = 'ProviderError';
    this.delivery = details.delivery ?? 'not-sent';
  }
}

export function unsupportedByProvider(provider: LeadProvider, what: string): ProviderError {
  return new ProviderError(ErrorCode.UNSUPPORTED_BY_PROVIDER, provider, `${provider} does not support ${what}.`);
}
