/**
 * The gateway under soak, as its own process started exactly like `npm start`, so its memory is
 * measured alone (not with the simulators and the load generator) and a crash is a real exit.
 * Node is told to warn instead of dying on an unhandled rejection, so each one is counted from
 * stderr rather than ending the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface GatewayProcess {
  url: string;
  /** Resident set size and V8 heap in use (bytes), from the gateway's own /metrics. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  unhandledRejections(): number;
  /** Exits nobody asked for (a crash), with the code or signal. */
  crashes(): string[];
  /** Log lines at error level or above. */
  errorLines(): number;
  stop(): Promise<void>;
}

export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  // Its own store in a scratch directory: a soak never writes into the working tree's ./data.
  const dataDir = mkdtempSync(join(tmpdir(), 'leadgraph-soak-'));
  const child: ChildProcess = spawn(process.execPath, ['--unhandled-rejections=warn', join(__dirname, '..', '..', 'src', 'main.js')], {
    env: {
      ...process.env,
      LEADGRAPH_DATA_DIR: dataDir,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let unhandled = 0;
  let errorLines = 0;
  let stopping = false;
  const crashes: string[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    errorLines += (chunk.match(/"level":(50|60)/g) ?? []).length;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    unhandled += (chunk.match(/UnhandledPromiseRejectionWarning/g) ?? []).length;
  });
  const exited = once(child, 'exit');
  child.on('exit', (code, signal) => {
    if (!stopping) crashes.push(`exit ${code ?? signal}`);
  });

  const url = `http://127.0.0.1:${port}`;
  await waitUntilLive(url, child);
  return {
    url,
    async memory() {
      const text = await (await fetch(`${url}/metrics`)).text();
      return {
        rss: gauge(text, 'leadgraph_process_resident_memory_bytes'),
        heapUsed: gauge(text, 'leadgraph_nodejs_heap_size_used_bytes'),
      };
    },
    unhandledRejections: () => unhandled,
    crashes: () => [...crashes],
    errorLines: () => errorLines,
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function gauge(metrics: string, name: string): number {
  const match = new RegExp(`^${name} ([\\d.e+]+)$`, 'm').exec(metrics);
  if (!match) throw new Error(`the gateway did not report ${name}`);
  return Number(match[1]);
}

async function waitUntilLive(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the gateway exited at start-up (code ${child.exitCode})`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('the gateway did not start within 20 s');
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
