/**
 * `npm start`: reads the environment, starts the gateway (demo simulators when no provider is
 * configured), says where it listens, and shuts down cleanly on SIGTERM/SIGINT.
 */
import 'reflect-metadata';
import { ConfigError } from './config/gateway-config';
import { createLogger } from './logging/logger';
import { startGateway } from './server/gateway';

/** Beyond the shutdown grace (SHUTDOWN_GRACE_MS), how long closing may take before the process exits anyway. */
const SHUTDOWN_MARGIN_MS = 5_000;

async function main(): Promise<void> {
  // Human-readable lines on a developer's machine; JSON wherever logs are collected (LOG_FORMAT=json forces it).
  const pretty = (process.env.NODE_ENV ?? 'development') === 'development' && process.env.LOG_FORMAT !== 'json';
  const logger = createLogger({ level: process.env.LOG_LEVEL || 'info', pretty });
  let gateway;
  try {
    gateway = await startGateway({ logger, host: process.env.HOST || '0.0.0.0', defaultMetrics: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`config error: ${problem}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Signals are ours before the "listening" line goes out: whoever waits for that line may stop us at once.
  const running = gateway;
  const shutdown = (signal: string) => {
    const graceMs = running.config.server.shutdownGraceMs;
    logger.info({ signal, graceMs }, 'shutting down: no new connections; in-flight requests get up to the grace');
    // A last resort if something refuses to close: never hang a deployment's rollout.
    setTimeout(() => process.exit(1), graceMs + SHUTDOWN_MARGIN_MS).unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  const publicUrl = `http://localhost:${new URL(gateway.url.replace('[::]', 'localhost').replace('0.0.0.0', 'localhost')).port}`;
  if (gateway.config.demo) {
    logger.warn(
      { reason: gateway.config.demoReason, simulators: gateway.demoSimulators.map(({ provider, url }) => ({ provider, url })) },
      'DEMO MODE: built-in provider simulators with demo data stand in for the real providers',
    );
  }
  if (gateway.config.unreadProviderVariables)
    logger.warn(
      { unreadVariables: gateway.config.unreadProviderVariables },
      'environment variables the gateway does not read (misspelled?)',
    );
  logger.info(
    {
      graphql: `${publicUrl}/graphql`,
      ...(gateway.servesWebApp ? { inbox: `${publicUrl}/` } : {}),
      nodeEnv: gateway.config.nodeEnv,
      providers: gateway.config.providers.map(({ module }) => module.provider),
      ...(gateway.opsUrl ? { ops: gateway.opsUrl } : {}),
    },
    `LeadGraph listening on ${publicUrl}/graphql`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`LeadGraph failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
