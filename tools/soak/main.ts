/**
 * `npm run soak`: a bounded load on loopback against a gateway process, with faults injected into
 * both provider simulators, proving the gateway stays up: it prints requests, errors by code,
 * crashes, unhandled rejections and the gateway's RSS at start and end, and exits non-zero when
 * any of the guarantees fails (no crash, no unhandled rejection, RSS growth under 20 %, and every
 * answered `submitLead` DELIVERED exactly once, counted on the simulators, once faults stop —
 * waiting at most SOAK_DRAIN_SECONDS, default 120).
 *
 * SOAK_SECONDS (default 60) is the measured run, after SOAK_WARMUP_SECONDS (default 20) of the same
 * load so the start RSS is taken warm; SOAK_WORKERS (16) concurrent clients; SOAK_FAULT_RATE (0.1).
 */
import { startKeyspotSimulator } from '../../src/providers/keyspot/simulator/keyspot.simulator';
import { startTesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { startGatewayProcess } from './gateway-process';
import { runLoad, type LoadTally } from './load-runner';
import { SubmissionLedger, type LedgerReport } from './submission-ledger';

const MAX_RSS_GROWTH = 0.2;

function numberFrom(variable: string, fallback: number): number {
  const value = Number(process.env[variable] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${variable} must be a non-negative number`);
  return value;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const seconds = numberFrom('SOAK_SECONDS', 60);
  const warmupSeconds = numberFrom('SOAK_WARMUP_SECONDS', 20);
  const workers = Math.max(1, Math.floor(numberFrom('SOAK_WORKERS', 16)));
  const faultRate = numberFrom('SOAK_FAULT_RATE', 0.1);
  const drainSeconds = numberFrom('SOAK_DRAIN_SECONDS', 120);

  const soakerProblems: unknown[] = [];
  process.on('unhandledRejection', (reason) => soakerProblems.push(reason));

  const tesselys = await startTesselysSimulator();
  const keyspot = await startKeyspotSimulator();
  // Shorter deadline and cooldown than production, so hangs and open circuits come and go within the run.
  const gateway = await startGatewayProcess({
    TESSELYS_BASE_URL: tesselys.url,
    TESSELYS_ACCESS_TOKEN: tesselys.credentials.accessToken,
    TESSELYS_COMPANY_TOKEN: tesselys.credentials.companyToken,
    KEYSPOT_BASE_URL: keyspot.url,
    KEYSPOT_CLIENT_ID: keyspot.credentials.clientId,
    KEYSPOT_CLIENT_SECRET: keyspot.credentials.clientSecret,
    PROVIDER_TIMEOUT_MS: process.env.PROVIDER_TIMEOUT_MS ?? '1000',
    CIRCUIT_BREAKER_COOLDOWN_MS: process.env.CIRCUIT_BREAKER_COOLDOWN_MS ?? '2000',
    // The load comes from one address far faster than any client rate limit allows.
    RATE_LIMIT_PER_MINUTE: '0',
    // Submissions retried on faults come due quickly after the load stops.
    SUBMISSION_POLL_MS: '200',
  });
  const ledger = new SubmissionLedger();
  const target = {
    graphqlUrl: `${gateway.url}/graphql`,
    tesselysFaults: tesselys.faults,
    keyspotFaults: keyspot.faults,
    tesselysIds: tesselys.leads().map((lead) => lead.id),
    ledger,
  };
  let tally: LoadTally | undefined;
  let report = '';
  let ok = false;
  try {
    const boot = await gateway.memory();
    const warmEnd = Date.now() + warmupSeconds * 1000;
    await runLoad(target, { workers, faultRate, until: () => Date.now() >= warmEnd || gateway.crashes().length > 0 });
    tesselys.faults.reset();
    keyspot.faults.reset();
    const start = await gateway.memory();

    const started = Date.now();
    const end = started + seconds * 1000;
    // A memory sample every tenth of the run, to tell a leak (steady climb) from the heap settling.
    const samples: string[] = [];
    const sampler = setInterval(
      () =>
        void gateway.memory().then(
          (m) => samples.push(`${Math.round((Date.now() - started) / 1000)}s ${mb(m.rss)}/${mb(m.heapUsed)}`),
          () => undefined,
        ),
      Math.max(1000, (seconds * 1000) / 10),
    );
    tally = await runLoad(target, { workers, faultRate, until: () => Date.now() >= end || gateway.crashes().length > 0 });
    clearInterval(sampler);
    const elapsed = (Date.now() - started) / 1000;
    const crashes = gateway.crashes();
    const last = crashes.length ? { rss: Number.NaN, heapUsed: Number.NaN } : await gateway.memory();
    const growth = (last.rss - start.rss) / start.rss;
    tesselys.faults.reset();
    keyspot.faults.reset();
    const leadsWith = (provider: 'KEYSPOT' | 'TESSELYS', text: string) =>
      provider === 'KEYSPOT'
        ? keyspot.leads().filter((lead) => lead.message === text).length
        : tesselys.leads().filter((lead) => lead.title === text).length;
    const delivery: LedgerReport = await ledger.settle(target.graphqlUrl, { leadsWith }, drainSeconds * 1000);
    const deliveredExactlyOnce = delivery.exactlyOnce === delivery.answered;
    const errors = Object.entries(tally.errorsByCode).sort(([, a], [, b]) => b - a);
    const errorCount = errors.reduce((sum, [, n]) => sum + n, 0);

    report = [
      `soak: ${elapsed.toFixed(1)} s, ${workers} workers, fault rate ${faultRate} across Keyspot and Tesselys`,
      `requests:              ${tally.requests} (${(tally.requests / elapsed).toFixed(0)}/s), ${tally.succeeded} without error`,
      `faults armed:          ${tally.faultsArmed}`,
      `errors by code:        ${errorCount}`,
      ...errors.map(([code, n]) => `  ${code.padEnd(24)}${n}`),
      `gateway error lines:   ${gateway.errorLines()}`,
      `crashes:               ${crashes.length}${crashes.length ? ` (${crashes.join(', ')})` : ''}`,
      `unhandled rejections:  ${gateway.unhandledRejections()} in the gateway, ${soakerProblems.length} in the soak runner`,
      `RSS:                   ${mb(start.rss)} at start, ${mb(last.rss)} at end: ${(growth * 100).toFixed(1)} % growth`,
      `                       (${mb(boot.rss)} at boot, before the ${warmupSeconds} s warm-up under the same load)`,
      `heap used:             ${mb(start.heapUsed)} at start, ${mb(last.heapUsed)} at end`,
      `samples (RSS/heap):    ${samples.join(', ')}`,
      `submitLead answered:   ${delivery.answered} (warm-up included); DELIVERED ${delivery.delivered}, exactly once at the provider ${delivery.exactlyOnce}`,
      `  undelivered:         ${JSON.stringify(delivery.undelivered)} after up to ${drainSeconds} s with faults off`,
      `  duplicated:          ${delivery.duplicated}; delivered but missing: ${delivery.missing}; flagged possibleDuplicate: ${delivery.flaggedPossibleDuplicate}`,
    ].join('\n');
    ok =
      crashes.length === 0 &&
      gateway.unhandledRejections() === 0 &&
      soakerProblems.length === 0 &&
      growth < MAX_RSS_GROWTH &&
      deliveredExactlyOnce;
  } finally {
    await gateway.stop();
    await Promise.allSettled([tesselys.close(), keyspot.close()]);
  }
  process.stdout.write(`${report}\n${ok ? 'PASS' : 'FAIL'}\n`);
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
