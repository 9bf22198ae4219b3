/**
 * The submissions queue on both stores: enqueue (with and without an idempotency key), claims that
 * never hand one submission to two workers (parallel workers in one process, and real child
 * processes), leases that pass work on, the in-flight marker that makes a re-send a possible
 * duplicate, retry / fail / deliver / hand back / requeue, listing newest first, counts and age.
 */
import { sql } from 'kysely';
import { requestFingerprint } from '../../src/store/canonical-json';
import type { Store } from '../../src/store/store';
import { describeEachStore, TestClock } from './support/store-targets';
import { runTsChild } from './support/ts-child';

const LEASE = 30_000;
const input = (n = 1) => ({ provider: 'KEYSPOT', description: `Interesse no imóvel ${n}`, contact: { email: `maria${n}@example.com.br` } });

async function enqueue(store: Store, tenant = 'default', n = 1, provider = 'KEYSPOT') {
  const result = await store.submissions.enqueue({ tenant, provider, input: input(n) });
  if (result.status !== 'enqueued') throw new Error(`expected enqueued, got ${result.status}`);
  return result.submission;
}

describeEachStore('submissions', (target) => {
  beforeEach(() => target().reset());

  test('enqueue stores a QUEUED submission due now, readable by its tenant only', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    const submission = await enqueue(store, 'acme');
    expect(submission).toMatchObject({
      tenant: 'acme',
      provider: 'KEYSPOT',
      status: 'QUEUED',
      attempts: 0,
      possibleDuplicate: false,
      outcomeUnknown: false,
      lastError: null,
      nextAttemptAt: new Date(clock.now),
      createdAt: new Date(clock.now),
      deliveredAt: null,
      input: input(),
    });
    expect(await store.submissions.get('acme', submission.id)).toEqual(submission);
    expect(await store.submissions.get('globex', submission.id)).toBeUndefined();
    expect(await store.submissions.get('acme', 'not-a-uuid')).toBeUndefined();
  });

  test('10 concurrent enqueues under one key make one submission; the others replay it; another input is a reuse', async () => {
    const store = await target().open({ poolSize: 10 });
    const idempotency = { key: 'form-123', operation: 'submitLead', fingerprint: requestFingerprint('submitLead', input()) };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.submissions.enqueue({ tenant: 'default', provider: 'KEYSPOT', input: input(), idempotency })),
    );
    const enqueued = results.filter((result) => result.status === 'enqueued');
    expect(enqueued).toHaveLength(1);
    const id = enqueued[0]!.status === 'enqueued' ? enqueued[0]!.submission.id : '';
    expect(
      results.map((result) => (result.status === 'enqueued' || result.status === 'replay' ? result.submission.id : result.status)),
    ).toEqual(Array.from({ length: 10 }, () => id));
    const other = { ...idempotency, fingerprint: requestFingerprint('submitLead', input(2)) };
    expect(await store.submissions.enqueue({ tenant: 'default', provider: 'KEYSPOT', input: input(2), idempotency: other })).toEqual({
      status: 'reused',
    });
    expect(await store.db.selectFrom('submissions').select('id').execute()).toEqual([{ id }]);
  });

  test('parallel workers claiming from one store never get the same submission', async () => {
    const store = await target().open({ poolSize: 8 });
    const ids = [];
    for (let n = 0; n < 24; n++) ids.push((await enqueue(store, 'default', n)).id);
    const claimed: string[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, worker) => {
        for (;;) {
          const batch = await store.submissions.claim(`worker-${worker}`, LEASE, 2);
          if (batch.length === 0) return;
          claimed.push(...batch.map((submission) => submission.id));
        }
      }),
    );
    expect(claimed.sort()).toEqual(ids.sort());
  });

  test('three worker processes claiming from one store never get the same submission', async () => {
    const store = await target().open();
    const ids = [];
    for (let n = 0; n < 30; n++) ids.push((await enqueue(store, 'default', n)).id);
    if (target().kind === 'sqlite') await store.close(); // the children need the file's write lock
    const workers = ['a', 'b', 'c'].map((name) => runTsChild('child-claim-worker.ts', [name], target().env));
    const exits = await Promise.all(workers.map((worker) => worker.exited));
    expect({ exits, stderr: workers.map((worker) => worker.stderr()).filter(Boolean) }).toEqual({ exits: [0, 0, 0], stderr: [] });
    const claimed = workers.flatMap((worker) => worker.lines.filter((line) => line.startsWith('claimed ')).map((line) => line.slice(8)));
    expect(claimed.sort()).toEqual(ids.sort());
    const reopened = target().kind === 'sqlite' ? await target().open() : store;
    expect((await reopened.submissions.countByStatus()).DELIVERED).toBe(30);
  });

  test('a lease that runs out hands the submission to another worker; the old owner is fenced off', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    const { id } = await enqueue(store);
    expect((await store.submissions.claim('a', LEASE, 5)).map((s) => s.id)).toEqual([id]);
    expect(await store.submissions.claim('b', LEASE, 5)).toEqual([]);
    clock.advance(LEASE - 1);
    expect(await store.submissions.renewLease(id, 'a', LEASE)).toBe(true);
    clock.advance(LEASE - 1);
    expect(await store.submissions.claim('b', LEASE, 5)).toEqual([]);
    clock.advance(1);
    const [taken] = await store.submissions.claim('b', LEASE, 5);
    expect(taken).toMatchObject({ id, status: 'DELIVERING', leaseOwner: 'b', outcomeUnknown: false });
    const error = { code: 'PROVIDER_UNAVAILABLE', message: 'down' };
    expect(await store.submissions.markRetry(id, 'a', { nextAttemptAt: new Date(clock.now), error, outcomeUnknown: false })).toBe(false);
    expect(await store.submissions.markAttemptStarted(id, 'a')).toBe(false);
    expect(await store.submissions.markFailed(id, 'a', error)).toBe(false);
    expect(await store.submissions.renewLease(id, 'a', LEASE)).toBe(false);
  });

  test('a worker that died mid-send leaves its outcome unknown: the next send is a possible duplicate', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    const { id } = await enqueue(store);
    await store.submissions.claim('a', LEASE, 1);
    expect(await store.submissions.markAttemptStarted(id, 'a')).toBe(true);
    // 'a' is killed here: no outcome is ever recorded.
    clock.advance(LEASE);
    const [reclaimed] = await store.submissions.claim('b', LEASE, 1);
    expect(reclaimed).toMatchObject({ id, attempts: 1, outcomeUnknown: true, possibleDuplicate: false });
    expect(await store.submissions.markAttemptStarted(id, 'b')).toBe(true);
    expect(await store.submissions.markDelivered(id, { providerLeadId: 'ks-1', lead: { id: 'keyspot:ks-1' } })).toBe(true);
    expect(await store.submissions.get('default', id)).toMatchObject({
      status: 'DELIVERED',
      attempts: 2,
      possibleDuplicate: true,
      outcomeUnknown: false,
      providerLeadId: 'ks-1',
      lead: { id: 'keyspot:ks-1' },
      deliveredAt: new Date(clock.now),
      leaseOwner: null,
    });
  });

  test('a worker that looked first and found the lead delivers without a send: no possible duplicate', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    const { id } = await enqueue(store);
    await store.submissions.claim('a', LEASE, 1);
    await store.submissions.markAttemptStarted(id, 'a');
    clock.advance(LEASE);
    await store.submissions.claim('b', LEASE, 1);
    await store.submissions.markDelivered(id, { providerLeadId: 'ts-9', lead: {} });
    expect(await store.submissions.get('default', id)).toMatchObject({ status: 'DELIVERED', attempts: 1, possibleDuplicate: false });
    expect(await store.submissions.markDelivered(id, { providerLeadId: 'ts-10', lead: {} })).toBe(false);
  });

  test('a worker that looked first and found nothing re-sends with the outcome known again: no possible duplicate', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    const { id } = await enqueue(store);
    await store.submissions.claim('a', LEASE, 1);
    await store.submissions.markAttemptStarted(id, 'a');
    clock.advance(LEASE);
    const [reclaimed] = await store.submissions.claim('b', LEASE, 1);
    expect(reclaimed).toMatchObject({ id, outcomeUnknown: true });
    expect(await store.submissions.markAttemptStarted(id, 'b', { lookedFirst: true })).toBe(true);
    expect(await store.submissions.get('default', id)).toMatchObject({ attempts: 2, possibleDuplicate: false, outcomeUnknown: false });
    // That send itself dies mid-flight: the next claim treats it as unknown again.
    clock.advance(LEASE);
    expect(await store.submissions.claim('c', LEASE, 1)).toMatchObject([{ id, outcomeUnknown: true }]);
  });

  test('markRetry queues it again, due at nextAttemptAt, with its error; an unknown outcome carries over', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    const { id } = await enqueue(store);
    await store.submissions.claim('a', LEASE, 1);
    await store.submissions.markAttemptStarted(id, 'a');
    const error = { code: 'PROVIDER_UNAVAILABLE', message: 'Keyspot timed out after sending' };
    expect(await store.submissions.markRetry(id, 'a', { nextAttemptAt: new Date(clock.now + 5000), error, outcomeUnknown: true })).toBe(
      true,
    );
    expect(await store.submissions.get('default', id)).toMatchObject({
      status: 'QUEUED',
      lastError: error,
      nextAttemptAt: new Date(clock.now + 5000),
      outcomeUnknown: true,
      leaseOwner: null,
    });
    clock.advance(4999);
    expect(await store.submissions.claim('a', LEASE, 1)).toEqual([]);
    clock.advance(1);
    const [again] = await store.submissions.claim('a', LEASE, 1);
    expect(again).toMatchObject({ id, outcomeUnknown: true });
    await store.submissions.markAttemptStarted(id, 'a');
    expect(await store.submissions.get('default', id)).toMatchObject({ attempts: 2, possibleDuplicate: true });
  });

  test('markFailed stops it; requeue (retrySubmission) makes a FAILED one QUEUED with a new delivery run', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    const { id } = await enqueue(store, 'acme');
    await store.submissions.claim('a', LEASE, 1);
    await store.submissions.markAttemptStarted(id, 'a');
    const error = { code: 'PROVIDER_REJECTED', message: 'email is invalid' };
    expect(await store.submissions.markFailed(id, 'a', error)).toBe(true);
    clock.advance(60_000);
    expect(await store.submissions.claim('a', LEASE, 1)).toEqual([]);
    expect(await store.submissions.requeue('globex', id)).toBeUndefined();
    const requeued = await store.submissions.requeue('acme', id);
    expect(requeued).toMatchObject({
      status: 'QUEUED',
      queuedAt: new Date(clock.now),
      nextAttemptAt: new Date(clock.now),
      lastError: error,
    });
    expect(await store.submissions.requeue('acme', id)).toBeUndefined();
    expect((await store.submissions.claim('a', LEASE, 1)).map((s) => s.id)).toEqual([id]);
  });

  test('handBack returns a claimed submission, due at once; an attempt in flight becomes an unknown outcome', async () => {
    const store = await target().open();
    const first = await enqueue(store, 'default', 1);
    const second = await enqueue(store, 'default', 2);
    await store.submissions.claim('a', LEASE, 2);
    await store.submissions.markAttemptStarted(second.id, 'a');
    expect(await store.submissions.handBack(first.id, 'a')).toBe(true);
    expect(await store.submissions.handBack(second.id, 'a')).toBe(true);
    const claimed = await store.submissions.claim('b', LEASE, 2);
    expect(claimed.map((s) => [s.id, s.outcomeUnknown]).sort()).toEqual(
      [
        [first.id, false],
        [second.id, true],
      ].sort(),
    );
  });

  test('list pages a tenant newest first with filters and a total; counts and oldest age cover every tenant', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    const made = [];
    for (let n = 0; n < 5; n++) {
      made.push(await enqueue(store, 'acme', n, n % 2 === 0 ? 'KEYSPOT' : 'TESSELYS'));
      clock.advance(1000);
    }
    await enqueue(store, 'globex');
    const newestFirst = made.map((s) => s.id).reverse();
    const page1 = await store.submissions.list('acme', {}, 2);
    expect(page1.items.map((s) => s.id)).toEqual(newestFirst.slice(0, 2));
    expect(page1).toMatchObject({ hasNextPage: true, totalCount: 5 });
    const last = page1.items.at(-1)!;
    const page2 = await store.submissions.list('acme', {}, 10, { createdAt: last.createdAt.getTime(), id: last.id });
    expect(page2.items.map((s) => s.id)).toEqual(newestFirst.slice(2));
    expect(page2.hasNextPage).toBe(false);
    const keyspot = await store.submissions.list('acme', { provider: 'KEYSPOT' }, 10);
    expect(keyspot.items.map((s) => s.id)).toEqual([made[4]!.id, made[2]!.id, made[0]!.id]);
    expect(keyspot.totalCount).toBe(3);

    await store.submissions.claim('w', LEASE, 1);
    expect((await store.submissions.list('acme', { status: 'DELIVERING' }, 10)).items.map((s) => s.id)).toEqual([made[0]!.id]);
    expect(await store.submissions.countByStatus()).toEqual({ QUEUED: 5, DELIVERING: 1, DELIVERED: 0, FAILED: 0 });
    expect(await store.submissions.oldestQueuedAgeMs()).toBe(5000);
  });

  test('the same creation time pages by id, without a gap or a repeat', async () => {
    const store = await target().open({ clock: new TestClock() });
    const ids = [];
    for (let n = 0; n < 7; n++) ids.push((await enqueue(store, 'acme', n)).id);
    const seen: string[] = [];
    let after;
    for (;;) {
      const page = await store.submissions.list('acme', {}, 3, after);
      seen.push(...page.items.map((s) => s.id));
      if (!page.hasNextPage) break;
      const last = page.items.at(-1)!;
      after = { createdAt: last.createdAt.getTime(), id: last.id };
    }
    expect(seen).toEqual([...ids].sort().reverse());
  });

  test('input, lead and error are ciphertext in the raw table', async () => {
    const store = await target().open();
    const { id } = await enqueue(store);
    await store.submissions.claim('a', LEASE, 1);
    await store.submissions.markAttemptStarted(id, 'a');
    await store.submissions.markRetry(id, 'a', {
      nextAttemptAt: new Date(),
      error: { code: 'PROVIDER_REJECTED', message: 'maria1@example.com.br already exists' },
      outcomeUnknown: false,
    });
    await store.submissions.claim('a', LEASE, 1);
    await store.submissions.markDelivered(id, { providerLeadId: 'x', lead: { contact: { email: 'maria1@example.com.br' } } });
    const raw = await sql<Record<string, unknown>>`select * from submissions`.execute(store.db);
    expect(JSON.stringify(raw.rows)).not.toContain('maria1');
    expect(JSON.stringify(raw.rows)).not.toContain('imóvel');
  });
});
