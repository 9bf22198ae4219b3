/**
 * Assembles and starts LeadGraph: configuration, provider connections (or demo simulators),
 * Apollo Server (on /graphql) and Express (everything else), and an orderly close. Tests start it
 * exactly as `npm start` does, on an ephemeral port with an injected environment and logger.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import express from 'express';
import { ConfigError, loadConfig, storeEnvOf, type GatewayConfig } from '../config/gateway-config';
import type { GatewayContext } from '../graphql/context';
import { requestContextFactory, type ServicesFactory } from '../graphql/request-context';
import { buildClientFacingSchema, buildGatewaySchema } from '../graphql/build-schema';
import { compiledExecution } from '../graphql/compiled-execution';
import { SharedExecutions, shareKey } from '../graphql/shared-executions';
import { LeadService } from '../leads/service/lead.service';
import type { Logger } from '../logging/logger';
import { createLogger } from '../logging/logger';
import type { ServerSettings } from '../config/server-config';
import { CircuitState } from '../leads/enums/circuit-state.enum';
import { LeadRouting } from '../leads/service/lead-routing';
import { LeadWriter } from '../leads/service/lead-writer';
import type { ProviderConnection, ProviderDeps, ProviderModule } from '../providers/provider-adapter';
import type { CircuitStateName } from '../providers/resilience/provider-policy';
import { ProviderDirectory } from '../providers/provider-directory';
import { DEFAULT_TENANT } from '../tenants/default-tenant';
import { PROVIDER_MODULES } from '../providers/registry';
import { IdempotentCreate, writeLockMs } from '../idempotency/idempotent-create';
import { replayHeaderPlugin } from '../idempotency/replay-header.plugin';
import { DeliveryWorker } from '../delivery/delivery-worker';
import { readDeliverySettings } from '../delivery/delivery-settings';
import { SubmissionService } from '../submissions/submission.service';
import { openDemoStore, openStore, type Store } from '../store';
import { formatGatewayError } from './error-formatting';
import { GatewayMetrics } from '../observability/metrics';
import { operationObserverPlugin } from './operation-observer.plugin';
import { mountHealthRoute, mountOpsRoutes } from './ops-routes';
import { createReadinessCheck } from './readiness';
import { graphqlEndpoint, isGraphqlPath } from './graphql-endpoint';
import { DEFAULT_WEB_ROOT, mountWebApp, webAppBuilt } from './web-app';
import { apolloSecurity } from '../security/apollo-security';
import { applyHttpHardening } from '../security/http-hardening';
import { ApiKeyRegistry } from '../security/api-keys';
import { SecurityPipeline } from '../security/security-pipeline';
import { TenantKeyIdentifier } from '../tenants/tenant-key-identifier';
import { TenantService } from '../tenants/tenant.service';
import { announceSecurityPosture } from '../security/security-posture';
import { ChangeFeed } from '../change-feed/change-feed';
import { readChangeFeedSettings } from '../change-feed/change-feed-settings';
import type { LeadEventBus } from '../change-feed/lead-event-bus';
import { LeadPoller } from '../change-feed/lead-poller';
import { LocalLeadEventBus } from '../change-feed/local-lead-event-bus';
import { RedisLeadEventBus } from '../change-feed/redis-lead-event-bus';
import { SubmissionAnnouncer } from '../change-feed/submission-announcer';
import { SubscriptionProtocol } from './subscription-protocol';
import { attachWebSocketTransport } from './websocket-transport';
import { sharedRateLimitDetail } from '../security/shared-rate-limits';
import { RedisConnection } from '../redis/redis-connection';
import { openAnnouncer } from '../announcements/open-announcer';

export interface StartGatewayOptions {
  env?: NodeJS.ProcessEnv;
  /** Overrides PORT (tests pass 0). */
  port?: number;
  host?: string;
  logger?: Logger;
  /** Injected clock (ms) for provider token expiry. */
  now?: () => number;
  modules?: readonly ProviderModule<any>[];
  /** Collect process metrics (memory, event loop) too; only the real server does. */
  defaultMetrics?: boolean;
  /** How long /readyz reuses a probe result (ms). */
  readinessCacheMs?: number;
  /** Overrides OPS_PORT (tests pass 0). */
  opsPort?: number;
  /** How long a tenant key's lookup is reused (ms, at most 5000; tenants/tenant-key-identifier.ts). */
  apiKeyCacheMs?: number;
  /** How often credentials set or removed on other replicas are picked up (ms, default 5000). */
  tenantSyncMs?: number;
  /** Extra Apollo plugins, after the gateway's own (tests use one to make start-up fail). */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /** Demo mode only: mount each simulator's /__control fault API (the browser tests use it). */
  demoControl?: boolean;
  /** Where the built inbox is (default web/dist under the working directory, as `npm start` runs). */
  webRoot?: string;
}

