/**
 * Prometheus metrics (prom-client) for one gateway: GraphQL operations, upstream requests, token
 * refreshes, circuit state, and (Part 2) the submission queue. One registry per gateway instance, so several gateways in one
 * process (tests) never share or double-register series.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PollObserver } from '../change-feed/lead-poller';
import type { DeliveryObserver } from '../delivery/delivery-attempt';
import type { SubscriptionObserver } from '../server/subscription-protocol';
import type { UpstreamObserver } from '../providers/provider-adapter';

/** What the change-feed gauges read at scrape time (this process's feed and WebSocket transport). */
export interface ChangeFeedSource {
  readonly openSubscriptions: number;
  readonly sockets: number;
}

/** What the submission gauges read at scrape time (the store's submission repository). */
export interface SubmissionQueueSource {
  countByStatus(): Promise<Record<string, number>>;
  oldestQueuedAgeMs(): Promise<number | null>;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Accepted → delivered: from a healthy provider's second to a long outage's hours. */
const DELIVERY_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 6 * 3600, 24 * 3600, 72 * 3600];

export class GatewayMetrics implements UpstreamObserver, DeliveryObserver, SubscriptionObserver, PollObserver {
  readonly registry = new Registry();

  private readonly operations = new Counter({
    name: 'leadgraph_graphql_operations_total',
    help: 'GraphQL operations by operation name and outcome (success or the first error code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly operationDuration = new Histogram({
    name: 'leadgraph_graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly upstreamRequests = new Counter({
    name: 'leadgraph_upstream_requests_total',
    help: 'Requests to providers by provider, route and HTTP status ("network" when no response arrived).',
    labelNames: ['provider', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly upstreamDuration = new Histogram({
    name: 'leadgraph_upstream_request_duration_seconds',
    help: 'Latency of requests to providers by provider, route and HTTP status.',
    labelNames: ['provider', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly tokenRefreshes = new Counter({
    name: 'leadgraph_token_refreshes_total',
    help: 'Provider token refreshes by provider and outcome.',
    labelNames: ['provider', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly circuitState = new Gauge({
    name: 'leadgraph_circuit_state',
    help: 'Circuit breaker state per provider: 0 closed, 1 half-open, 2 open.',
    labelNames: ['provider'] as const,
    registers: [this.registry],
  });

  private readonly providerUpGauge = new Gauge({
    name: 'leadgraph_provider_up',
    help: 'Last readiness probe per configured provider: 1 answered with our credentials accepted, 0 failed or did not answer in time.',
    labelNames: ['provider'] as const,
    registers: [this.registry],
  });

  /** Registered on first use: a gateway without REDIS_URL exposes no Redis gauge (rather than a misleading 0). */
  private redisUpGauge: Gauge | undefined;

  private submissionSource: SubmissionQueueSource | undefined;

  private readonly submissionsByStatus = new Gauge({
    name: 'leadgraph_submissions',
    help: 'Submissions in the store by status (read from the store at scrape time, every tenant).',
    labelNames: ['status'] as const,
    registers: [this.registry],
    collect: async () => {
      if (!this.submissionSource) return;
      const counts = await this.submissionSource.countByStatus().catch(() => undefined);
      if (!counts) return;
      for (const [status, count] of Object.entries(counts)) this.submissionsByStatus.set({ status }, count);
    },
  });

  private readonly oldestQueuedAge = new Gauge({
    name: 'leadgraph_submission_oldest_queued_age_seconds',
    help: 'Age of the oldest submission not yet delivered (QUEUED or DELIVERING); 0 when none waits.',
    registers: [this.registry],
    collect: async () => {
      if (!this.submissionSource) return;
      const age = await this.submissionSource.oldestQueuedAgeMs().catch(() => undefined);
      if (age !== undefined) this.oldestQueuedAge.set((age ?? 0) / 1000);
    },
  });

  private readonly deliveryLatency = new Histogram({
    name: 'leadgraph_submission_delivery_seconds',
    help: 'Time from a submission being accepted to its delivery, by provider.',
    labelNames: ['provider'] as const,
    buckets: DELIVERY_BUCKETS,
    registers: [this.registry],
  });

  private changeFeedSource: ChangeFeedSource | undefined;

  private readonly openSubscriptionsGauge: Gauge = new Gauge({
    name: 'leadgraph_subscriptions_open',
    help: 'leadEvents subscriptions open on this process.',
    registers: [this.registry],
    collect: (): void => this.openSubscriptionsGauge.set(this.changeFeedSource?.openSubscriptions ?? 0),
  });

  private readonly subscriptionSocketsGauge: Gauge = new Gauge({
    name: 'leadgraph_subscription_sockets_open',
    help: 'graphql-ws sockets open on this process.',
    registers: [this.registry],
    collect: (): void => this.subscriptionSocketsGauge.set(this.changeFeedSource?.sockets ?? 0),
  });

  private readonly subscriptionEvents = new Counter({
    name: 'leadgraph_subscription_events_sent_total',
    help: 'Change-feed events sent to subscribers by this process.',
    registers: [this.registry],
  });

  private readonly slowConsumers = new Counter({
    name: 'leadgraph_subscription_slow_consumers_dropped_total',
    help: 'Subscription sockets closed because they did not read their events fast enough.',
    registers: [this.registry],
  });

  /** Read at scrape time from the shared executions (graphql/shared-executions.ts), when sharing is on. */
  private sharedSource?: { readonly joined: number };
  private sharedSeen = 0;

  private readonly sharedExecutions = new Counter({
    name: 'leadgraph_graphql_shared_executions_total',
    help: 'Queries answered with the result of an identical query in flight (same caller, document and variables) instead of executing.',
    registers: [this.registry],
    collect: () => {
      const joined = this.sharedSource?.joined ?? 0;
      if (joined > this.sharedSeen) this.sharedExecutions.inc(joined - this.sharedSeen);
      this.sharedSeen = joined;
    },
  });

  private readonly polls = new Counter({
    name: 'leadgraph_lead_polls_total',
    help: 'Change-feed polls of listing providers by this process, by provider and outcome.',
    labelNames: ['provider', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    // Process metrics (memory, event loop) only for the real server: they install global observers.
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'leadgraph_' });
  }

  operation(name: string, outcome: string, seconds: number): void {
    this.operations.inc({ operation: name, outcome });
    this.operationDuration.observe({ operation: name, outcome }, seconds);
  }

  upstream(provider: string, route: string, status: string, seconds: number): void {
    this.upstreamRequests.inc({ provider, route, status });
    this.upstreamDuration.observe({ provider, route, status }, seconds);
  }

  tokenRefresh(provider: string, outcome: 'success' | 'failure'): void {
    this.tokenRefreshes.inc({ provider, outcome });
  }

  circuit(provider: string, state: 'closed' | 'half-open' | 'open'): void {
    this.circuitState.set({ provider }, state === 'closed' ? 0 : state === 'half-open' ? 1 : 2);
  }

  /** Redis's health as the connection sees it (set on every transition, and once at start). */
  redisUp(up: boolean): void {
    this.redisUpGauge ??= new Gauge({
      name: 'leadgraph_redis_up',
      help: 'Whether this replica is connected to Redis (REDIS_URL): 1 rate limits shared by all replicas, 0 counted per process until Redis answers.',
      registers: [this.registry],
    });
    this.redisUpGauge.set(up ? 1 : 0);
  }

  providerUp(provider: string, up: boolean): void {
    this.providerUpGauge.set({ provider }, up ? 1 : 0);
  }

  /** Where the submission gauges read from; set once the store is open. */
  watchSubmissions(source: SubmissionQueueSource): void {
    this.submissionSource = source;
  }

  delivered(provider: string, seconds: number): void {
    this.deliveryLatency.observe({ provider }, seconds);
  }

  /** Where the shared-executions counter reads from (when identical queries share executions). */
  watchSharedExecutions(source: { readonly joined: number }): void {
    this.sharedSource = source;
  }

  /** Where the subscription gauges read from; set once the WebSocket transport runs. */
  watchChangeFeed(source: ChangeFeedSource): void {
    this.changeFeedSource = source;
  }

  eventSent(): void {
    this.subscriptionEvents.inc();
  }

  slowConsumerDropped(): void {
    this.slowConsumers.inc();
  }

  poll(provider: string, outcome: 'success' | 'failure'): void {
    this.polls.inc({ provider, outcome });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
