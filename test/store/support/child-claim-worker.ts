/**
 * Child process: a delivery worker that claims one submission at a time until none is due, marks
 * each started and delivered, and prints `claimed <id>` for each, then `done`. Argument: worker id.
 */
import { silentLogger } from '../../../src/logging/logger';
import { openStore } from '../../../src/store/open-store';
import { readStoreConfig } from '../../../src/store/store-config';

async function main(): Promise<void> {
  const workerId = process.argv[2]!;
  const { config, problems } = readStoreConfig(process.env, 'test');
  if (problems.length > 0) throw new Error(problems.join('; '));
  const store = await openStore({ config, nodeEnv: 'test', logger: silentLogger(), poolSize: 2 });
  for (;;) {
    const [claimed] = await store.submissions.claim(workerId, 60_000, 1);
    if (!claimed) break;
    process.stdout.write(`claimed ${claimed.id}\n`);
    if (!(await store.submissions.markAttemptStarted(claimed.id, workerId))) throw new Error('lost a lease it just took');
    await store.submissions.markDelivered(claimed.id, { providerLeadId: `lead-${claimed.id}`, lead: { by: workerId } });
  }
  await store.close();
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
