/**
 * Simulators are written from the providers' docs, never from the clients: a simulator that imports a
 * client's DTOs agrees with the client by construction, and a drift from the docs cannot be caught.
 * This scans every simulator source file for static imports, re-exports, dynamic imports and
 * requires, resolves each relative path, and fails on anything outside the simulator code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');
/** The launcher wires the provider registry for `npm run simulate`; it simulates nothing itself. */
const LAUNCHER = join(SRC, 'simulators', 'main.ts');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function simulatorFiles(): string[] {
  const providers = readdirSync(join(SRC, 'providers'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const folder = join(SRC, 'providers', entry.name, 'simulator');
      try {
        return filesUnder(folder);
      } catch {
        return [];
      }
    });
  return [...providers, ...filesUnder(join(SRC, 'simulators')).filter((file) => file !== LAUNCHER)];
}

/** Every module specifier the file names: `from '...'`, `import '...'`, `import('...')`, `require('...')`. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Simulator code may import: node built-ins and packages, its own folder, the harness in src/simulators. */
function isSimulatorCode(path: string): boolean {
  const inside = relative(SRC, path).split(sep);
  if (inside[0] === 'simulators') return true;
  return inside[0] === 'providers' && inside[2] === 'simulator';
}

describe('simulator imports', () => {
  const files = simulatorFiles();

  it('finds the simulators of both providers and the harness', () => {
    const names = files.map((file) => relative(SRC, file));
    expect(names).toEqual(expect.arrayContaining(['providers/keyspot/simulator/keyspot.simulator.ts', 'simulators/simulator-server.ts']));
    expect(names).toEqual(expect.arrayContaining(['providers/tesselys/simulator/tesselys.simulator.ts']));
  });

  it('never reach client code (provider folders outside simulator/, src/leads, anything else in src)', () => {
    const offending = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.'))
        .filter((specifier) => !isSimulatorCode(resolve(dirname(file), specifier)))
        .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('follow one naming pattern: <provider>.<role>.ts inside a provider simulator folder', () => {
    const misnamed = files
      .map((file) => relative(SRC, file).split(sep))
      .filter((parts) => parts[0] === 'providers')
      .filter((parts) => !new RegExp(`^${parts[1]}\\.[a-z]+(?:-[a-z]+)*\\.ts$`).test(parts[3]!))
      .map((parts) => parts.join('/'));
    expect(misnamed).toEqual([]);
  });
});
