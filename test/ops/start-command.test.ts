/**
 * `npm start`, the Docker image and the benchmark run the gateway with the same node flags (its
 * memory budget, src/memory-budget.ts): a flag changed in one place only would make the bench
 * measure something production does not run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function startScriptFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return scripts.start!.split(' ').filter((word) => word.startsWith('--'));
}

test('npm start runs the compiled gateway with a young-generation budget', () => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.start).toMatch(/^node (--[\w-]+=\d+ )+dist\/src\/main\.js$/);
  expect(startScriptFlags()).toContain('--max-semi-space-size=8');
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
