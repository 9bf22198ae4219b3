/**
 * A faithful in-process fake of Tesselys's external leads API (auth, strict validation, real
 * pagination, 404s) on the shared simulator harness, so the gateway's Tesselys adapter can be
 * tested over real HTTP with fault knobs, and the demo mode can run without the real provider.
 */
import { startSimulatorServer, type SimulatorServer } from '../../../simulators/simulator-server';
import type { TesselysLeadResource, TesselysPerson } from './tesselys.documented-api';
import { TesselysLeadStore } from './tesselys.lead-store';
import { tesselysRoutes } from './tesselys.routes';
import { DEFAULT_TESSELYS_LEAD_COUNT, DEFAULT_TESSELYS_SEED, generateTesselysSeed } from './tesselys.seed';

/** Demo-only values the demo mode wires into both the simulator and the gateway; not secrets. */
export const TESSELYS_DEMO_CREDENTIALS = { accessToken: 'tsl_demo_access_token', companyToken: 'tsl_demo_company_token' };

export interface TesselysSimulatorOptions {
  port?: number;
  host?: string;
  /** Mount the `/__control` API (off by default). */
  control?: boolean;
  /** Default TESSELYS_DEMO_CREDENTIALS. */
  accessToken?: string;
  companyToken?: string;
  /** PRNG seed for demo data, default 1. */
  seed?: number;
  /** Seeded leads, default 64. */
  leadCount?: number;
  /** A custom set instead of generated leads (`[]` = empty). */
  leads?: TesselysLeadResource[];
  /** Default: the seeded people. */
  people?: TesselysPerson[];
  /** ms clock for createdAt/updatedAt of new and updated leads; default Date.now. */
  now?: () => number;
}

export interface TesselysSimulator extends SimulatorServer {
  credentials: { accessToken: string; companyToken: string };
  /** Snapshot of the current store, in insertion order. */
  leads(): TesselysLeadResource[];
  people(): TesselysPerson[];
}

export async function startTesselysSimulator(options: TesselysSimulatorOptions = {}): Promise<TesselysSimulator> {
  const credentials = {
    accessToken: options.accessToken ?? TESSELYS_DEMO_CREDENTIALS.accessToken,
    companyToken: options.companyToken ?? TESSELYS_DEMO_CREDENTIALS.companyToken,
  };
  const seeded = generateTesselysSeed({
    seed: options.seed ?? DEFAULT_TESSELYS_SEED,
    leadCount: options.leadCount ?? DEFAULT_TESSELYS_LEAD_COUNT,
  });
  const store = new TesselysLeadStore(options.leads ?? seeded.leads, options.people ?? seeded.people, options.now ?? Date.now);
  const server = await startSimulatorServer({
    routes: tesselysRoutes(store, credentials),
    port: options.port,
    host: options.host,
    control: options.control,
  });
  return {
    ...server,
    credentials,
    leads: () => store.snapshot(),
    people: () => store.people(),
  };
}
