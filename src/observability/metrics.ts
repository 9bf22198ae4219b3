/**
 * Prometheus metrics (prom-client) for one gateway: GraphQL operations, upstream requests, token
 * refreshes and circuit state. One registry per gateway instance, so several gateways in one
 * process (tests) never share or double-register series.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { UpstreamObserver } from '../providers/provider-adapter';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class GatewayMetrics implements UpstreamObserver {
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

  providerUp(provider: string, up: boolean): void {
    this.providerUpGauge.set({ provider }, up ? 1 : 0);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