export interface DemoSimulatorInfo {
  provider: string;
  url: string;
  credentials: Record<string, string>;
}

export interface RunningGateway {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  graphqlUrl: string;
  /** Where /readyz and /metrics are served when OPS_PORT is set. */
  opsUrl?: string;
  config: GatewayConfig;
  /** The simulators started for demo mode (empty otherwise). */
  demoSimulators: DemoSimulatorInfo[];
  /** The durable store this gateway opened (closed by close()). */
  store: Store;
  /** Whether `/` serves the reference inbox. */
  servesWebApp: boolean;
  close(): Promise<void>;
}

export async function startGateway(options: StartGatewayOptions = {}): Promise<RunningGateway> {
  const modules = options.modules ?? PROVIDER_MODULES;
  const config = loadConfig(options.env ?? process.env, modules);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = new GatewayMetrics({ defaultMetrics: options.defaultMetrics });
  const deps = { logger, observer: metrics, resilience: config.resilience, ...(options.now ? { now: options.now } : {}) };

  // Everything started so far, closed in reverse order if start-up fails or when the gateway closes.
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  };
  try {
    return await assemble(options, config, logger, metrics, deps, modules, closers, closeAll);
  } catch (error) {
    // e.g. the port is taken or Apollo failed to start: leave nothing running behind.
    await closeAll();
    throw error;
  }
}

