/**
 * Assembles and starts LeadGraph: configuration, provider connections (or demo simulators),
 * Apollo Server (on /graphql) and Express (everything else), and an orderly close. Tests start it
 * exactly as `npm start` does, on an ephemeral port with an injected environment and logger.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import express from 'express';
import { loadConfig, type GatewayConfig } from '../config/gateway-config';
import type { GatewayContext } from '../graphql/context';
import { buildGatewaySchema } from '../graphql/build-schema';
import { compiledExecution } from '../graphql/compiled-execution';
import { LeadService } from '../leads/service/lead.service';
import type { Logger } from '../logging/logger';
import { createLogger } from '../logging/logger';
import { LeadRouting } from '../leads/service/lead-routing';
import type { ProviderModule } from '../providers/provider-adapter';
import { DEFAULT_TENANT, ProviderDirectory } from '../providers/provider-directory';
import { PROVIDER_MODULES } from '../providers/registry';
import { formatGatewayError } from './error-formatting';
import { GatewayMetrics } from '../observability/metrics';
import { operationObserverPlugin } from './operation-observer.plugin';
import { createReadinessCheck } from './readiness';
import { graphqlEndpoint, isGraphqlPath } from './graphql-endpoint';
import { apolloSecurity } from '../security/apollo-security';
import { applyHttpHardening } from '../security/http-hardening';
import { announceSecurityPosture } from '../security/security-posture';

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
  config: GatewayConfig;
  /** The simulators started for demo mode (empty otherwise). */
  demoSimulators: DemoSimulatorInfo[];
  close(): Promise<void>;
}

export async function startGateway(options: StartGatewayOptions = {}): Promise<RunningGateway> {
  const modules = options.modules ?? PROVIDER_MODULES;
  const config = loadConfig(options.env ?? process.env, modules);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = new GatewayMetrics({ defaultMetrics: options.defaultMetrics });
  const deps = { logger, observer: metrics, resilience: config.resilience, ...(options.now ? { now: options.now } : {}) };

  const closers: Array<() => Promise<void>> = [];
  const runtime = new ProviderDirectory(modules, deps);
  const demoSimulators: DemoSimulatorInfo[] = [];
  try {
    if (config.demo) {
      for (const module of modules) {
        const demo = await module.startDemo();
        closers.push(demo.close);
        demoSimulators.push({ provider: module.provider, url: demo.url, credentials: demo.credentials });
        await runtime.connect(DEFAULT_TENANT, module, demo.config, { demo: true });
      }
    } else {
      for (const { module, config: providerConfig } of config.providers)
        await runtime.connect(DEFAULT_TENANT, module, providerConfig, { demo: false });
    }
  } catch (error) {
    await runtime.close();
    await Promise.allSettled(closers.map((close) => close()));
    throw error;
  }

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
  const httpServer: Server = createServer((req, res) => {
    if (routes.graphql && isGraphqlPath(req.url)) routes.graphql(req, res);
    else app(req, res);
  });
  httpServer.listen(options.port ?? config.port, options.host ?? '127.0.0.1');
  // Subscribe now: 'listening' may fire while Apollo starts, and a late once() would wait forever.
  const listening = once(httpServer, 'listening');
  const production = config.nodeEnv === 'production';
  const security = apolloSecurity(config.security);
  const apollo = new ApolloServer<GatewayContext>({
    // Operations run compiled (graphql-jit); see graphql/compiled-execution.ts.
    gateway: compiledExecution(buildGatewaySchema(), { compileAfter: config.compileAfter }),
    ...security.options,
    includeStacktraceInErrorResponses: false,
    // main.ts owns signals: Apollo's own handler would re-raise SIGTERM after stopping (exit 143).
    stopOnTerminationSignals: false,
    formatError: formatGatewayError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      operationObserverPlugin(metrics),
      ...security.plugins,
      // Field timings for a supergraph router (federated tracing), but never an error's text:
      // any caller can ask for the trace, and raw messages are what formatError keeps to the log.
      ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      // LeadGraph sets no cache hints; the default cache-control plugin would wrap every field's
      // resolver to compute a policy nobody reads (measured: ~8% of a list operation's CPU).
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  // Liveness: the process serves HTTP. Nothing upstream is consulted.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const readiness = createReadinessCheck(runtime.tenant(DEFAULT_TENANT), { cacheMs: options.readinessCacheMs });
  app.get('/readyz', async (_req, res) => {
    const report = await readiness();
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ready' : 'not_ready', providers: report.providers });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.render());
  });
  routes.graphql = graphqlEndpoint({
    apollo,
    security: config.security,
    logger,
    now: options.now,
    async context({ requestId, caller }) {
      const requestLogger = logger.child({ requestId });
      // A holder object, not a number: Apollo shallow-copies the context per operation.
      const upstream = { calls: 0 };
      const routing = new LeadRouting(runtime, DEFAULT_TENANT);
      const leads = new LeadService(routing, { logger: requestLogger, countUpstreamCall: () => void upstream.calls++ });
      return { leads, logger: requestLogger, requestId, upstream, caller };
    },
  });

  try {
    await listening;
  } catch (error) {
    // e.g. the port is taken: leave nothing running behind (demo simulators, pools, Apollo).
    await apollo.stop().catch(() => undefined);
    await runtime.close();
    await Promise.allSettled(closers.map((close) => close()));
    throw error;
  }
  const { port, address } = httpServer.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    config,
    demoSimulators,
    close() {
      closing ??= (async () => {
        await apollo.stop();
        await runtime.close();
        await Promise.allSettled(closers.map((close) => close()));
      })();
      return closing;
    },
  };
}
