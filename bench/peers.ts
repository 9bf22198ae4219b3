/**
 * `npm run bench:peers`: LeadGraph beside a peer built for the same job, in one run on one simulator.
 * The peer is Hive Gateway (GraphQL Mesh v1) serving a `@omnigraph/json-schema` source over the
 * Tesselys list endpoint (bench/peers/mesh.config.mjs, composed here with `mesh-compose`); its
 * packages live in bench/peers/ with their own lock file, installed by the npm script, never by the
 * root `npm ci`.
 *
 * Same pages for both: every filter (none, status NEW, status CONTACTED, search "a") and order
 * (default, title ascending), up to 4 pages of 20 each, and the same fields: every field of the
 * Tesselys lead on the peer, the Lead fields holding them on LeadGraph (BENCH_PEERS_FIELDS=all: every
 * Lead field with `raw` and cursors, as scenario (b), a ~2.7× larger answer). Before measuring, each
 * page is asked of both and their ids compared: a mismatch stops the bench. Then the two are loaded
 * alternately (LeadGraph, peer, LeadGraph, peer; autocannon, same connections and duration), and
 * each one's CPU per request (from /proc), throughput and peak RSS are reported with the ratios.
 *
 * LeadGraph runs as in `npm run bench` (production, `npm start`'s node flags, API key checked,
 * operation logs written, a stored tenant's key); Hive Gateway as its CLI starts it (`hive-gateway supergraph`, one
 * process, NODE_ENV=production, node's default flags), with BENCH_PEERS_HIVE_ARGS added (e.g. --jit).
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 20), BENCH_ROUNDS (default 2), BENCH_PEERS_FIELDS.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cpuSeconds,
  freePort,
  load,
  type Measured,
  peakRssMb,
  ROOT,
  startProcess,
  startScriptNodeFlags,
  startSimulators,
  stopProcess,
  TESSELYS,
  waitFor,
} from './bench-process';
import { adminKeyEntry, createBenchTenant, LEAD_FIELDS, startLeadGraph } from './leadgraph-gateway';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Math.max(3, Math.round(SECONDS / 2));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PEERS = join(ROOT, 'bench', 'peers');
const ADMIN_KEY = `bench-admin-${randomBytes(12).toString('hex')}`;
const PAGE_SIZE = 20;

const PEER_FIELDS = 'id title personId personName status sourceChannel description tags isActive createdAt updatedAt';
/** LeadGraph's fields holding what the peer's hold (id, title, person, status, channel, ...); BENCH_PEERS_FIELDS=all: every Lead field, `raw` and each edge's cursor included, as (b). */
const SAME_FIELDS = 'providerLeadId title contact { personId name } providerStatus source description tags isActive createdAt updatedAt';
const ALL_FIELDS = process.env.BENCH_PEERS_FIELDS === 'all';
const LEADGRAPH_SELECTION = ALL_FIELDS ? `edges { cursor node { ${LEAD_FIELDS} } }` : `nodes { ${SAME_FIELDS} }`;
const LEADGRAPH_QUERY = `query Bench($after: String, $filter: LeadFilter, $orderBy: LeadOrder) { leads(first: ${PAGE_SIZE}, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } ${LEADGRAPH_SELECTION} } }`;
const PEER_QUERY = `query Bench($page: Int, $status: String, $search: String, $orderBy: String, $order: String) { leads(page: $page, limit: ${PAGE_SIZE}, status: $status, search: $search, orderBy: $orderBy, order: $order) { meta { total } data { ${PEER_FIELDS} } } }`;

interface Side {
  name: string;
  process: ChildProcess;
  url: string;
  headers: Record<string, string>;
  bodies: string[];
}

