/**
 * Retention on both stores: delivered and failed submissions and lead records older than
 * LEAD_RETENTION_DAYS, and idempotency keys past their TTL, are deleted; waiting submissions never.
 */
import { describeEachStore, TestClock } from './support/store-targets';

const DAY = 24 * 60 * 60 * 1000;

describeEachStore('retention', (target) => {
  beforeEach(() => target().reset());

  test('purge deletes what is past retention and keeps the rest', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock, config: { leadRetentionDays: 30 } });
    const submit = async (n: number) => {
      const result = await store.submissions.enqueue({ tenant: 'default', provider: 'KEYSPOT', input: { n } });
      if (result.status !== 'enqueued') throw new Error(result.status);
      return result.submission.id;
    };
    const oldDelivered = await submit(1);
    const oldFailed = await submit(2);
    const oldQueued = await submit(3);
    await store.submissions.claim('w', 1000, 3);
    await store.submissions.handBack(oldQueued, 'w');
    await store.submissions.markDelivered(oldDelivered, { providerLeadId: 'p1', lead: {} });
    await store.submissions.markFailed(oldFailed, 'w', { code: 'PROVIDER_REJECTED', message: 'no' });
    await store.leadRecords.upsert({
      tenant: 'default',
      provider: 'KEYSPOT',
      providerLeadId: 'old',
      lead: {},
      createdAt: new Date(clock.now),
      updatedAt: new Date(clock.now),
    });
    await store.idempotency.reserve({ tenant: 'default', key: 'k', operation: 'createLead', fingerprint: 'f' }, 1000);

    clock.advance(30 * DAY - 1);
    const recent = await submit(4);
    await store.submissions.claim('w', 1000, 5);
    await store.submissions.markDelivered(recent, { providerLeadId: 'p4', lead: {} });
    expect(await store.retention.purge()).toEqual({ idempotencyKeys: 1, submissions: 0, leadRecords: 0 });

    clock.advance(1);
    expect(await store.retention.purge()).toEqual({ idempotencyKeys: 0, submissions: 2, leadRecords: 1 });
    const left = await store.db.selectFrom('submissions').select('id').execute();
    expect(left.map((row) => row.id).sort()).toEqual([oldQueued, recent].sort());
    expect(await store.retention.purge()).toEqual({ idempotencyKeys: 0, submissions: 0, leadRecords: 0 });
  });
});
