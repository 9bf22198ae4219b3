/**
 * Starts what an integration test needs, all on ephemeral ports: both provider simulators and a
 * gateway pointed at them through the environment, exactly as an operator would configure it for
 * the real providers. The clock is injectable so token expiry is tested without sleeping.
 */
import {
  startKeyspotSimulator,
  type KeyspotSimulator,
  type KeyspotSimulatorOptions,
} from '../../src/providers/keyspot/simulator/keyspot.simulator';
import {
  startTesselysSimulator,
  type TesselysSimulator,
  type TesselysSimulatorOptions,
} from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { startGateway, type RunningGateway } from '../../src/server/gateway';
import { captureLogs, type CapturedLogs } from './log-capture';
import { testStoreEnv, type TestStoreKind } from './test-database';
import { recordOperation } from './operation-recorder';
import { keyspotEnv, tesselysEnv } from './simulator-env';

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function testClock(start = Date.UTC(2026, 10, 21, 12, 0, 0)): TestClock {
  let current = start;
  return { now: () => current, advance: (ms) => void (current += ms) };
}

export interface GraphQLResponse<TData = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestStack {
  gateway: RunningGateway;
  keyspot: KeyspotSimulator;
  tesselys: TesselysSimulator;
  clock: TestClock;
  logs: CapturedLogs;
  gql<TData = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
  /** Upstream calls counted by both simulators since the last reset. */
  upstreamCalls(): number;
  resetCounters(): void;
  close(): Promise<void>;
}

export interface TestStackOptions {
  keyspot?: KeyspotSimulatorOptions;
  tesselys?: TesselysSimulatorOptions;
  /** Extra or overriding environment for the gateway (e.g. KEYSPOT_API_TOKEN). */
  env?: Record<string, string | undefined>;
  /** Leave a provider unconfigured. */
  omit?: Array<'keyspot' | 'tesselys'>;
  /** How long /readyz reuses a probe result (ms). */
  readinessCacheMs?: number;
  /** The gateway's store: its own empty SQLite file (default) or PostgreSQL database, removed on close. */
  store?: TestStoreKind;
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const clock = testClock();
  const keyspot = await startKeyspotSimulator({ now: clock.now, ...options.keyspot });
  const tesselys = await startTesselysSimulator({ now: clock.now, ...options.tesselys });
  const logs = captureLogs();
  let store: Awaited<ReturnType<typeof testStoreEnv>>;
  try {
    store = await testStoreEnv(options.store);
  } catch (error) {
    await Promise.all([keyspot.close(), tesselys.close()]);
    throw error;
  }
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    ...store.env,
    // Tests run the engine steady traffic runs: every document compiled from its first use.
    GRAPHQL_COMPILE_AFTER: '1',
    ...(options.omit?.includes('keyspot') ? {} : keyspotEnv(keyspot)),
    ...(options.omit?.includes('tesselys') ? {} : tesselysEnv(tesselys)),
    ...options.env,
  };
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      env: env as NodeJS.ProcessEnv,
      port: 0,
      logger: logs.logger,
      now: clock.now,
      ...(options.readinessCacheMs !== undefined ? { readinessCacheMs: options.readinessCacheMs } : {}),
    });
  } catch (error) {
    await Promise.all([keyspot.close(), tesselys.close()]);
    await store.remove();
    throw error;
  }

  return {
    gateway,
    keyspot,
    tesselys,
    clock,
    logs,
    async gql(query, variables, headers) {
      recordOperation(query, variables);
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: any[] };
      return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
    },
    upstreamCalls: () => keyspot.counters.count() + tesselys.counters.count(),
    resetCounters() {
      keyspot.counters.reset();
      tesselys.counters.reset();
    },
    async close() {
      await gateway.close();
      await Promise.all([keyspot.close(), tesselys.close()]);
      await store.remove();
    },
  };
}
