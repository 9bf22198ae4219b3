/**
 * The real gateway in demo mode (its simulators, seeded with the demo leads) on an ephemeral port,
 * serving the built inbox at `/`, exactly as `npm start` runs it with no provider configured. The
 * simulators' fault API is on, so a test can make a provider fail. Its store lives in a temporary
 * directory; its log lines are kept in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type RunningGateway } from '../../../src/server/gateway';
import { captureLogs } from '../../../test/support/log-capture';

export const WEB_ROOT = join(__dirname, '..', '..', 'dist');

export interface DemoGateway {
  gateway: RunningGateway;
  /** The demo simulator's base URL for a provider, e.g. `tesselys`. */
  simulatorUrl(provider: string): string;
  close(): Promise<void>;
}

export async function startDemoGateway(env: Record<string, string> = {}): Promise<DemoGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leadgraph-web-'));
  const gateway = await startGateway({
    env: { NODE_ENV: 'development', LEADGRAPH_DEMO: '1', LEADGRAPH_DATA_DIR: dataDir, ...env },
    port: 0,
    logger: captureLogs('warn').logger,
    demoControl: true,
    webRoot: WEB_ROOT,
  });
  return {
    gateway,
    simulatorUrl(provider) {
      const found = gateway.demoSimulators.find((sim) => sim.provider.toLowerCase() === provider.toLowerCase());
      if (!found) throw new Error(`no demo simulator for ${provider}`);
      return found.url;
    },
    async close() {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
