/**
 * Rotating LEADGRAPH_DATA_KEY on both stores: a store written under key A opens with [B, A], reads
 * everything and writes under B; reencrypt moves every stored value (read raw: the key id is the
 * second dot-separated part) to B in batches and is idempotent; then [B] alone opens and reads,
 * and [A] alone is refused.
 */
import { randomBytes } from 'node:crypto';
import { silentLogger } from '../../src/logging/logger';
import { dataKeyId } from '../../src/store/data-cipher';
import { DataKeyMismatchError } from '../../src/store/data-key-check';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import type { StoreConfig } from '../../src/store/store-config';
import { describeEachStore } from './support/store-targets';

const TENANT = 'default';

/** Every encrypted value in the store, raw. */
async function storedValues(store: Store): Promise<string[]> {
  const values = [
    ...(await store.db.selectFrom('submissions').select(['input', 'lead', 'last_error_message']).execute()).flatMap((r) => [
      r.input,
      r.lead,
      r.last_error_message,
    ]),
    ...(await store.db.selectFrom('lead_records').select('lead').execute()).map((r) => r.lead),
    ...(await store.db.selectFrom('idempotency_keys').select('outcome').execute()).map((r) => r.outcome),
    ...(await store.db.selectFrom('provider_credentials').select('credentials').execute()).map((r) => r.credentials),
  ];
  return values.filter((v): v is string => v !== null);
}

const keyIds = async (store: Store): Promise<string[]> => [...new Set((await storedValues(store)).map((v) => v.split('.')[1]!))];

describeEachStore('data key rotation', (target) => {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  async function open(config: StoreConfig, [dataKey, ...previousDataKeys]: Buffer[]): Promise<Store> {
    const store = await openStore({ config: { ...config, dataKey, previousDataKeys }, nodeEnv: 'test', logger: silentLogger() });
    opened.push(store);
    return store;
  }

  async function writeEverything(store: Store, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const result = await store.submissions.enqueue({ tenant: TENANT, provider: 'KEYSPOT', input: { email: `ana${i}@example.com.br` } });
      if (result.status !== 'enqueued') throw new Error('not enqueued');
      ids.push(result.submission.id);
    }
    const [delivered, retried] = await store.submissions.claim('w', 60_000, 2);
    await store.submissions.markDelivered(delivered!.id, { providerLeadId: 'p1', lead: { name: 'Ana Souza' } });
    await store.submissions.markRetry(retried!.id, 'w', {
      nextAttemptAt: new Date(),
      error: { code: 'PROVIDER_UNAVAILABLE', message: 'down for ana' },
      outcomeUnknown: false,
    });
    for (let i = 0; i < n; i++)
      await store.leadRecords.upsert({
        tenant: TENANT,
        provider: 'KEYSPOT',
        providerLeadId: `p${i}`,
        lead: { name: `Lead ${i}` },
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    const request = { tenant: TENANT, key: 'k1', operation: 'createLead', fingerprint: 'f' };
    await store.idempotency.reserve(request, 30_000);
    await store.idempotency.complete(request, { id: 'p1' });
    await store.providerCredentials.set(TENANT, 'KEYSPOT', { apiKey: 'secret-a' });
    return ids;
  }

  test('[B, A] reads A and writes B; reencrypt moves everything to B; then B alone opens and A alone is refused', async () => {
    const { config } = await target().fresh();
    const [keyA, keyB] = [randomBytes(32), randomBytes(32)];

    const ids = await writeEverything(await open(config, [keyA]), 5);
    await opened.pop()!.close();

    const rotated = await open(config, [keyB, keyA]);
    expect(await keyIds(rotated)).toEqual([dataKeyId(keyA)]);
    expect((await rotated.submissions.get(TENANT, ids[0]!))?.input).toEqual({ email: 'ana0@example.com.br' });
    expect((await rotated.providerCredentials.get(TENANT, 'KEYSPOT'))?.credentials).toEqual({ apiKey: 'secret-a' });
    await rotated.leadRecords.upsert({
      tenant: TENANT,
      provider: 'KEYSPOT',
      providerLeadId: 'new',
      lead: { name: 'New' },
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const fresh = await rotated.db
      .selectFrom('lead_records')
      .select('lead')
      .where('provider_lead_id', '=', 'new')
      .executeTakeFirstOrThrow();
    expect(fresh.lead.split('.')[1]).toBe(dataKeyId(keyB));

    const before = await storedValues(rotated);
    const counts = await rotated.reencrypt(2); // several batches per table
    expect(counts).toEqual({ submissions: 5 + 1 + 1, lead_records: 5, idempotency_keys: 1, provider_credentials: 1 });
    expect(await keyIds(rotated)).toEqual([dataKeyId(keyB)]);
    expect((await storedValues(rotated)).length).toBe(before.length);
    expect(await rotated.reencrypt(2)).toEqual({ submissions: 0, lead_records: 0, idempotency_keys: 0, provider_credentials: 0 });
    await opened.pop()!.close();

    const onlyB = await open(config, [keyB]);
    const submissions = await Promise.all(ids.map((id) => onlyB.submissions.get(TENANT, id)));
    expect(submissions.map((s) => s?.input)).toEqual(ids.map((_, i) => ({ email: `ana${i}@example.com.br` })));
    expect(submissions.flatMap((s) => (s?.lead ? [s.lead] : []))).toEqual([{ name: 'Ana Souza' }]);
    expect(submissions.map((s) => s?.lastError?.message).filter(Boolean)).toEqual(['down for ana']);
    expect((await onlyB.leadRecords.get(TENANT, 'KEYSPOT', 'p4'))?.lead).toEqual({ name: 'Lead 4' });
    expect(await onlyB.idempotency.reserve({ tenant: TENANT, key: 'k1', operation: 'createLead', fingerprint: 'f' }, 30_000)).toEqual({
      status: 'replay',
      outcome: { id: 'p1' },
    });
    expect((await onlyB.providerCredentials.get(TENANT, 'KEYSPOT'))?.credentials).toEqual({ apiKey: 'secret-a' });
    await opened.pop()!.close();

    await expect(openStore({ config: { ...config, dataKey: keyA }, nodeEnv: 'test', logger: silentLogger() })).rejects.toThrow(
      DataKeyMismatchError,
    );
  });
});
