/**
 * `npm run simulate`: runs every provider's simulator standalone, with demo data, and prints the
 * URLs and demo credentials, so a person can curl them as the providers' docs show. Ports come
 * from SIMULATOR_PORT_<PROVIDER> (default: 4010, 4020, ... in registry order); `--control`
 * mounts the /__control fault API.
 */
import 'reflect-metadata';
import type { DemoProvider } from '../providers/provider-adapter';
import { PROVIDER_MODULES } from '../providers/registry';

async function main(): Promise<void> {
  const control = process.argv.includes('--control');
  const running: DemoProvider<unknown>[] = [];
  for (const [index, module] of PROVIDER_MODULES.entries()) {
    const port = Number(process.env[`SIMULATOR_PORT_${module.provider}`] ?? 4010 + index * 10);
    const demo = await module.startDemo({ port, control });
    running.push(demo);
    const credentials = Object.entries(demo.credentials)
      .map(([name, value]) => `${name}=${value}`)
      .join('  ');
    process.stdout.write(`${module.provider.padEnd(9)} ${demo.url}   ${credentials}\n`);
  }
  const env = running.flatMap((demo) => Object.entries(demo.env).map(([name, value]) => `${name}=${value}`));
  process.stdout.write(`\nPoint a gateway at them as if they were the real providers:\n  ${env.join(' \\\n  ')} \\\n  npm start\n`);
  if (control) process.stdout.write('Fault control API mounted at <url>/__control (see src/simulators/simulator-server.ts).\n');
  const stop = () => void Promise.allSettled(running.map((r) => r.close())).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulators failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
