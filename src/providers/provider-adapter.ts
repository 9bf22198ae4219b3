/**
 * The contract every provider folder fulfils. The LeadService only ever talks to these shapes, so
 * adding a provider means writing one folder that exports a ProviderModule and adding it to
 * registry.ts.
 */
import type { FieldProblem } from '../errors/bad-user-input.error';
import type { LeadOrderField, OrderDirection } from '../leads/enums/lead-order.enums';
import type { LeadProvider } from '../leads/enums/lead-provider.enum';
import type { LeadStatus } from '../leads/enums/lead-status.enum';
import type { ProviderCapability } from '../leads/enums/provider-capability.enum';
import type { CreateLeadInput } from '../leads/inputs/create-lead.input';
import type { UpdateLeadInput } from '../leads/inputs/update-lead.input';
import type { Lead } from '../leads/types/lead.type';
import type { Logger } from '../logging/logger';
import type { LeadRecordRepository } from '../store';
import type { UpstreamPool } from './http/upstream-pool';
import type { ProviderHealthSnapshot } from './resilience/provider-policy';
import type { ResilienceSettings } from './resilience/resilience-settings';

export interface LeadListQuery {
  search?: string;
  status?: LeadStatus;
  orderBy: LeadOrderField;
  direction: OrderDirection;
}

/**
 * A window of a listing in absolute positions: the leads at offsets [offset, offset + limit).
 * `offset` is a non-negative integer, `limit` 1..100. How a provider pages underneath (pages,
 * cursors) is its adapter's business.
 */
export interface ProviderWindow {
  offset: number;
  limit: number;
}

export interface LeadListPage {
  /** The leads of the window, in listing order; fewer than `limit` (or none) past the end. */
  leads: Lead[];
  /** How many leads match the query in all. */
  total: number;
}

/** A page of a page/limit provider (Tesselys): `page` is 1-based, `limit` 1..100. Only its adapter and mapper speak pages. */
export interface ProviderPageRequest {
  page: number;
  limit: number;
}

/** Where reads of a provider's leads come from: its own API, or (Part 2) the gateway's record of what it created there. */
export type LeadReadSource = 'provider' | 'gateway-record';

/** A provider's own input rules, usable without any request (a delivery worker validates with them too). */
export interface ProviderRules {
  /** The statuses this provider's leads can be set to or filtered by. */
  readonly acceptedStatuses: readonly LeadStatus[];
  /** Provider-specific rules for a create, as field problems with paths under `input`. */
  validateCreate(input: CreateLeadInput): FieldProblem[];
  /** Provider-specific rules for an update, as field problems with paths under `input`. */
  validateUpdate(input: UpdateLeadInput): FieldProblem[];
}

/**
 * A provider as one caller (a GraphQL request, later a delivery attempt) sees it. Created per
 * scope (its HTTP client may keep per-scope state); methods the provider lacks are absent and its
 * connection's `capabilities` say so.
 */
export interface LeadProviderAdapter {
  readonly provider: LeadProvider;
  /** The leads at [offset, offset + limit) of the listing, costing at most two provider calls. */
  listLeads?(query: LeadListQuery, window: ProviderWindow): Promise<LeadListPage>;
  /** Null when the provider says the lead does not exist. */
  getLead?(providerLeadId: string): Promise<Lead | null>;
  createLead?(input: CreateLeadInput): Promise<Lead>;
  updateLead?(providerLeadId: string, input: UpdateLeadInput): Promise<Lead>;
}

/**
 * One tenant's connection to one provider: its credentials, token cache, circuit breaker and
 * bulkhead live here, so one tenant's trouble never touches another's. Its HTTP pool is shared per
 * origin (ProviderPools). Lives until the directory disconnects it.
 */
