/**
 * `npm start`, the Docker image and the benchmark run the gateway with the same node flags (its
 * memory budget, docs/decisions/memory-flags.md): a flag changed in one place only would make the
 * bench measure something production does not run. The flags are node options, never set from
 * code after start-up: Node documents `v8.setFlagsFromString` after start as unpredictable.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** The V8 memory flags the gateway runs with (docs/decisions/memory-flags.md). */
const MEMORY_FLAGS = ['--max-semi-space-size=8', '--liftoff-only', '--heap-growing-percent=50'];

function startScriptFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return scripts.start!.split(' ').filter((word) => word.startsWith('--'));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('npm start runs the compiled gateway with every memory flag as a node option', () => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.start).toMatch(/^node (--[\w-]+(=\d+)? )+dist\/src\/main\.js$/);
  expect([...startScriptFlags()].sort()).toEqual([...MEMORY_FLAGS].sort());
});

test('no code sets V8 flags after start-up', () => {
  const offenders = sourceFiles(join(ROOT, 'src')).filter((path) => /setFlagsFromString/.test(readFileSync(path, 'utf8')));
  expect(offenders).toEqual([]);
});

test('the Docker image starts the gateway with the same node flags as npm start', () => {
  const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))?.[1];
  expect(cmd).toBeDefined();
  const argv = JSON.parse(cmd!) as string[];
  expect(argv[0]).toBe('node');
  expect(argv[argv.length - 1]).toBe('dist/src/main.js');
  expect(argv.slice(1, -1)).toEqual(startScriptFlags());
});

test('the production smoke test and the benchmark take their node flags from npm start', () => {
  expect(readFileSync(join(ROOT, 'scripts', 'prod-smoke.sh'), 'utf8')).toMatch(
    /scripts\.start.*\n(.*\n)*.*node \$start_flags dist\/src\/main\.js/,
  );
  expect(readFileSync(join(ROOT, 'bench', 'run.ts'), 'utf8')).toContain('startScriptNodeFlags()');
});
