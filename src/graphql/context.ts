/**
 * What every resolver receives, whatever the transport (/graphql now, graphql-ws later): built by
 * request-context.ts, the one place a request's context is made.
 */
import type { ChangeFeed, FeedConnection } from '../change-feed/change-feed';
import type { IdempotentCreate } from '../idempotency/idempotent-create';
import type { LeadService } from '../leads/service/lead.service';
import type { Logger } from '../logging/logger';
import type { ProviderConnection } from '../providers/provider-adapter';
import type { Caller } from '../security/scopes';
import type { SubmissionService } from '../submissions/submission.service';
import type { TenantService } from '../tenants/tenant.service';

/** Request headers, names in lower case (for graphql-ws: the connection_init payload's). */
export type RequestHeaders = Readonly<Record<string, string | undefined>>;

export interface GatewayContext {
  leads: LeadService;
  /** createLead under an idempotency key (one instance per process). */
  idempotentCreate: IdempotentCreate<ProviderConnection>;
  /** submitLead and the submission queries, for the caller's tenant. */
  submissions: SubmissionService;
  /** Tenant administration (one instance per process); the admin fields check `tenants:admin` first. */
  tenants?: TenantService;
  logger: Logger;
  requestId: string;
  /** Upstream calls made so far for this request. */
  upstream: { calls: number };
  /** Who is calling, with its tenant (security/security-pipeline.ts); absent only for the landing page. */
  caller?: Caller;
  /** The request's headers as received; resolvers read what they need (e.g. Idempotency-Key). */
  headers: RequestHeaders;
  /** The `Idempotency-Key` header as sent (not yet validated), or undefined. */
  idempotencyKey?: string;
  /**
   * A holder (Apollo shallow-copies the context per operation): set `replayed` when a mutation
   * answered from a stored outcome; the response then carries `Idempotent-Replayed: true`.
   */
  idempotency?: { replayed: boolean };
  /** Fires when the client goes away before its answer: provider work for it may stop. */
  signal: AbortSignal;
  /** The change feed (one per process), for `leadEvents`; set only on the WebSocket transport. */
  changeFeed?: ChangeFeed;
  /** The subscriber's socket as the change feed sees it (congestion, drop); WebSocket only. */
  feedConnection?: FeedConnection;
}