async function assemble(
  options: StartGatewayOptions,
  config: GatewayConfig,
  logger: Logger,
  metrics: GatewayMetrics,
  deps: ProviderDeps,
  modules: readonly ProviderModule<any>[],
  closers: Array<() => Promise<void>>,
  closeAll: () => Promise<void>,
): Promise<RunningGateway> {
  // The store first: a deployment whose database is unreachable should fail before anything listens.
  // Demo mode keeps its records in a file of its own, emptied at each start like the simulators.
  const storeOptions = {
    config: config.store,
    nodeEnv: storeEnvOf(config.nodeEnv, config.demo),
    logger,
    ...(options.now ? { clock: options.now } : {}),
  };
  const store = config.demo ? await openDemoStore(storeOptions) : await openStore(storeOptions);
  closers.push(() => store.close());
  // Redis (REDIS_URL) is shared by the replicas; its absence or an outage never stops this process.
  const redis = config.redis ? new RedisConnection(config.redis, logger) : undefined;
  if (redis) {
    closers.push(() => redis.close());
    metrics.redisUp(false);
    redis.onHealth((health) => metrics.redisUp(health === 'up'));
  }
  // The change feed's bus: shared through that connection with Redis (so one replica polls per
  // tenant × provider, below), else this process's own. Made before the connection's first attempt
  // ends, so an outage from the start is logged by it too; closed after the feed, before Redis.
  const bus: LeadEventBus = redis ? new RedisLeadEventBus(redis, logger) : new LocalLeadEventBus(logger);
  closers.push(() => bus.close());

  // Connections record (and read back) the leads they create on providers without a read API.
  const directory = new ProviderDirectory(modules, { ...deps, leadRecords: store.leadRecords });
  closers.push(() => directory.close());
  const demoSimulators: DemoSimulatorInfo[] = [];
  if (config.demo) {
    for (const module of modules) {
      const demo = await module.startDemo(options.demoControl ? { control: true } : {});
      closers.push(demo.close);
      demoSimulators.push({ provider: module.provider, url: demo.url, credentials: demo.credentials });
      await directory.connect(DEFAULT_TENANT, module, demo.config, { demo: true });
    }
  } else {
    for (const { module, config: providerConfig } of config.providers)
      await directory.connect(DEFAULT_TENANT, module, providerConfig, { demo: false });
  }

  // Guaranteed delivery (src/delivery): this process's worker, stopped before the store closes.
  const delivery = readDeliverySettings(options.env ?? process.env, config.store.submissionMaxAgeHours);
  if (delivery.problems.length > 0) throw new ConfigError(delivery.problems);
  // The change feed (src/change-feed): closed after the worker and the poller, which announce into it.
  const feedSettings = readChangeFeedSettings(options.env ?? process.env);
  if (feedSettings.problems.length > 0) throw new ConfigError(feedSettings.problems);
  const changeFeedSettings = feedSettings.settings;
  const feed = new ChangeFeed({
    bus,
    logger,
    maxQueuedEvents: changeFeedSettings.maxQueuedEvents,
    ...(options.now ? { now: options.now } : {}),
  });
  closers.push(async () => feed.close());
  const submissionChanges = new SubmissionAnnouncer(feed, store, logger);
  // Identical queries in flight share one execution; every write retires them (shared-executions.ts).
  const sharedExecutions = config.shareIdenticalQueries ? new SharedExecutions() : undefined;
  if (sharedExecutions) metrics.watchSharedExecutions(sharedExecutions);
  const worker = new DeliveryWorker({
    store,
    directory,
    settings: delivery.settings,
    logger,
    clock: options.now ?? Date.now,
    observer: metrics,
    // A delivered submission is a write (a Keyspot lead joins the inbox): later queries start afresh.
    changes: {
      changed: (submission) => {
        sharedExecutions?.invalidate();
        submissionChanges.changed(submission);
      },
      changedById: (tenant, id) => {
        sharedExecutions?.invalidate();
        submissionChanges.changedById(tenant, id);
      },
    },
  });
  metrics.watchSubmissions(store.submissions);
  worker.start();
  closers.push(() => worker.stop());

  // Tenants: keys from API_KEYS, then the store's tenant keys; stored tenants' providers connected.
  const identifier = new TenantKeyIdentifier(new ApiKeyRegistry(config.security.apiKeys), store.apiKeys, {
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.apiKeyCacheMs !== undefined ? { cacheMs: options.apiKeyCacheMs } : {}),
  });
  // Polls listing providers while a tenant has subscribers; with Redis, one replica per tenant × provider (a lease in the store).
  const poller = new LeadPoller({
    directory,
    feed,
    ...(bus.shared ? { leases: store.pollLeases } : {}),
    pollIntervalMs: changeFeedSettings.pollIntervalMs,
    pollMaxLeads: changeFeedSettings.pollMaxLeads,
    logger,
    observer: metrics,
  });
  feed.setWatcher(poller);
  closers.push(() => poller.close());

  // Revocations and credential changes reach every replica at once (src/announcements); the 5 s
  // bounds of the key cache and the sync below catch whatever an announcement missed.
  const announcer = openAnnouncer({ redis, store, databaseUrl: config.store.databaseUrl, logger });
  closers.push(() => announcer.close());
  const tenants = new TenantService({
    store,
    directory,
    modules,
    providerDeps: deps,
    logger,
    onRevoked: (keyId) => {
      identifier.forget(keyId);
      void announcer.publish({ kind: 'api-key-revoked', keyId });
    },
    onCredentialsChanged: (tenant, provider) => void announcer.publish({ kind: 'provider-credentials-changed', tenant, provider }),
  });
  closers.push(() => tenants.close());
  announcer.listen((news) => {
    if (news.kind === 'api-key-revoked') return identifier.forget(news.keyId);
    tenants
      .syncProvider(news.tenant, news.provider)
      .catch((error: unknown) =>
        logger.warn({ err: error, tenant: news.tenant }, 'announced credentials not synced; the periodic sync retries'),
      );
  });
  await tenants.start();
  let syncing: Promise<unknown> | undefined;
  const sync = setInterval(() => {
    syncing ??= tenants
      .syncFromStore()
      .catch((error: unknown) => logger.warn({ err: error }, 'tenant credentials not synced from the store'))
      .finally(() => (syncing = undefined));
  }, options.tenantSyncMs ?? 5_000);
  sync.unref();
  closers.push(async () => {
    clearInterval(sync);
    await syncing;
  });

  const idempotentCreate = new IdempotentCreate<ProviderConnection>(store.idempotency, {
    check: (tenant, input) => new LeadWriter(new LeadRouting(directory, tenant)).checkCreate(input),
    lockMs: writeLockMs(config.resilience),
    logger,
  });
  // The per-request services, in one place (request-context.ts calls it for every transport).
  const services: ServicesFactory = (caller, scope) => {
    const routing = new LeadRouting(directory, caller?.tenant ?? DEFAULT_TENANT);
    return {
      leads: new LeadService(routing, scope, feed),
      idempotentCreate,
      submissions: new SubmissionService({ store, routing, nudge: () => worker.nudge(), changes: submissionChanges, logger }),
      tenants,
    };
  };

  const app = express();
  app.disable('x-powered-by');
  // Health, readiness and metrics are polled, never revalidated: hashing each body for an ETag is pure cost.
  app.set('etag', false);
  applyHttpHardening(app);
  announceSecurityPosture(config.security, logger);
  // /graphql is served on plain node:http (graphql-endpoint.ts: measured, Express cost more than
  // half of a small operation's CPU); everything else goes to Express.
  // Until Apollo has started, /graphql is Express's 404 too.
  const routes: { graphql?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const httpServer = limitedServer(config.server, (req, res) => {
    if (routes.graphql && isGraphqlPath(req.url)) routes.graphql(req, res);
    else app(req, res);
  });
  const listening = listen(httpServer, options.port ?? config.port, options.host ?? '127.0.0.1');
  // A listen error is awaited below (or by the closer if start-up fails first): never unhandled.
  listening.catch(() => undefined);
  closers.push(async () => {
    await listening.catch(() => undefined);
    await closeServer(httpServer);
  });

  const production = config.nodeEnv === 'production';
  // One security pipeline for every transport (security/security-pipeline.ts); Apollo gets its share.
  const pipeline = SecurityPipeline.fromConfig(config.security, { logger, identifier, ...(redis ? { redis } : {}) });
  const security = apolloSecurity(config.security, pipeline);
  const apollo = new ApolloServer<GatewayContext>({
    // Operations run compiled (graphql-jit); see graphql/compiled-execution.ts.
    gateway: compiledExecution(buildGatewaySchema(), {
      compileAfter: config.compileAfter,
      maxFields: config.compileMaxFields,
      ...(sharedExecutions
        ? {
            sharing: {
              executions: sharedExecutions,
              keyOf: (request) =>
                shareKey((request.context as GatewayContext).caller, request.document, request.operationName, request.request.variables),
              signalOf: (request) => (request.context as GatewayContext).signal,
            },
          }
        : {}),
    }),
    ...security.options,
    includeStacktraceInErrorResponses: false,
    // main.ts owns signals: Apollo's own handler would re-raise SIGTERM after stopping (exit 143).
    stopOnTerminationSignals: false,
    formatError: formatGatewayError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.server.shutdownGraceMs }),
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      replayHeaderPlugin(),
      operationObserverPlugin(metrics),
      ...security.plugins,
      // Field timings for a supergraph router (federated tracing), but never an error's text: any
      // caller can ask for the trace, and raw messages are what formatError keeps to the log. A trace
      // names every type and field it touched, so it is off wherever introspection is (unless
      // FEDERATION_TRACES=true); "disabled" also stops Apollo installing it on its own for a subgraph.
      // Loaded only where used: otherwise its protobuf module would sit in the heap for nothing.
      config.server.federationTraces
        ? (await import('@apollo/server/plugin/inlineTrace')).ApolloServerPluginInlineTrace({ includeErrors: { masked: true } })
        : ApolloServerPluginInlineTraceDisabled(),
      // LeadGraph sets no cache hints; the default cache-control plugin would wrap every field's
      // resolver to compute a policy nobody reads (measured: ~8% of a list operation's CPU).
      ApolloServerPluginCacheControlDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  closers.push(() => apollo.stop());

  const readiness = createReadinessCheck(
    () =>
      directory.connections(DEFAULT_TENANT).map((connection) => ({
        provider: connection.provider,
        probe: () => connection.probe(),
        circuit: () => CIRCUIT_NAMES[connection.health().circuit],
      })),
    modules.map((module) => module.provider),
    {
      cacheMs: options.readinessCacheMs,
      onProbe: (provider, up) => metrics.providerUp(provider, up),
      storeReachable: () => store.ping(),
      ...(redis ? { redis: () => ({ status: redis.health, detail: sharedRateLimitDetail(redis) }) } : {}),
    },
  );
  mountHealthRoute(app);
  // The reference inbox at `/` (web-app.ts), after the ops routes so they never touch the disk.
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const servesWebApp = config.webApp !== 'never' && webAppBuilt(webRoot);
  if (config.webApp === 'always' && !servesWebApp)
    throw new ConfigError([`SERVE_WEB=true but the inbox is not built (no ${webRoot}/index.html): run npm run build:web`]);
  let opsUrl: string | undefined;
  const opsPort = options.opsPort ?? config.server.opsPort;
  if (opsPort === undefined) {
    mountOpsRoutes(app, { readiness, metrics, metricsToken: config.server.metricsToken });
  } else {
    const opsApp = express();
    opsApp.disable('x-powered-by');
    opsApp.set('etag', false);
    applyHttpHardening(opsApp);
    mountHealthRoute(opsApp);
    mountOpsRoutes(opsApp, { readiness, metrics, metricsToken: config.server.metricsToken });
    const opsServer = limitedServer(config.server, opsApp);
    const opsListening = listen(opsServer, opsPort, options.host ?? '127.0.0.1');
    // Closed last: /readyz keeps answering "shutting_down" while /graphql drains.
    closers.unshift(async () => {
      await opsListening.catch(() => undefined);
      await closeServer(opsServer);
    });
    opsUrl = urlOf(await opsListening);
  }
  if (servesWebApp) mountWebApp(app, webRoot);

  // Provider calls still running near the end of the shutdown grace are abandoned, so their
  // requests answer (PROVIDER_UNAVAILABLE) before the drain cuts the connections.
  const stopping = new AbortController();
  let stopTimer: NodeJS.Timeout | undefined;
  const context = requestContextFactory({ logger, services });
  routes.graphql = graphqlEndpoint({
    apollo,
    security: config.security,
    pipeline,
    logger,
    context,
    stopping: stopping.signal,
  });
  // graphql-ws on the same port and path; its sockets close (1001) first on shutdown, before the HTTP drain.
  const subscriptions = new SubscriptionProtocol({
    schema: buildClientFacingSchema(),
    pipeline,
    identifier,
    context,
    feed,
    settings: changeFeedSettings,
    production,
    logger,
    observer: metrics,
  });
  const transport = attachWebSocketTransport({
    httpServer,
    protocol: subscriptions.options(),
    maxSockets: changeFeedSettings.maxSockets,
    maxMessageBytes: config.security.bodyLimitBytes,
    closeWaitMs: Math.min(2_000, config.server.shutdownGraceMs),
    logger,
  });
  subscriptions.start();
  metrics.watchChangeFeed({
    get openSubscriptions() {
      return feed.openSubscriptions;
    },
    get sockets() {
      return transport.sockets;
    },
  });
  closers.push(async () => {
    subscriptions.stop();
    await transport.close();
  });

  const url = urlOf(await listening);
  let closing: Promise<void> | undefined;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    ...(opsUrl ? { opsUrl } : {}),
    config,
    demoSimulators,
    store,
    servesWebApp,
    close() {
      readiness.markShuttingDown();
      stopTimer ??= setTimeout(() => stopping.abort(new Error('gateway shutting down')), Math.floor(config.server.shutdownGraceMs * 0.8));
      stopTimer.unref();
      closing ??= closeAll().finally(() => clearTimeout(stopTimer));
      return closing;
    },
  };
}