/** The answer's data and its size in bytes (what each side serialises and writes per request). */
async function post(url: string, headers: Record<string, string>, body: string): Promise<{ data: any; bytes: number }> {
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  const answer = JSON.parse(text) as { data?: any; errors?: unknown[] };
  if (!res.ok || answer.errors) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 500)}`);
  return { data: answer.data, bytes: Buffer.byteLength(text) };
}

/** The supergraph of bench/peers/mesh.config.mjs over the simulator at `tesselysUrl`, in a scratch file. */
function compose(tesselysUrl: string): string {
  const output = join(mkdtempSync(join(tmpdir(), 'leadgraph-peers-')), 'supergraph.graphql');
  const composed = spawnSync(process.execPath, [realpathSync(join(PEERS, 'node_modules', '.bin', 'mesh-compose')), '-o', output], {
    cwd: PEERS,
    env: { ...process.env, TESSELYS_BASE_URL: tesselysUrl },
    encoding: 'utf8',
  });
  if (composed.status !== 0) throw new Error(`mesh-compose failed: ${composed.stderr || composed.stdout}`);
  return output;
}

/**
 * Both sides' bodies for the same pages, each page's ids checked equal: LeadGraph walks its cursors,
 * the peer asks for the page number.
 */
async function samePages(
  leadGraph: Omit<Side, 'bodies'>,
  peer: Omit<Side, 'bodies'>,
): Promise<{ ours: string[]; theirs: string[]; compared: number; bytes: { ours: number; theirs: number } }> {
  const ours: string[] = [];
  const theirs: string[] = [];
  const bytes = { ours: 0, theirs: 0 };
  let compared = 0;
  for (const condition of [{}, { status: 'NEW' }, { status: 'CONTACTED' }, { search: 'a' }]) {
    for (const order of [undefined, { field: 'TITLE', direction: 'ASC' }]) {
      let after: string | null = null;
      for (let page = 1; page <= 4; page++) {
        const leadGraphBody: string = JSON.stringify({
          query: LEADGRAPH_QUERY,
          variables: { after, filter: { provider: 'TESSELYS', ...condition }, orderBy: order },
        });
        const peerBody = JSON.stringify({
          query: PEER_QUERY,
          variables: { page, ...condition, ...(order ? { orderBy: 'title', order: 'ASC' } : {}) },
        });
        const ourAnswer = await post(leadGraph.url, leadGraph.headers, leadGraphBody);
        const theirAnswer = await post(peer.url, peer.headers, peerBody);
        bytes.ours += ourAnswer.bytes;
        bytes.theirs += theirAnswer.bytes;
        const a: any = ourAnswer.data.leads;
        const b: any = theirAnswer.data.leads;
        const aNodes = (a.nodes ?? a.edges.map((edge: { node: unknown }) => edge.node)) as Array<{ providerLeadId: string }>;
        const aIds = aNodes.map((lead) => lead.providerLeadId);
        const bIds = (b.data as Array<{ id: string }>).map((lead) => lead.id);
        if (aIds.join() !== bIds.join() || a.totalCount !== b.meta.total)
          throw new Error(
            `different answers for ${peerBody}: LeadGraph ${aIds.join()} (${a.totalCount}), peer ${bIds.join()} (${b.meta.total})`,
          );
        if (!aIds.length) throw new Error(`an empty page compares nothing: ${peerBody}`);
        ours.push(leadGraphBody);
        theirs.push(peerBody);
        compared += aIds.length;
        if (!a.pageInfo.hasNextPage) break;
        after = a.pageInfo.endCursor;
      }
    }
  }
  return {
    ours,
    theirs,
    compared,
    bytes: { ours: Math.round(bytes.ours / ours.length), theirs: Math.round(bytes.theirs / theirs.length) },
  };
}

/** GraphQL errors answered with a 200 under load (autocannon counts them as successes), per side. */
const graphqlErrors = new Map<string, number>();

function loadOptions(side: Side, seconds: number) {
  let next = 0;
  return {
    url: side.url,
    method: 'POST' as const,
    headers: side.headers,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (req: any) => ({ ...req, body: side.bodies[next++ % side.bodies.length] }),
        onResponse: (_status: number, body: string) => {
          if (body.startsWith('{"errors"') || body.includes('},"errors":'))
            graphqlErrors.set(side.name, (graphqlErrors.get(side.name) ?? 0) + 1);
        },
      },
    ],
  };
}

/** One measured load of `side`: its CPU and the simulator's per request, from /proc. */
async function measure(side: Side, simulator: ChildProcess): Promise<Measured & { cpuUsPerOp: { target: number; upstream: number } }> {
  const before = [cpuSeconds(side.process.pid!), cpuSeconds(simulator.pid!)] as const;
  const result = await load(loadOptions(side, SECONDS));
  const perOp = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, result.requests));
  const cpuUsPerOp = {
    target: perOp(cpuSeconds(side.process.pid!) - before[0]),
    upstream: perOp(cpuSeconds(simulator.pid!) - before[1]),
    loadGenerator: 0,
  };
  const failed = result.errors + result.non2xx + (graphqlErrors.get(side.name) ?? 0);
  if (failed) throw new Error(`${side.name}: ${failed} failed requests under load (transport, non-2xx or GraphQL errors)`);
  process.stderr.write(
    `  ${side.name}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms; ` +
      `CPU µs/req itself ${cpuUsPerOp.target}, simulator ${cpuUsPerOp.upstream}; peak RSS so far ${peakRssMb(side.process.pid!)} MB\n`,
  );
  return { ...result, cpuUsPerOp };
}

async function main(): Promise<void> {
  const simulators = await startSimulators();
  const started: ChildProcess[] = [simulators.process];
  try {
    const [leadGraphPort, peerPort] = [await freePort(), await freePort()];
    const leadGraphProcess = startLeadGraph({
      port: leadGraphPort,
      simulators: { tesselys: simulators.tesselysUrl, keyspot: simulators.keyspotUrl },
      nodeArgs: startScriptNodeFlags().split(' ').filter(Boolean),
      apiKeys: JSON.stringify([adminKeyEntry(ADMIN_KEY)]),
    });
    started.push(leadGraphProcess);
    const hive = realpathSync(join(PEERS, 'node_modules', '.bin', 'hive-gateway'));
    const peerArgs = (process.env.BENCH_PEERS_HIVE_ARGS ?? '').split(' ').filter(Boolean);
    const peerProcess = startProcess(
      [hive, 'supergraph', compose(simulators.tesselysUrl), '--host', '127.0.0.1', '--port', String(peerPort), '--fork', '1', ...peerArgs],
      { NODE_ENV: 'production', TESSELYS_ACCESS_TOKEN: TESSELYS.accessToken, TESSELYS_COMPANY_TOKEN: TESSELYS.companyToken },
      PEERS,
    );
    started.push(peerProcess);
    await waitFor(`http://127.0.0.1:${leadGraphPort}/healthz`);
    await waitFor(`http://127.0.0.1:${peerPort}/readiness`);
    // As in `npm run bench`: a tenant's key and provider credentials, resolved from the store.
    const tenantKey = await createBenchTenant(`http://127.0.0.1:${leadGraphPort}/graphql`, ADMIN_KEY, {
      tesselys: simulators.tesselysUrl,
      keyspot: simulators.keyspotUrl,
    });

    const leadGraph = {
      name: 'LeadGraph',
      process: leadGraphProcess,
      url: `http://127.0.0.1:${leadGraphPort}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenantKey}` },
    };
    const peer = {
      name: `Hive Gateway${peerArgs.length ? ` ${peerArgs.join(' ')}` : ''}`,
      process: peerProcess,
      url: `http://127.0.0.1:${peerPort}/graphql`,
      headers: { 'content-type': 'application/json' },
    };
    const pages = await samePages(leadGraph, peer);
    const { ours: leadGraphBodies, theirs: peerBodies, compared } = pages;
    const sides: Side[] = [
      { ...leadGraph, bodies: leadGraphBodies },
      { ...peer, bodies: peerBodies },
    ];
    process.stderr.write(
      `bench:peers: ${leadGraphBodies.length} pages, ${compared} ids the same on both; ${SECONDS}s per run, ${CONNECTIONS} connections, ${ROUNDS} rounds alternated\n`,
    );
    for (const side of sides) await load(loadOptions(side, WARMUP_SECONDS));

    const runs: Record<string, Array<Measured & { cpuUsPerOp: { target: number; upstream: number } }>> = { LeadGraph: [], peer: [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.LeadGraph!.push(await measure(sides[0]!, simulators.process));
      runs.peer!.push(await measure(sides[1]!, simulators.process));
    }
    const summary = (measured: Array<Measured & { cpuUsPerOp: { target: number; upstream: number } }>, child: ChildProcess) => {
      const requests = measured.reduce((sum, m) => sum + m.requests, 0);
      return {
        requestsPerSecond: measured.reduce((sum, m) => sum + m.requestsPerSecond, 0) / measured.length,
        requestsPerSecondRange: [
          Math.min(...measured.map((m) => m.requestsPerSecond)),
          Math.max(...measured.map((m) => m.requestsPerSecond)),
        ],
        cpuUsPerRequest: Math.round(measured.reduce((sum, m) => sum + m.cpuUsPerOp.target * m.requests, 0) / requests),
        cpuUsPerRequestRange: [
          Math.min(...measured.map((m) => m.cpuUsPerOp.target)),
          Math.max(...measured.map((m) => m.cpuUsPerOp.target)),
        ],
        simulatorCpuUsPerRequest: Math.round(measured.reduce((sum, m) => sum + m.cpuUsPerOp.upstream * m.requests, 0) / requests),
        p99Ms: Math.max(...measured.map((m) => m.p99)),
        peakRssMb: peakRssMb(child.pid!),
      };
    };
    const ours = summary(runs.LeadGraph!, leadGraphProcess);
    const theirs = summary(runs.peer!, peerProcess);
    const results = {
      when: new Date().toISOString(),
      seconds: SECONDS,
      connections: CONNECTIONS,
      rounds: ROUNDS,
      pages: leadGraphBodies.length,
      idsCompared: compared,
      peer: peer.name,
      leadGraphFields: ALL_FIELDS ? 'all' : 'same as the peer',
      leadGraph: { ...ours, responseBytes: pages.bytes.ours },
      hiveGateway: { ...theirs, responseBytes: pages.bytes.theirs },
      ratios: {
        throughput_leadgraph_over_peer: ours.requestsPerSecond / theirs.requestsPerSecond,
        cpu_per_request_leadgraph_over_peer: ours.cpuUsPerRequest / theirs.cpuUsPerRequest,
        peak_rss_leadgraph_over_peer: ours.peakRssMb / theirs.peakRssMb,
      },
    };
    writeFileSync(join(PEERS, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const row = (name: string, s: typeof ours) =>
      `| ${name.padEnd(24)} | ${Math.round(s.requestsPerSecond).toString().padStart(5)} (${s.requestsPerSecondRange.map(Math.round).join('–')}) | ${String(s.cpuUsPerRequest).padStart(5)} (${s.cpuUsPerRequestRange.join('–')}) | ${String(s.simulatorCpuUsPerRequest).padStart(6)} | ${s.p99Ms.toFixed(0).padStart(6)} | ${s.peakRssMb.toFixed(0).padStart(8)} |`;
    process.stdout.write(
      [
        `| gateway                  | req/s (range)       | CPU µs/req (range)  | sim µs | p99 ms | peak RSS |`,
        `|--------------------------|---------------------|---------------------|--------|--------|----------|`,
        row('LeadGraph', ours),
        row(peer.name, theirs),
        '',
        `LeadGraph over ${peer.name}: throughput ${results.ratios.throughput_leadgraph_over_peer.toFixed(2)}×, ` +
          `CPU per request ${results.ratios.cpu_per_request_leadgraph_over_peer.toFixed(2)}×, peak RSS ${results.ratios.peak_rss_leadgraph_over_peer.toFixed(2)}×`,
        `${leadGraphBodies.length} pages, ${compared} ids compared equal before loading; mean answer ${pages.bytes.ours} bytes ` +
          `(LeadGraph: ${ALL_FIELDS ? 'every Lead field, raw and cursors included' : 'the fields the peer has'}) against ${pages.bytes.theirs}`,
        'results: bench/peers/results.json',
        '',
      ].join('\n'),
    );
  } finally {
    // The gateways first, one by one, so none of them is still answering when the simulator goes.
    for (const child of started.reverse()) await stopProcess(child);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:peers failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
