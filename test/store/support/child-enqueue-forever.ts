/**
 * Child process: enqueues submissions one after another and prints `enqueued <id>` after each
 * enqueue() resolved (the store's acknowledgement), then never exits on its own: the test kills it
 * with SIGKILL and checks every acknowledged id survived.
 */
import { silentLogger } from '../../../src/logging/logger';
import { openStore } from '../../../src/store/open-store';
import { readStoreConfig } from '../../../src/store/store-config';

async function main(): Promise<void> {
  const { config, problems } = readStoreConfig(process.env, 'test');
  if (problems.length > 0) throw new Error(problems.join('; '));
  const store = await openStore({ config, nodeEnv: 'test', logger: silentLogger() });
  for (let n = 0; ; n++) {
    const result = await store.submissions.enqueue({
      tenant: 'default',
      provider: 'KEYSPOT',
      input: { n, contact: { email: `visitor${n}@example.com.br` } },
    });
    if (result.status !== 'enqueued') throw new Error(`unexpected ${result.status}`);
    process.stdout.write(`enqueued ${result.submission.id}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
