/**
 * `npm run bench:replicas`: throughput of 1, 2 and 3 gateway replicas driven round-robin, side by
 * side in one run, with the CPU each request cost (docs/scale-out.md has the numbers).
 *
 * Processes: the simulators (standalone, 0 ms latency), three compiled gateways in production mode
 * sharing one PostgreSQL database (made for the run and dropped after) and one Redis (a key prefix
 * of the run's own, deleted after), rate limits on and shared through Redis (a limit no run
 * reaches, so every request pays the Redis round trip a real deployment pays), and this runner,
 * which drives the first 1, 2 or 3 gateways with autocannon (connections spread over them in
 * turn): `leads(first: 20)` on Tesselys, varied cursors. CPU per request is from /proc for the
 * gateways (summed) and the simulator, and process.cpuUsage for the load generator: all of them
 * share this machine's cores, so on 2 cores more replicas add capacity only until the cores run
 * out; the CPU per request shows what each replica costs.
 *
 * BENCH_SECONDS (default 10) per step, BENCH_CONNECTIONS (default 24, a multiple of 1, 2 and 3).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { createBenchDatabase } from './bench-database';
import {
  cpuSeconds,
  freePort,
  KEYSPOT,
  ROOT,
  startProcess,
  startScriptNodeFlags,
  TESSELYS,
  TESSELYS_HEADERS,
  waitFor,
} from './bench-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 24);
const REDIS_URL = process.env.BENCH_REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
const API_KEY = `bench-${randomBytes(12).toString('hex')}`;
const PREFIX = `leadgraph-bench:${randomBytes(6).toString('hex')}:`;

interface Step {
  replicas: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU µs per request: all gateways together, the simulator, the load generator. */
  cpuUsPerRequest: { gateways: number; simulator: number; loadGenerator: number };
}

const LIST = `query($after: String) { leads(first: 20, after: $after, filter: { provider: TESSELYS }) {
  totalCount pageInfo { endCursor hasNextPage } nodes { id title description status source createdAt } } }`;

/** `leads(first: 20)` bodies for the first pages (cursors walked through the gateway), so no cache helps. */
async function listBodies(url: string): Promise<string[]> {
  const bodies: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 4; page++) {
    const body = JSON.stringify({ query: LIST, variables: after ? { after } : {} });
    bodies.push(body);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
      body,
    });
    const answer = (await response.json()) as {
      data?: { leads: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
      errors?: unknown;
    };
    if (!answer.data) throw new Error(`bench leads failed: ${JSON.stringify(answer.errors)}`);
    if (!answer.data.leads.pageInfo.hasNextPage) break;
    after = answer.data.leads.pageInfo.endCursor ?? undefined;
  }
  return bodies;
}