export interface ProviderConnection {
  readonly provider: LeadProvider;
  /** True when a built-in simulator answers in place of the real provider. */
  readonly demo: boolean;
  /** What this connection can do (a connection may do less, or read elsewhere, than its module declares). */
  readonly capabilities: readonly ProviderCapability[];
  /** Where `GET_LEAD`/`LIST_LEADS` answers come from for this connection. */
  readonly readsFrom: LeadReadSource;
  readonly rules: ProviderRules;
  forRequest(scope: RequestScope): LeadProviderAdapter;
  /** Resolves when the provider answers with our credentials accepted; rejects with a ProviderError otherwise. */
  probe(): Promise<void>;
  /** Its circuit breaker's state, as the `providers` query reports it. */
  health(): ProviderHealthSnapshot;
  /** Releases what this connection alone holds (never the shared pool). */
  close(): Promise<void>;
}

export interface ProviderConfigResult<TConfig> {
  /** Null when none of the provider's variables are set: the provider is simply not configured. */
  config: TConfig | null;
  /** One line per bad variable, naming it and never echoing a secret. */
  problems: string[];
}

/**
 * Where provider code reports what it does upstream (metrics), without depending on a metrics
 * library. Every method is optional to call and cheap.
 */
export interface UpstreamObserver {
  /** One finished upstream request; `status` is the HTTP status or "network". */
  upstream(provider: string, route: string, status: string, seconds: number): void;
  tokenRefresh(provider: string, outcome: 'success' | 'failure'): void;
  circuit(provider: string, state: 'closed' | 'half-open' | 'open'): void;
}

/** What one GraphQL request lends the providers it calls. */
export interface RequestScope {
  logger: Logger;
  /** Counts upstream calls made for this request (for the operation log line). */
  countUpstreamCall(): void;
  /** Fires when the client went away: its provider calls stop (shared reads go on for other callers). */
  signal?: AbortSignal;
}

export interface ProviderDeps {
  logger: Logger;
  observer?: UpstreamObserver;
  /** Injected clock (ms), for token expiry and circuit breaker cooldowns. */
  now?: () => number;
  /** Timeouts, retries, circuit breaker and bulkhead limits; defaults when absent. */
  resilience?: ResilienceSettings;
  /**
   * The gateway's record of leads it created (the store). With it, a provider without a read API
   * (Keyspot) records every lead it creates and serves reads from that record; without it, it
   * cannot be read at all.
   */
  leadRecords?: LeadRecordRepository;
  /** The tenant a connection belongs to; set by the directory on connect(), so records stay per tenant. */
  tenant?: string;
}

export interface DemoOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Mount the simulator's /__control fault API. */
  control?: boolean;
}

export interface DemoProvider<TConfig> {
  config: TConfig;
  url: string;
  /** What a person needs to call the simulator by hand (demo values, never real secrets). */
  credentials: Record<string, string>;
  /** The environment that points a gateway at this simulator, as if it were the real provider. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Upstream HTTP pools shared per origin: every connection to the same base URL (whatever its
 * tenant) gets the same pool, so sockets are reused across tenants. Owned and closed by the
 * directory; a connection never closes what it got from here.
 */
export interface ProviderPools {
  /** The pool for `baseUrl`'s origin (scheme, host, port), created on first use. */
  forOrigin(baseUrl: string): UpstreamPool;
}

export interface ConnectOptions {
  demo: boolean;
  pools: ProviderPools;
}

/** What a provider folder exports for the registry. */
export interface ProviderModule<TConfig = unknown> {
  readonly provider: LeadProvider;
  /** What the provider can do once connected to a gateway with a store (reported for unconfigured providers too). */
  readonly capabilities: readonly ProviderCapability[];
  /** Where its reads come from once connected to a gateway with a store; 'provider' when absent. */
  readonly readsFrom?: LeadReadSource;
  readonly rules: ProviderRules;
  readConfig(env: NodeJS.ProcessEnv): ProviderConfigResult<TConfig>;
  /** Starts this provider's simulator, seeded with demo data, and the config that points at it. */
  startDemo(options?: DemoOptions): Promise<DemoProvider<TConfig>>;
  /** One tenant's connection; called by the directory, which owns the pools it hands over. */
  connect(config: TConfig, deps: ProviderDeps, options: ConnectOptions): ProviderConnection;
}
