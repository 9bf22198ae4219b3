/**
 * The LeadGraph gateway as the benches run it: the compiled build in production mode, one process,
 * its own SQLite store in a scratch directory with a key made for the run, pointed at the simulators
 * as if they were the real providers, with the node flags `npm start` uses unless told otherwise.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYSPOT, startProcess, TESSELYS } from './bench-process';

/** Every field of a Lead: what (b) and the peers bench select. */
export const LEAD_FIELDS = `id provider providerLeadId title description contact { personId name email phone } status providerStatus
  source priority tags isActive property { id title } trafficOrigin createdAt updatedAt raw`;

export interface LeadGraphOptions {
  port: number;
  simulators: { tesselys: string; keyspot: string };
  /** Node flags (default: none; the runners pass `npm start`'s). */
  nodeArgs?: string[];
  /** The API_KEYS the gateway starts with (JSON, DESIGN.md's format). */
  apiKeys: string;
  /** Set last, over everything else (BENCH_GATEWAY_ENV included). */
  env?: Record<string, string>;
  /** The entry point: another build's (BENCH_BEFORE_DIST) to compare builds side by side. */
  main?: string;
}

export function startLeadGraph(options: LeadGraphOptions): ChildProcess {
  const { port, simulators, nodeArgs = [], apiKeys, env = {}, main = 'dist/src/main.js' } = options;
  return startProcess([...nodeArgs, main], {
    NODE_ENV: 'production',
    LEADGRAPH_DATA_DIR: mkdtempSync(join(tmpdir(), 'leadgraph-bench-')),
    LEADGRAPH_DATA_KEY: randomBytes(32).toString('base64'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_FORMAT: 'json',
    API_KEYS: apiKeys,
    RATE_LIMIT_PER_MINUTE: '0',
    TESSELYS_BASE_URL: simulators.tesselys,
    KEYSPOT_BASE_URL: simulators.keyspot,
    KEYSPOT_CLIENT_ID: KEYSPOT.clientId,
    KEYSPOT_CLIENT_SECRET: KEYSPOT.clientSecret,
    TESSELYS_ACCESS_TOKEN: TESSELYS.accessToken,
    TESSELYS_COMPANY_TOKEN: TESSELYS.companyToken,
    // Operation logs go to stdout, which the runner discards: logging cost stays in the measurement.
    // BENCH_GATEWAY_ENV (JSON) overrides any of these, to compare configurations.
    ...(JSON.parse(process.env.BENCH_GATEWAY_ENV ?? '{}') as Record<string, string>),
    ...env,
  });
}

/** An operator key (API_KEYS) that may create tenants; the runners add it to the gateway's API_KEYS. */
export function adminKeyEntry(key: string): { name: string; key: string; scopes: string[] } {
  return { name: 'bench-admin', key, scopes: ['tenants:admin'] };
}

/**
 * A tenant as production has them: its credentials for both providers (pointed at the simulators)
 * and an API key, all in the gateway's store, made through the admin API with `adminKey`. Returns
 * the tenant's key (leads:read and leads:write), which the gateway resolves from the store (cached).
 */
export async function createBenchTenant(
  graphqlUrl: string,
  adminKey: string,
  simulators: { tesselys: string; keyspot: string },
): Promise<string> {
  const admin = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await res.json()) as { data?: any; errors?: unknown[] };
    if (answer.errors) throw new Error(`bench tenant set-up failed: ${JSON.stringify(answer.errors).slice(0, 500)}`);
    return answer.data;
  };
  const slug = 'bench';
  const setCredentials =
    'mutation($s: String!, $p: LeadProvider!, $i: ProviderCredentialsInput!) { setProviderCredentials(tenant: $s, provider: $p, input: $i) { slug } }';
  await admin('mutation($s: String!) { createTenant(slug: $s, name: $s) { slug } }', { s: slug });
  await admin(setCredentials, { s: slug, p: 'TESSELYS', i: { baseUrl: simulators.tesselys, ...TESSELYS } });
  await admin(setCredentials, { s: slug, p: 'KEYSPOT', i: { baseUrl: simulators.keyspot, ...KEYSPOT } });
  const created = await admin(
    'mutation($s: String!) { createApiKey(tenant: $s, name: "bench", scopes: [LEADS_READ, LEADS_WRITE]) { secret } }',
    {
      s: slug,
    },
  );
  return created.createApiKey.secret as string;
}
