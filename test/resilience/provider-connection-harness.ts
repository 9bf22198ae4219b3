/**
 * A Tesselys provider connection (pool, policy, single-flight) over a real simulator, without a
 * gateway: for what a GraphQL request cannot drive yet (a request scope's `signal`), and for
 * internal facts (an error's `delivery`) that never reach clients. Requests still go over real HTTP.
 */
import { SharedProviderPools } from '../../src/providers/provider-pools';
import type { ProviderConnection, RequestScope } from '../../src/providers/provider-adapter';
import { DEFAULT_RESILIENCE_SETTINGS, type ResilienceSettings } from '../../src/providers/resilience/resilience-settings';
import { tesselysModule } from '../../src/providers/tesselys';
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { captureLogs, type CapturedLogs } from '../support/log-capture';
import { testClock, type TestClock } from '../support/test-stack';

export interface ConnectionHarness {
  sim: TesselysSimulator;
  connection: ProviderConnection;
  logs: CapturedLogs;
  clock: TestClock;
  /** Upstream calls counted through request scopes. */
  upstreamCalls: number;
  scope(signal?: AbortSignal): RequestScope;
  close(): Promise<void>;
}

export async function startConnectionHarness(
  settings: Partial<ResilienceSettings> = {},
  credentials: { accessToken?: string; companyToken?: string } = {},
): Promise<ConnectionHarness> {
  const sim = await startTesselysSimulator();
  const logs = captureLogs();
  const clock = testClock();
  const pools = new SharedProviderPools({ maxBodyBytes: settings.maxBodyBytes });
  const connection = tesselysModule.connect(
    { baseUrl: sim.url, ...sim.credentials, ...credentials },
    { logger: logs.logger, now: clock.now, resilience: { ...DEFAULT_RESILIENCE_SETTINGS, ...settings } },
    { demo: false, pools },
  );
  const harness: ConnectionHarness = {
    sim,
    connection,
    logs,
    clock,
    upstreamCalls: 0,
    scope: (signal) => ({ logger: logs.logger, countUpstreamCall: () => void harness.upstreamCalls++, signal }),
    async close() {
      await connection.close();
      await pools.close();
      await sim.close();
    },
  };
  return harness;
}

/** What a promise settled with, without throwing. */
export function settled<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: any }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
