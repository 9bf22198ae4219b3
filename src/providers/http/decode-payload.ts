/** Runs a mapper over a provider payload, turning a shape mismatch into PROVIDER_BAD_RESPONSE. */
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider.error';
import type { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { ResponseShapeError } from '../../leads/mapping/response-shape.error';
import type { Logger } from '../../logging/logger';
import { providerLogger } from './provider-logger';

export function decodePayload<T>(provider: LeadProvider, logger: Logger, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (!(error instanceof ResponseShapeError)) throw error;
    providerLogger(logger, provider).warn({ code: ErrorCode.PROVIDER_BAD_RESPONSE, problem: error.message }, 'upstream bad response');
    throw new ProviderError(ErrorCode.PROVIDER_BAD_RESPONSE, provider, `${provider} sent an unexpected response: ${error.message}.`);
  }
}
