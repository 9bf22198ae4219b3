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
import type { ProviderHealthSnapshot } from './resilience/provider-policy';
import type { ResilienceSettings } from './resilience/resilience-settings';

export interface LeadListQuery {
  search?: string;
  status?: LeadStatus;
  orderBy: LeadOrderField;
  direction: OrderDirection;
}

/** One provider page: `page` is 1-based, `limit` 1..100. */
export interface ProviderPageRequest {
  page: number;
  limit: number;
}

export interface LeadListPage {
  leads: Lead[];
  /** How many leads match the query in all. */
  total: number;
}

/**
 * A provider as one GraphQL request sees it. Created per request (its HTTP client may keep
 * per-request state); methods the provider lacks are absent and its `capabilities` say so.
 */
export interface LeadProviderAdapter {
  readonly provider: LeadProvider;
  readonly capabilities: ReadonlySet<ProviderCapability>;
  /** The statuses this provider's leads can be set to or filtered by. */
  readonly acceptedStatuses: readonly LeadStatus[];
  listLeads?(query: LeadListQuery, page: ProviderPageRequest): Promise<LeadListPage>;
  /** Null when the provider says the lead does not exist. */
  getLead?(providerLeadId: string): Promise<Lead | null>;
  createLead?(input: CreateLeadInput): Promise<Lead>;
  updateLead?(providerLeadId: string, input: UpdateLeadInput): Promise<Lead>;
  /** Provider-specific rules for a create, as field problems with paths under `input`. */
  validateCreate(input: CreateLeadInput): FieldProblem[];
  /** Provider-specific rules for an update, as field problems with paths under `input`. */
  validateUpdate(input: UpdateLeadInput): FieldProblem[];
}

/** Process-lifetime resources of one configured provider (pools, token cache). */
export interface ProviderConnection {
  readonly provider: LeadProvider;
  /** True when a built-in simulator answers in place of the real provider. */
  readonly demo: boolean;
  forRequest(scope: RequestScope): LeadProviderAdapter;
  /** Resolves when the provider answers with our credentials accepted; rejects with a ProviderError otherwise. */
  probe(): Promise<void>;
  /** Its circuit breaker's state, as the `providers` query reports it. */
  health(): ProviderHealthSnapshot;
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

/** What a provider folder exports for the registry. */
export interface ProviderModule<TConfig = unknown> {
  readonly provider: LeadProvider;
  readonly capabilities: readonly ProviderCapability[];
  readConfig(env: NodeJS.ProcessEnv): ProviderConfigResult<TConfig>;
  /** Starts this provider's simulator, seeded with demo data, and the config that points at it. */
  startDemo(options?: DemoOptions): Promise<DemoProvider<TConfig>>;
  connect(config: TConfig, deps: ProviderDeps, options: { demo: boolean }): ProviderConnection;
}
