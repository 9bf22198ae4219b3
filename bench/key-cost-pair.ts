/**
 * The idempotency key's CPU cost with both sides in the same window (docs/decisions/idempotency.md,
 * "Stop 26"): two gateways on one simulator, driven at the same time at one rate each, one with a
 * fresh key per `createLead` and one without; the roles swap every round so that neither process's
 * own luck counts. (k)'s equal-load measure runs the two sides one after the other, and this
 * machine's CPU per request moves by ±15% between 8-second windows of identical code; here both
 * sides share each window's noise. Prints each round's ratio and the ratio of the sums.
 *
 *   npx tsc -p tsconfig.build.json && npm run bench:key-pair
 *
 * KEY_PAIR_RATE (default 300 req/s per gateway), KEY_PAIR_SECONDS (default 8 per round),
 * KEY_PAIR_ROUNDS (default 6, even), KEY_PAIR_STORE (sqlite, the default, or postgres: each
 * gateway gets its own fresh database, dropped at the end).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createBenchDatabase } from './bench-database';
import { cpuSeconds, freePort, startScriptNodeFlags, startSimulators, stopProcess, waitFor } from './bench-process';
import { fixedRate } from './fixed-rate';
import { LEAD_FIELDS, startLeadGraph } from './leadgraph-gateway';

const RATE = Number(process.env.KEY_PAIR_RATE ?? 300);
const SECONDS = Number(process.env.KEY_PAIR_SECONDS ?? 8);
const ROUNDS = Math.max(2, Number(process.env.KEY_PAIR_ROUNDS ?? 6));
const STORE = process.env.KEY_PAIR_STORE ?? 'sqlite';
const WARMUP_SECONDS = 3;
const API_KEY = randomBytes(24).toString('hex');

const DOCUMENT = `mutation Create($input: CreateLeadInput!, $idempotencyKey: String) { createLead(input: $input, idempotencyKey: $idempotencyKey) { replayed lead { ${LEAD_FIELDS} } } }`;
const INPUT = { provider: 'TESSELYS', title: 'Interesse no plano anual (bench)', tags: ['bench'] };
const KEY_PREFIX = `pair-${randomBytes(6).toString('hex')}`;
let keysUsed = 0;

interface Gateway {
  process: ChildProcess;
  url: string;
}

async function main(): Promise<void> {
  if (STORE !== 'sqlite' && STORE !== 'postgres') throw new Error(`KEY_PAIR_STORE must be sqlite or postgres, got ${STORE}`);
  const simulators = await startSimulators();
  const databases = STORE === 'postgres' ? [await createBenchDatabase(), await createBenchDatabase()] : [];
  const gateways: Gateway[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = startLeadGraph({
        port,
        simulators: { tesselys: simulators.tesselysUrl, keyspot: simulators.keyspotUrl },
        nodeArgs: startScriptNodeFlags().split(' ').filter(Boolean),
        apiKeys: JSON.stringify([{ name: 'bench', key: API_KEY, scopes: ['leads:read', 'leads:write'] }]),
        env: databases[i] ? { DATABASE_URL: databases[i]!.url } : {},
      });
      gateways.push({ process: child, url: `http://127.0.0.1:${port}/graphql` });
      await waitFor(`http://127.0.0.1:${port}/healthz`);
    }
    const drive = (gateway: Gateway, withKey: boolean, seconds: number) =>
      fixedRate({
        url: gateway.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
        bodyAt: () =>
          JSON.stringify({
            query: DOCUMENT,
            variables: { input: INPUT, ...(withKey ? { idempotencyKey: `${KEY_PREFIX}-${keysUsed++}` } : {}) },
          }),
        rate: RATE,
        seconds,
      });
    // Each gateway warms up on both kinds of request before anything is counted.
    await Promise.all([drive(gateways[0]!, true, WARMUP_SECONDS), drive(gateways[1]!, false, WARMUP_SECONDS)]);
    await Promise.all([drive(gateways[0]!, false, WARMUP_SECONDS), drive(gateways[1]!, true, WARMUP_SECONDS)]);

    process.stdout.write(`key cost, two gateways at once (${STORE}), ${RATE} req/s each, ${SECONDS} s x ${ROUNDS} rounds\n`);
    const sums = { keyed: 0, unkeyed: 0 };
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const keyed = round % 2;
      const before = gateways.map((g) => cpuSeconds(g.process.pid!));
      const results = await Promise.all(gateways.map((g, i) => drive(g, i === keyed, SECONDS)));
      const perRequest = gateways.map((g, i) => (1e6 * (cpuSeconds(g.process.pid!) - before[i]!)) / Math.max(1, results[i]!.requests));
      const failures = results.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
      if (failures > 0) throw new Error(`round ${round}: expected every createLead to succeed, got ${failures} failures`);
      sums.keyed += perRequest[keyed]!;
      sums.unkeyed += perRequest[1 - keyed]!;
      ratios.push(perRequest[keyed]! / perRequest[1 - keyed]!);
      process.stdout.write(
        `  round ${round}: CPU µs per createLead with a key ${Math.round(perRequest[keyed]!)}, without ${Math.round(perRequest[1 - keyed]!)}; ratio ${ratios.at(-1)!.toFixed(3)}; ` +
          `p50 / p99 ms with a key ${results[keyed]!.p50.toFixed(1)} / ${results[keyed]!.p99.toFixed(1)}, without ${results[1 - keyed]!.p50.toFixed(1)} / ${results[1 - keyed]!.p99.toFixed(1)}\n`,
      );
    }
    process.stdout.write(
      `CPU per createLead with a key over without: ${(sums.keyed / sums.unkeyed).toFixed(3)} (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}; target <= 1.10)\n`,
    );
  } finally {
    await Promise.all(gateways.map((g) => stopProcess(g.process)));
    await stopProcess(simulators.process);
    for (const database of databases) await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:key-pair failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
