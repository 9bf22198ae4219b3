/**
 * Tesselys, except that listing throws what a bug would throw (a plain Error such as a TypeError,
 * never a ProviderError): for tests of how the gateway masks and logs unexpected errors.
 */
import type { LeadProviderAdapter, ProviderModule } from '../../src/providers/provider-adapter';
import { tesselysModule } from '../../src/providers/tesselys';
import { startTesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { startGateway, type RunningGateway } from '../../src/server/gateway';
import { scratchStoreEnv } from './test-database';
import { captureLogs, type CapturedLogs } from './log-capture';
import { tesselysEnv } from './simulator-env';

export function tesselysWhoseListThrows(error: () => Error): ProviderModule<any> {
  return {
    ...tesselysModule,
    connect(config, deps, options) {
      const connection = tesselysModule.connect(config, deps, options);
      return {
        ...connection,
        forRequest(scope) {
          const broken: LeadProviderAdapter = Object.create(connection.forRequest(scope));
          broken.listLeads = async () => {
            throw error();
          };
          return broken;
        },
      };
    },
  };
}

export interface BrokenListingGateway {
  gateway: RunningGateway;
  logs: CapturedLogs;
  close(): Promise<void>;
}

/** A gateway (its logs captured) over a real Tesselys simulator whose listing throws `error()`. */
export async function startGatewayWithBrokenListing(error: () => Error, env: Record<string, string>): Promise<BrokenListingGateway> {
  const sim = await startTesselysSimulator();
  const logs = captureLogs();
  const gateway = await startGateway({
    env: {
      ...scratchStoreEnv(),
      ...env,
      ...tesselysEnv(sim),
    },
    port: 0,
    logger: logs.logger,
    modules: [tesselysWhoseListThrows(error)],
  }).catch(async (failure: unknown) => {
    await sim.close();
    throw failure;
  });
  return {
    gateway,
    logs,
    async close() {
      await gateway.close();
      await sim.close();
    },
  };
}