const CIRCUIT_NAMES: Record<CircuitStateName, CircuitState> = {
  closed: CircuitState.CLOSED,
  open: CircuitState.OPEN,
  'half-open': CircuitState.HALF_OPEN,
};

/**
 * A node:http server with the limits of ServerSettings: a whole request must arrive within
 * requestTimeoutMs (headers within headersTimeoutMs) or it is answered 408 and closed, idle
 * keep-alive connections close after keepAliveTimeoutMs, and connections beyond maxConnections are
 * dropped at once. Node checks the request timeouts every `connectionsCheckingInterval`, so that
 * is kept well under them.
 */
function limitedServer(settings: ServerSettings, listener: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const server = createServer(
    {
      requestTimeout: settings.requestTimeoutMs,
      headersTimeout: settings.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, settings.headersTimeoutMs / 2),
      keepAliveTimeout: settings.keepAliveTimeoutMs,
    },
    listener,
  );
  if (settings.maxConnections > 0) server.maxConnections = settings.maxConnections;
  return server;
}

/** Listens and resolves with the bound address; rejects on a listen error (e.g. EADDRINUSE). */
async function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  server.listen(port, host);
  await once(server, 'listening');
  return server.address() as AddressInfo;
}

function urlOf({ address, port }: AddressInfo): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

/** Closes a server that may or may not be listening (Apollo's drain plugin may have closed it already). */
function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
