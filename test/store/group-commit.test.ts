/**
 * Group commit of idempotency keys (group-commit.ts, idempotency-batch-writes.ts) on both stores:
 * many concurrent reserves, of distinct keys (more than one batch holds) and of one key, give
 * exactly one `reserved` per key, for every interleaving fast-check tries; a batch with a failing
 * row fails only that row's caller; close() commits what was already asked for.
 */
import fc from 'fast-check';
import { requestFingerprint } from '../../src/store/canonical-json';
import type { IdempotencyKeyTable } from '../../src/store/database-schema';
import { GroupCommit, GroupCommitClosedError } from '../../src/store/group-commit';
import { insertReservations } from '../../src/store/idempotency-batch-writes';
import { IDEMPOTENCY_BATCH_SIZE, type IdempotencyRequest, type Reservation } from '../../src/store/idempotency-repository';
import { describeEachStore } from './support/store-targets';

const LOCK_MS = 30_000;

function request(key: string, tenant = 'default'): IdempotencyRequest {
  return { tenant, key, operation: 'createLead', fingerprint: requestFingerprint('createLead', { key }) };
}

function winnersPerKey(keys: readonly string[], reservations: readonly Reservation[]): Map<string, number> {
  const winners = new Map<string, number>(keys.map((key) => [key, 0]));
  reservations.forEach((reservation, index) => {
    if (reservation.status === 'reserved') winners.set(keys[index]!, winners.get(keys[index]!)! + 1);
  });
  return winners;
}

/** The next event-loop turn: callers on either side of it may land in different batches. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describeEachStore('group commit of idempotency keys', (target) => {
  beforeEach(() => target().reset());

  test('concurrent reserves of distinct keys (more than one batch) and of one key: exactly one winner per key, all committed', async () => {
    const store = await target().open();
    const distinct = Array.from({ length: IDEMPOTENCY_BATCH_SIZE + 36 }, (_, n) => `distinct-${n}`);
    const keys = [...distinct, ...Array.from({ length: 20 }, () => 'shared')];
    const reservations = await Promise.all(keys.map((key) => store.idempotency.reserve(request(key), LOCK_MS)));

    expect([...winnersPerKey(keys, reservations).values()].every((count) => count === 1)).toBe(true);
    const losers = reservations.filter((reservation) => reservation.status !== 'reserved');
    expect(losers).toHaveLength(19);
    expect(losers.every((reservation) => reservation.status === 'inProgress')).toBe(true);
    const rows = await store.db.selectFrom('idempotency_keys').select(['key', 'state']).execute();
    expect(rows).toHaveLength(distinct.length + 1);

    // The outcomes go through their own group commit: each holder completes its key once, a second time is refused.
    const completed = await Promise.all(
      [...distinct, 'shared', 'shared'].map((key) => store.idempotency.complete(request(key), { lead: key })),
    );
    expect(completed.filter(Boolean)).toHaveLength(distinct.length + 1);
    expect(await store.idempotency.reserve(request('distinct-7'), LOCK_MS)).toEqual({ status: 'replay', outcome: { lead: 'distinct-7' } });
  });

  test('for every interleaving of reserves over a few keys, across two tenants, each key has exactly one winner', async () => {
    const store = await target().open();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        // Turns of callers: each inner array is submitted in one event-loop turn (one batch or more).
        fc.array(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('t1', 't2')), { maxLength: 8 }), {
          minLength: 1,
          maxLength: 4,
        }),
        async (turns) => {
          const prefix = `run-${run++}-`;
          const calls: Array<{ id: string; promise: Promise<Reservation> }> = [];
          for (const turn of turns) {
            for (const [key, tenant] of turn)
              calls.push({ id: `${tenant}/${key}`, promise: store.idempotency.reserve(request(prefix + key, tenant), LOCK_MS) });
            await nextTurn();
          }
          const reservations = await Promise.all(calls.map((call) => call.promise));
          const winners = winnersPerKey(
            calls.map((call) => call.id),
            reservations,
          );
          return [...winners.values()].every((count) => count === 1);
        },
      ),
      { numRuns: 25 },
    );
  });

  test('callers of one event-loop turn share one write; a batch with a failing row is rewritten row by row: that caller gets its error, the others are committed', async () => {
    const store = await target().open();
    const writes: number[] = [];
    const writer = new GroupCommit<IdempotencyKeyTable, boolean>((rows) => {
      writes.push(rows.length);
      return insertReservations(store.db, rows);
    }, 16);
    const row = (key: string): IdempotencyKeyTable => ({
      ...request(key),
      state: 'IN_PROGRESS',
      outcome: null,
      locked_until: 1,
      created_at: 1,
      expires_at: Date.now() + 60_000,
    });
    // operation is NOT NULL on both stores: this row makes the batch's statement fail.
    const broken = { ...row('broken'), operation: null as unknown as string };
    const results = await Promise.allSettled([row('good-1'), broken, row('good-2'), row('good-3')].map((item) => writer.submit(item)));

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(results.filter((result) => result.status === 'fulfilled').map((result) => result.value)).toEqual([true, true, true]);
    const keys = (await store.db.selectFrom('idempotency_keys').select('key').orderBy('key').execute()).map((r) => r.key);
    expect(keys).toEqual(['good-1', 'good-2', 'good-3']);
    expect(writes).toEqual([4, 1, 1, 1, 1]);

    const sameTurn = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((key) => writer.submit(row(`turn-${key}`))));
    expect(sameTurn).toEqual([true, true, true, true, true]);
    expect(writes.slice(5)).toEqual([5]);
    await writer.close();
  });

  test('close commits every reserve and outcome already asked for, then refuses new ones', async () => {
    const store = await target().open();
    await store.idempotency.reserve(request('held'), LOCK_MS);
    const asked = [
      ...Array.from({ length: 10 }, (_, n) => store.idempotency.reserve(request(`late-${n}`), LOCK_MS)),
      store.idempotency.complete(request('held'), { lead: 'held' }),
    ];
    await store.close();
    const answers = await Promise.all(asked);
    expect(answers.slice(0, 10).every((answer) => (answer as Reservation).status === 'reserved')).toBe(true);
    expect(answers[10]).toBe(true);
    await expect(store.idempotency.reserve(request('after'), LOCK_MS)).rejects.toBeInstanceOf(GroupCommitClosedError);

    const reopened = await target().open();
    expect(await reopened.db.selectFrom('idempotency_keys').select('key').execute()).toHaveLength(11);
    expect(await reopened.idempotency.reserve(request('held'), LOCK_MS)).toEqual({ status: 'replay', outcome: { lead: 'held' } });
  });
});
