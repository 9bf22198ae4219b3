/**
 * The gateway's configuration, read from the environment once at start-up (DESIGN.md's table).
 * Every bad variable is reported, one line each, naming it and never echoing its value: a secret
 * pasted into the wrong variable must not end up in a log.
 */
import { registerSecrets, secretsInEnv } from '../errors/known-secrets';
import type { ProviderModule } from '../providers/provider-adapter';
import { readSecurityConfig, type SecurityConfig } from '../security/security-config';
import type { ResilienceSettings } from '../providers/resilience/resilience-settings';
import { readResilienceConfig } from './resilience-config';
import { readServerConfig, type ServerSettings } from './server-config';
import { trackReads, unreadVariables } from './unread-variables';
import { readStoreConfig, storeSecretsInEnv, type StoreConfig } from '../store/store-config';
import { readRedisSettings, redisSecretsInEnv, type RedisSettings } from '../redis/redis-settings';
import { readWebAppServing, type WebAppServing } from './web-app-config';

export type NodeEnv = 'development' | 'production' | 'test';

export interface ConfiguredProvider {
  module: ProviderModule<any>;
  config: unknown;
}

export interface GatewayConfig {
  port: number;
  nodeEnv: NodeEnv;
  logLevel: string;
  /** Simulators stand in for every provider. */
  demo: boolean;
  /** Why demo mode is on, for the start-up log. */
  demoReason?: 'forced' | 'no-provider-configured';
  /** Providers configured from the environment (empty in demo mode). */
  providers: ConfiguredProvider[];
  /** API keys, CORS, limits, rate limits (src/security/security-config.ts). */
  security: SecurityConfig;
  /** Timeouts, retries, circuit breakers, bulkheads (src/config/resilience-config.ts). */
  resilience: ResilienceSettings;
  /** HTTP server limits, the ops endpoints' token and port, federated tracing (server-config.ts). */
  server: ServerSettings;
  /** Where accepted leads, submissions and idempotency keys are kept (src/store). */
  store: StoreConfig;
  /** The Redis replicas share (REDIS_URL), when set (src/redis). */
  redis?: RedisSettings;
  /** Executions of a document before it runs compiled (graphql/compiled-execution.ts); 0 never compiles. */
  compileAfter: number;
  /** Whether identical queries in flight share one execution (GRAPHQL_SHARE_IDENTICAL, default on; graphql/shared-executions.ts). */
  shareIdenticalQueries: boolean;
  /** Largest operation compiled, in fields selected (GRAPHQL_COMPILE_MAX_FIELDS); unset: compiled-execution.ts's default. */
  compileMaxFields?: number;
  /** Whether `/` serves the reference inbox (web-app-config.ts). */
  webApp: WebAppServing;
  /** Set `<PROVIDER>_*` variables no provider reads (misspelled?), sorted; names only, for a start-up warning. */
  unreadProviderVariables?: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv, modules: readonly ProviderModule<any>[]): GatewayConfig {
  // Credentials are redacted literally from every log line and client message from now on.
  registerSecrets([...secretsInEnv(env), ...storeSecretsInEnv(env), ...redisSecretsInEnv(env), env.METRICS_TOKEN]);
  const problems: string[] = [];

  const portText = env.PORT?.trim() || '4000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push('PORT must be a whole number from 0 to 65535');

  const nodeEnvText = env.NODE_ENV?.trim() || 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvText)) problems.push('NODE_ENV must be development, production or test');

  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const demoText = env.LEADGRAPH_DEMO?.trim() ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(demoText)) problems.push('LEADGRAPH_DEMO must be 1 or 0');
  const demoForced = demoText === '1' || demoText === 'true';

  const compileText = env.GRAPHQL_COMPILE_AFTER?.trim() || '2';
  const compileAfter = Number(compileText);
  if (!/^\d+$/.test(compileText) || compileAfter > 1_000_000)
    problems.push('GRAPHQL_COMPILE_AFTER must be a whole number from 0 to 1000000');
  const maxFieldsText = env.GRAPHQL_COMPILE_MAX_FIELDS?.trim() || undefined;
  const compileMaxFields = maxFieldsText === undefined ? undefined : Number(maxFieldsText);
  if (maxFieldsText !== undefined && (!/^\d+$/.test(maxFieldsText) || compileMaxFields! < 1 || compileMaxFields! > 100_000))
    problems.push('GRAPHQL_COMPILE_MAX_FIELDS must be a whole number from 1 to 100000');

  const shareText = env.GRAPHQL_SHARE_IDENTICAL?.trim() ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(shareText)) problems.push('GRAPHQL_SHARE_IDENTICAL must be 1 or 0');
  const shareIdenticalQueries = shareText !== '0' && shareText !== 'false';

  const webApp = readWebAppServing(env, nodeEnvText);
  problems.push(...webApp.problems);

  const providers: ConfiguredProvider[] = [];
  let providerProblems = 0;
  const providerEnv = trackReads(env);
  for (const module of modules) {
    const result = module.readConfig(providerEnv.env);
    providerProblems += result.problems.length;
    problems.push(...result.problems);
    if (result.config) providers.push({ module, config: result.config });
  }

  const security = readSecurityConfig(env, nodeEnvText);
  problems.push(...security.problems);

  const resilience = readResilienceConfig(env);
  problems.push(...resilience.problems);

  // Federated traces name types and fields: served only where introspection is (unless told).
  const server = readServerConfig(env, security.config.introspection);
  problems.push(...server.problems);
  // Two listeners cannot share a port: said here, naming both, rather than as EADDRINUSE from listen.
  if (server.settings.opsPort && server.settings.opsPort === port)
    problems.push('OPS_PORT must differ from PORT (the ops endpoints need a port of their own)');

  // Production never falls back to the simulators on its own: a typo in one variable name would
  // store real leads in memory and lose them on restart. Only LEADGRAPH_DEMO=1 says so explicitly.
  if (nodeEnvText === 'production' && !demoForced && providers.length === 0 && providerProblems === 0)
    problems.push(
      'no provider is configured in production: set KEYSPOT_* and/or TESSELYS_* credentials, or LEADGRAPH_DEMO=1 to run on the built-in simulators on purpose',
    );
  const demo = demoForced || (providers.length === 0 && providerProblems === 0 && nodeEnvText !== 'production');
  // A real deployment's leads are personal data: production needs LEADGRAPH_DATA_KEY. The demo
  // store holds only simulator data, so a production gateway forced into demo mode may use a local key.
  const store = readStoreConfig(env, storeEnvOf(nodeEnvText, demo));
  problems.push(...store.problems);
  const redis = readRedisSettings(env);
  problems.push(...redis.problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const unread = unreadVariables(
    env,
    modules.map((module) => `${module.provider}_`),
    providerEnv.read,
  );
  return {
    port,
    nodeEnv: nodeEnvText as NodeEnv,
    logLevel,
    demo,
    ...(demo ? { demoReason: demoForced ? ('forced' as const) : ('no-provider-configured' as const) } : {}),
    providers: demo ? [] : providers,
    security: security.config,
    resilience: resilience.settings,
    server: server.settings,
    store: store.config,
    ...(redis.settings ? { redis: redis.settings } : {}),
    compileAfter,
    shareIdenticalQueries,
    ...(compileMaxFields !== undefined ? { compileMaxFields } : {}),
    webApp: webApp.serving,
    ...(unread.length ? { unreadProviderVariables: unread } : {}),
  };
}

/** The environment the store judges its key by: demo mode is never production data. */
export function storeEnvOf(nodeEnv: string, demo: boolean): string {
  return demo ? 'demo' : nodeEnv;
}
