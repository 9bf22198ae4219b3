/**
 * `npm start`: reads the environment, starts the gateway (demo simulators when no provider is
 * configured), says where it listens, and shuts down cleanly on SIGTERM/SIGINT.
 */
import 'reflect-metadata';
import { ConfigError } from './config/gateway-config';
import { createLogger } from './logging/logger';
import { startGateway } from './server/gateway';

async function main(): Promise<void> {
  const logger = createLogger({ level: process.env.LOG_LEVEL || 'info' });
  let gateway;
  try {
    gateway = await startGateway({ logger, host: process.env.HOST || '0.0.0.0' });
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`config error: ${problem}\n`);
      process.exit(1);
    }
    throw error;
  }
  const publicUrl = `http://localhost:${new URL(gateway.url.replace('[::]', 'localhost').replace('0.0.0.0', 'localhost')).port}`;
  if (gateway.config.demo) {
    logger.warn(
      { reason: gateway.config.demoReason, simulators: gateway.demoSimulators.map(({ provider, url }) => ({ provider, url })) },
      'DEMO MODE: built-in provider simulators with demo data stand in for the real providers',
    );
  }
  logger.info({ graphql: `${publicUrl}/graphql`, nodeEnv: gateway.config.nodeEnv }, `LeadGraph listening on ${publicUrl}/graphql`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`LeadGraph failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
