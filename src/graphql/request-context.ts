/**
 * The ONE place a GraphQL request's context is made, for every transport: /graphql over HTTP calls
 * it per request (server/graphql-endpoint.ts), graphql-ws will call it per subscription. The
 * transport has already admitted the request (security/security-pipeline.ts) and passes what it
 * knows: the caller (with its tenant), the headers, and a signal that fires when the client goes
 * away. Per-request services come from one injected function (`services`), so what builds them
 * (today a LeadService over the process's providers) can change without touching any transport.
 */
import type { IdempotentCreate } from '../idempotency/idempotent-create';
import type { Logger } from '../logging/logger';
import type { LeadService } from '../leads/service/lead.service';
import type { ProviderConnection, RequestScope } from '../providers/provider-adapter';
import type { Caller } from '../security/scopes';
import type { SubmissionService } from '../submissions/submission.service';
import type { TenantService } from '../tenants/tenant.service';
import type { GatewayContext, RequestHeaders } from './context';

/** What a transport knows about an admitted request. */
export interface RequestContextInput {
  requestId: string;
  /** Undefined only for a request that carries no operation (the landing page). */
  caller: Caller | undefined;
  headers: RequestHeaders;
  /** Fires when the client disconnects before its answer. */
  signal: AbortSignal;
}

/** The per-request services resolvers use. */
export interface RequestServices {
  leads: LeadService;
  idempotentCreate: IdempotentCreate<ProviderConnection>;
  submissions: SubmissionService;
  tenants?: TenantService;
}

/** Builds a request's services; `caller` says whose (its tenant), `scope` is lent to the providers. */
export type ServicesFactory = (caller: Caller | undefined, scope: RequestScope) => RequestServices;

export type RequestContextFactory = (input: RequestContextInput) => GatewayContext;

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export function requestContextFactory(deps: { logger: Logger; services: ServicesFactory }): RequestContextFactory {
  return ({ requestId, caller, headers, signal }) => {
    const logger = deps.logger.child({ requestId });
    // A holder object, not a number: Apollo shallow-copies the context per operation.
    const upstream = { calls: 0 };
    const scope: RequestScope = { logger, countUpstreamCall: () => void upstream.calls++, signal };
    const { leads, idempotentCreate, submissions, tenants } = deps.services(caller, scope);
    const idempotencyKey = headers[IDEMPOTENCY_KEY_HEADER];
    return {
      leads,
      idempotentCreate,
      submissions,
      ...(tenants ? { tenants } : {}),
      logger,
      requestId,
      upstream,
      ...(caller ? { caller } : {}),
      headers,
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      idempotency: { replayed: false },
      signal,
    };
  };
}
