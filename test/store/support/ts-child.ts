/**
 * Runs a TypeScript file of this repository in a real child process (no build step): a small
 * require hook transpiles .ts with the project's TypeScript, as ts-jest does for the tests, and
 * caches the output by content in the temp directory so later children start faster.
 * The child's stdout arrives line by line, for protocols like "enqueued <id>".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..', '..', '..');

const HOOK = `
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const cacheDir = path.join(require('os').tmpdir(), 'leadgraph-ts-child-cache');
fs.mkdirSync(cacheDir, { recursive: true });
let ts;
require.extensions['.ts'] = (module, file) => {
  const source = fs.readFileSync(file, 'utf8');
  const cached = path.join(cacheDir, crypto.createHash('sha256').update(file).update('\\0').update(source).digest('hex') + '.js');
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    ts = ts || require('typescript');
    output = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true,
        experimentalDecorators: true, emitDecoratorMetadata: true },
    }).outputText;
    const temporary = cached + '.' + process.pid;
    fs.writeFileSync(temporary, output);
    fs.renameSync(temporary, cached);
  }
  module._compile(output, file);
};
require(path.resolve(process.argv[1]));
`;

export interface TsChild {
  process: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  /** Resolves with the first line that matches, rejects if the child exits first. */
  waitForLine(match: (line: string) => boolean): Promise<string>;
  /** Resolves with the exit code (or the signal's name) once the child is gone. */
  exited: Promise<number | string>;
  stderr(): string;
}

/** `stdin`, when given, is written to the child's standard input, which is then closed. */
export function runTsChild(script: string, args: string[], env: Record<string, string>, stdin?: string): TsChild {
  const child = spawn(process.execPath, ['-e', HOOK, join(__dirname, script), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (stdin !== undefined) child.stdin!.end(stdin);
  const lines: string[] = [];
  const waiters: Array<{ match: (line: string) => boolean; resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  let errText = '';
  let exitHow: number | string | undefined;
  child.stderr!.on('data', (chunk: Buffer) => (errText += chunk.toString('utf8')));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters.splice(0)) {
      if (waiter.match(line)) waiter.resolve(line);
      else waiters.push(waiter);
    }
  });
  // 'close', not 'exit': every stdout line has been read by then.
  const exited = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(signal ?? code ?? -1)));
  void exited.then((how) => {
    exitHow = how;
    for (const waiter of waiters.splice(0))
      waiter.reject(new Error(`child ${script} exited (${how}) before the expected line; stderr: ${errText}`));
  });
  return {
    process: child,
    lines,
    exited,
    stderr: () => errText,
    waitForLine: (match) =>
      new Promise((resolve, reject) => {
        const found = lines.find(match);
        if (found !== undefined) return resolve(found);
        if (exitHow !== undefined)
          return reject(new Error(`child ${script} exited (${exitHow}) before the expected line; stderr: ${errText}`));
        waiters.push({ match, resolve, reject });
      }),
  };
}