function load(urls: string[], bodies: string[], seconds: number): Promise<autocannon.Result> {
  let turn = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        // autocannon takes several URLs and spreads the connections over them in turn (its types say string only).
        url: urls as unknown as string,
        connections: CONNECTIONS,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
        requests: [{ setupRequest: (request) => ({ ...request, body: bodies[turn++ % bodies.length] }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** The mean of two runs of one count (rounded). */
function average(runs: Step[]): Step {
  const mean = (pick: (step: Step) => number) => Math.round(runs.reduce((sum, step) => sum + pick(step), 0) / runs.length);
  return {
    replicas: runs[0]!.replicas,
    requestsPerSecond: mean((s) => s.requestsPerSecond),
    p50: mean((s) => s.p50),
    p99: mean((s) => s.p99),
    non2xx: runs.reduce((sum, s) => sum + s.non2xx, 0),
    errors: runs.reduce((sum, s) => sum + s.errors, 0),
    cpuUsPerRequest: {
      gateways: mean((s) => s.cpuUsPerRequest.gateways),
      simulator: mean((s) => s.cpuUsPerRequest.simulator),
      loadGenerator: mean((s) => s.cpuUsPerRequest.loadGenerator),
    },
  };
}

async function main(): Promise<void> {
  const [keyspotPort, tesselysPort] = [await freePort(), await freePort()];
  const simulator = startProcess(
    ['dist/src/simulators/main.js'],
    { SIMULATOR_PORT_KEYSPOT: String(keyspotPort), SIMULATOR_PORT_TESSELYS: String(tesselysPort), NODE_ENV: 'production' },
    ROOT,
    'path-only',
  );
  const tesselysUrl = `http://127.0.0.1:${tesselysPort}`;
  await waitFor(`${tesselysUrl}/external/v1/leads?limit=1`, TESSELYS_HEADERS, 20_000);
  const database = await createBenchDatabase();
  const dataKey = randomBytes(32).toString('base64');
  const gateways: Array<{ process: ChildProcess; url: string }> = [];
  try {
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const gateway = startProcess(
        [...startScriptNodeFlags().split(' ').filter(Boolean), 'dist/src/main.js'],
        {
          NODE_ENV: 'production',
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_FORMAT: 'json',
          LEADGRAPH_DATA_DIR: mkdtempSync(join(tmpdir(), 'leadgraph-bench-replica-')),
          LEADGRAPH_DATA_KEY: dataKey,
          DATABASE_URL: database.url,
          REDIS_URL,
          REDIS_KEY_PREFIX: PREFIX,
          API_KEYS: JSON.stringify([{ name: 'bench', key: API_KEY, scopes: ['leads:read', 'leads:write'] }]),
          // On, shared through Redis, and never reached.
          RATE_LIMIT_PER_MINUTE: '100000000',
          RATE_LIMIT_BURST: '100000000',
          TESSELYS_BASE_URL: tesselysUrl,
          TESSELYS_ACCESS_TOKEN: TESSELYS.accessToken,
          TESSELYS_COMPANY_TOKEN: TESSELYS.companyToken,
          KEYSPOT_BASE_URL: `http://127.0.0.1:${keyspotPort}`,
          KEYSPOT_CLIENT_ID: KEYSPOT.clientId,
          KEYSPOT_CLIENT_SECRET: KEYSPOT.clientSecret,
        },
        ROOT,
        'path-only',
      );
      gateways.push({ process: gateway, url: `http://127.0.0.1:${port}/graphql` });
      // One at a time: the first migrates the database.
      await waitFor(`http://127.0.0.1:${port}/readyz`, {}, 20_000);
    }
    const bodies = await listBodies(gateways[0]!.url);
    // Every gateway warmed (compiled operations, pools, token caches) before anything is measured.
    await load(
      gateways.map((g) => g.url),
      bodies,
      Math.max(2, Math.round(SECONDS / 3)),
    );
    const steps: Step[] = [];
    // 1, 2, 3, then 3, 2, 1: a drift in the machine's load (other processes) weighs on every count alike.
    for (const count of [1, 2, 3, 3, 2, 1]) {
      const serving = gateways.slice(0, count);
      const before = {
        gateways: serving.reduce((sum, g) => sum + cpuSeconds(g.process.pid!), 0),
        simulator: cpuSeconds(simulator.pid!),
        self: process.cpuUsage(),
      };
      const result = await load(
        serving.map((g) => g.url),
        bodies,
        SECONDS,
      );
      const self = process.cpuUsage(before.self);
      const requests = result.requests.total;
      const perRequest = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, requests));
      steps.push({
        replicas: count,
        requestsPerSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        cpuUsPerRequest: {
          gateways: perRequest(serving.reduce((sum, g) => sum + cpuSeconds(g.process.pid!), 0) - before.gateways),
          simulator: perRequest(cpuSeconds(simulator.pid!) - before.simulator),
          loadGenerator: perRequest((self.user + self.system) / 1e6),
        },
      });
    }
    const averaged = [1, 2, 3].map((count) => average(steps.filter((step) => step.replicas === count)));
    const base = averaged[0]!.requestsPerSecond;
    process.stdout.write(
      `bench:replicas — ${SECONDS} s per step, order 1 2 3 3 2 1 (averaged per count), ${CONNECTIONS} connections round-robin, leads(first: 20) on Tesselys\n`,
    );
    process.stdout.write('replicas | req/s | vs 1 | p50 ms | p99 ms | non-2xx | CPU µs/req gateways | simulator | load generator\n');
    for (const step of averaged)
      process.stdout.write(
        `${step.replicas} | ${step.requestsPerSecond} | ${(step.requestsPerSecond / base).toFixed(2)} | ${step.p50} | ${step.p99} | ${step.non2xx + step.errors} | ` +
          `${step.cpuUsPerRequest.gateways} | ${step.cpuUsPerRequest.simulator} | ${step.cpuUsPerRequest.loadGenerator}\n`,
      );
    process.stdout.write(`${JSON.stringify({ cores: (await import('node:os')).cpus().length, steps })}\n`);
  } finally {
    for (const { process: child } of gateways) child.kill('SIGTERM');
    simulator.kill('SIGTERM');
    await Promise.all(
      [...gateways.map((g) => g.process), simulator].map(
        (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
      ),
    );
    await database.drop();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:replicas failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
