/**
 * What every bench runner needs to start and watch processes on this machine: free ports, child
 * processes, readiness, closed-loop load (autocannon), and CPU time and peak RSS read from /proc.
 * Shared by `npm run bench` and `npm run bench:peers`, so both account for CPU and memory the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';

/** The repository's root (bench files run from dist/bench/). */
export const ROOT = join(__dirname, '..', '..');

/** The demo credentials the simulators accept. */
export const TESSELYS = { accessToken: 'tsl_demo_access_token', companyToken: 'tsl_demo_company_token' };
export const KEYSPOT = { clientId: 'ks_demo_client', clientSecret: 'ks_demo_secret' };
export const TESSELYS_HEADERS = { authorization: `Bearer ${TESSELYS.accessToken}`, 'x-company-token': TESSELYS.companyToken };

/** One closed-loop load's outcome (autocannon), before any CPU accounting. */
export interface Measured {
  requestsPerSecond: number;
  /** CPU time (user + system, all threads) per request, in µs, of the process under test and of the upstream. */
  cpuUsPerOp?: { target: number; upstream: number; loadGenerator: number };
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `node <args>` from `cwd` (default the root), stdout discarded (operation logs stay in the measurement), stderr shown.
 * `inherit: 'path-only'` gives the child `env` and PATH alone, so nothing in the caller's shell (a DATABASE_URL, say) reaches it.
 */
export function startProcess(args: string[], env: Record<string, string>, cwd = ROOT, inherit: 'all' | 'path-only' = 'all'): ChildProcess {
  const base = inherit === 'all' ? process.env : { PATH: process.env.PATH ?? '' };
  return spawn(process.execPath, args, { cwd, env: { ...base, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Resolves once `url` answers 2xx (`timeoutMs`, default 10 s, at most) to a GET, or to `init`'s request. */
export async function waitFor(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
  init: RequestInit = {},
): Promise<void> {
  for (let attempt = 0; attempt < timeoutMs / 100; attempt++) {
    try {
      const res = await fetch(url, { ...init, headers });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** Resolves when `child` has exited, after SIGTERM. */
export function stopProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  child.kill('SIGTERM');
  return exited;
}

/** A closed-loop autocannon run. */
export function load(options: autocannon.Options): Promise<Measured> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => {
      if (error) return reject(error);
      resolve({
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        requests: result.requests.total,
      });
    });
  });
}

/** CPU seconds (user + system) a child process has used so far, from /proc (clock ticks of 10 ms). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A process's peak resident set (VmHWM) so far, in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** The node flags of package.json's `start` script: benches run the gateway as production does. */
export function startScriptNodeFlags(): string {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  return start
    .split(' ')
    .filter((word) => word.startsWith('--'))
    .join(' ');
}

/** The standalone simulators (Tesselys and Keyspot, 0 ms latency, /__control mounted), ready. */
export async function startSimulators(): Promise<{ process: ChildProcess; tesselysUrl: string; keyspotUrl: string }> {
  const [keyspotPort, tesselysPort] = [await freePort(), await freePort()];
  const child = startProcess(['dist/src/simulators/main.js', '--control'], {
    SIMULATOR_PORT_KEYSPOT: String(keyspotPort),
    SIMULATOR_PORT_TESSELYS: String(tesselysPort),
    NODE_ENV: 'production',
  });
  const tesselysUrl = `http://127.0.0.1:${tesselysPort}`;
  await waitFor(`${tesselysUrl}/external/v1/leads?limit=1`, TESSELYS_HEADERS);
  return { process: child, tesselysUrl, keyspotUrl: `http://127.0.0.1:${keyspotPort}` };
}
