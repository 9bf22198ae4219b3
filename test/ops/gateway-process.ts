/**
 * Runs the gateway as production does: compiled by `tsc` (once per Jest run, see compileGateway),
 * started with `node <npm start's flags> dist/src/main.js` in a child process with only the environment a test gives it. Tests read its
 * exit code, its stderr and its JSON log lines, and reach it over real HTTP.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { scratchStoreEnv } from '../support/test-database';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The node flags of package.json's start script. */
export function startScriptNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return scripts.start!.split(' ').filter((word) => word.startsWith('--'));
}

export interface CompiledGateway {
  main: string;
  remove(): void;
}

/**
 * The compiled gateway. Under Jest (jest-global-setup.ts names LEADGRAPH_TEST_BUILD_DIR) one build
 * is shared by every file of the run: the first caller compiles under a lock folder, later ones
 * (other workers included) wait for it; `remove` is then a no-op and global teardown removes it.
 * Without that variable, each call compiles to a fresh folder that `remove` deletes.
 */
export function compileGateway(): CompiledGateway {
  const shared = process.env.LEADGRAPH_TEST_BUILD_DIR;
  if (!shared) {
    const outDir = join(ROOT, 'dist', 'process-tests', `${process.pid}-${Date.now()}`);
    runTsc(outDir);
    return { main: join(outDir, 'src', 'main.js'), remove: () => rmSync(outDir, { recursive: true, force: true }) };
  }
  const main = join(shared, 'src', 'main.js');
  const done = join(shared, '.complete');
  const lock = `${shared}.lock`;
  const deadline = Date.now() + 300_000;
  // The lock is made beside the folder, non-recursively (that is what makes it a lock): its parent first.
  mkdirSync(dirname(shared), { recursive: true });
  while (!existsSync(done)) {
    if (tryLock(lock)) {
      try {
        if (!existsSync(done)) {
          runTsc(shared);
          writeFileSync(done, '');
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    } else {
      if (Date.now() > deadline) throw new Error(`waited 300 s for another worker to compile the gateway into ${shared}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  return { main, remove: () => undefined };
}

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock, { recursive: false });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function runTsc(outDir: string): void {
  mkdirSync(join(outDir, '..'), { recursive: true });
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir, '--incremental', 'false'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`tsc failed: ${result.stdout}${result.stderr}`);
}

export interface GatewayProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** JSON log lines so far. */
  records(): Array<Record<string, unknown>>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** The base URL once the gateway logs where it listens; rejects if it exits first. */
  listening(): Promise<string>;
  stop(): Promise<number | null>;
}

/** Starts the compiled gateway on an ephemeral port with exactly `env` (plus PATH), JSON logs. */
export function startGatewayProcess(main: string, env: Record<string, string>): GatewayProcess {
  const child = spawn(process.execPath, [...startScriptNodeFlags(), main], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'json', ...scratchStoreEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => void (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => void (err += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const records = () =>
    out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    records,
    exited,
    listening() {
      return new Promise((resolve, reject) => {
        const look = () => {
          const line = records().find((record) => typeof record.graphql === 'string');
          if (line) {
            child.stdout!.off('data', look);
            resolve(new URL(line.graphql as string).origin.replace('localhost', '127.0.0.1'));
          }
        };
        child.stdout!.on('data', look);
        look();
        void exited.then((code) => reject(new Error(`gateway exited (${code}) before listening: ${err}`)));
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
