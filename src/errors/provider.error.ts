/**
 * An error that comes from (or is about) one provider. It always names the provider, carries one
 * of DESIGN.md's provider codes, and a message that is safe to show: never a token, credential,
 * upstream URL or personal data (see sanitize.ts).
 */
import { GraphQLError } from 'graphql';
import type { LeadProvider } from '../leads/enums/lead-provider.enum';
import { ErrorCode, type ProviderErrorCode } from './error-codes';

export interface ProviderErrorDetails {
  /** The provider's HTTP status, when there was a response. */
  upstreamStatus?: number;
  /** For PROVIDER_RATE_LIMITED: how long the provider asked us to wait. */
  retryAfterSeconds?: number;
}

export class ProviderError extends GraphQLError {
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
  }
}

export function unsupportedByProvider(provider: LeadProvider, what: string): ProviderError {
  return new ProviderError(ErrorCode.UNSUPPORTED_BY_PROVIDER, provider, `${provider} does not support ${what}.`);
}
