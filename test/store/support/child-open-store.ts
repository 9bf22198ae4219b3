/** Child process: opens the store the environment names (migrating it), prints `opened`, closes. */
import { silentLogger } from '../../../src/logging/logger';
import { openStore } from '../../../src/store/open-store';
import { readStoreConfig } from '../../../src/store/store-config';

async function main(): Promise<void> {
  const { config, problems } = readStoreConfig(process.env, 'test');
  if (problems.length > 0) throw new Error(problems.join('; '));
  const store = await openStore({ config, nodeEnv: 'test', logger: silentLogger() });
  await store.close();
  process.stdout.write('opened\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
