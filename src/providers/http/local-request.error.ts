/**
 * A provider call that failed on LeadGraph's side before anything reached the provider: a request
 * undici refused to send (e.g. a header with a character HTTP forbids), or a bug. It is not the
 * provider's fault, so it is never retried nor counted by the circuit breaker, and the client sees
 * INTERNAL_SERVER_ERROR (it is not a GraphQLError). Its message names no value from the request.
 */
import type { Delivery } from '../../errors/provider.error';
import type { LeadProvider } from '../../leads/enums/lead-provider.enum';

export class LocalRequestError extends Error {
  readonly delivery: Delivery = 'not-sent';

  constructor(
    readonly provider: LeadProvider,
    /** The undici or system error code, when there was one (e.g. UND_ERR_INVALID_ARG). */
    readonly causeCode: string | undefined,
  ) {
    super(`LeadGraph could not make the request to ${provider}${causeCode ? ` (${causeCode})` : ''}.`);
    this.name = 'LocalRequestError';
  }
}
