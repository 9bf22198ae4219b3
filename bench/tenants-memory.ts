/**
 * `npm run bench:tenants`: memory with many tenants (issue #16). One Tesselys simulator process, one
 * gateway process (the `npm start` node flags, production mode, its own store); through the admin
 * API, TENANTS (default 500) tenants each get Tesselys credentials and a key; then each tenant's key
 * reads one page once. Prints the gateway's RSS (from /proc) at start, after the tenants are set up
 * and after the reads, each after a forced settle (two quiet seconds).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startProcess, startScriptNodeFlags, TESSELYS, TESSELYS_HEADERS, waitFor } from './bench-process';

const TENANTS = Number(process.env.TENANTS ?? 500);
const ADMIN_KEY = `admin-${randomBytes(12).toString('hex')}`;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

async function settledRss(pid: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return rssMb(pid);
}

async function main(): Promise<void> {
  const [keyspotPort, tesselysPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  const sim = startProcess(['dist/src/simulators/main.js'], {
    SIMULATOR_PORT_KEYSPOT: String(keyspotPort),
    SIMULATOR_PORT_TESSELYS: String(tesselysPort),
    NODE_ENV: 'production',
  });
  const simUrl = `http://127.0.0.1:${tesselysPort}`;
  await waitFor(`${simUrl}/external/v1/leads?limit=1`, TESSELYS_HEADERS);
  const flags = startScriptNodeFlags().split(' ').filter(Boolean);
  const gateway = startProcess([...flags, 'dist/src/main.js'], {
    NODE_ENV: 'production',
    LEADGRAPH_DATA_DIR: mkdtempSync(join(tmpdir(), 'leadgraph-bench-tenants-')),
    LEADGRAPH_DATA_KEY: randomBytes(32).toString('base64'),
    PORT: String(gatewayPort),
    API_KEYS: JSON.stringify([{ name: 'admin', key: ADMIN_KEY, scopes: ['tenants:admin'] }]),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    TESSELYS_BASE_URL: simUrl,
    TESSELYS_ACCESS_TOKEN: TESSELYS.accessToken,
    TESSELYS_COMPANY_TOKEN: TESSELYS.companyToken,
  });
  const url = `http://127.0.0.1:${gatewayPort}/graphql`;
  const gql = async (key: string, query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
    return body.data;
  };
  try {
    await waitFor(`http://127.0.0.1:${gatewayPort}/healthz`);
    const pid = gateway.pid!;
    const atStart = await settledRss(pid);
    const keys: string[] = [];
    for (let i = 0; i < TENANTS; i++) {
      const slug = `tenant-${i}`;
      await gql(ADMIN_KEY, 'mutation($s: String!) { createTenant(slug: $s, name: $s) { slug } }', { s: slug });
      await gql(
        ADMIN_KEY,
        'mutation($s: String!, $i: ProviderCredentialsInput!) { setProviderCredentials(tenant: $s, provider: TESSELYS, input: $i) { slug } }',
        { s: slug, i: { baseUrl: simUrl, ...TESSELYS } },
      );
      keys.push(
        (
          await gql(ADMIN_KEY, 'mutation($s: String!) { createApiKey(tenant: $s, name: "bench", scopes: [LEADS_READ]) { secret } }', {
            s: slug,
          })
        ).createApiKey.secret,
      );
    }
    const afterSetUp = await settledRss(pid);
    for (const key of keys) await gql(key, '{ leads(filter: { provider: TESSELYS }, first: 20) { totalCount nodes { id title } } }');
    const afterReads = await settledRss(pid);
    process.stdout.write(
      `${JSON.stringify({ tenants: TENANTS, rssMb: { atStart, afterSetUp, afterReads }, perTenantKb: Math.round(((afterReads - atStart) * 1024) / TENANTS) })}\n`,
    );
  } finally {
    gateway.kill('SIGTERM');
    sim.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
