/** What every resolver receives: the per-request LeadService (and its loader) and a request-scoped logger. */
import type { LeadService } from '../leads/service/lead.service';
import type { Logger } from '../logging/logger';
import type { Caller } from '../security/scopes';

export interface GatewayContext {
  leads: LeadService;
  logger: Logger;
  requestId: string;
  /** Upstream calls made so far for this request. */
  upstream: { calls: number };
  /** Who is calling (security/graphql-guards.ts); absent only if no guard ran. */
  caller?: Caller;
}
