/**
 * Idempotency keys on both stores: reserve / complete / release, replay of the stored outcome,
 * reuse with another input, a holder still working or vanished, expiry, tenants, and exactly one
 * `reserved` among concurrent callers (one process, and several stores standing for replicas).
 */
import { sql } from 'kysely';
import { requestFingerprint } from '../../src/store/canonical-json';
import type { IdempotencyRequest } from '../../src/store/idempotency-repository';
import { describeEachStore, TestClock } from './support/store-targets';

const HOUR = 60 * 60 * 1000;

function request(overrides: Partial<IdempotencyRequest> = {}): IdempotencyRequest {
  const input = { provider: 'KEYSPOT', contact: { email: 'maria.souza@example.com.br' } };
  return { tenant: 'default', key: 'key-1', operation: 'createLead', fingerprint: requestFingerprint('createLead', input), ...overrides };
}

describeEachStore('idempotency keys', (target) => {
  beforeEach(() => target().reset());

  test('a completed key replays its outcome for the same request', async () => {
    const store = await target().open();
    expect(await store.idempotency.reserve(request(), 30_000)).toEqual({ status: 'reserved' });
    const outcome = { lead: { id: 'keyspot:42', contact: { email: 'maria.souza@example.com.br' } } };
    expect(await store.idempotency.complete(request(), outcome)).toBe(true);
    expect(await store.idempotency.reserve(request(), 30_000)).toEqual({ status: 'replay', outcome });
  });

  test('the same key with another input or another operation is a reuse, whatever its state', async () => {
    const store = await target().open();
    await store.idempotency.reserve(request(), 30_000);
    expect(await store.idempotency.reserve(request({ fingerprint: requestFingerprint('createLead', { other: 1 }) }), 30_000)).toEqual({
      status: 'reused',
    });
    await store.idempotency.complete(request(), { ok: true });
    expect(await store.idempotency.reserve(request({ operation: 'submitLead' }), 30_000)).toEqual({ status: 'reused' });
  });

  test('a key still held answers inProgress with the seconds left on its lock, then abandoned once the lock ran out', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    await store.idempotency.reserve(request(), 30_000);
    clock.advance(10_500);
    expect(await store.idempotency.reserve(request(), 30_000)).toEqual({ status: 'inProgress', retryAfterSeconds: 20 });
    clock.advance(19_500);
    // The holder vanished without an outcome: it may have sent, so the key is never handed out again...
    expect(await store.idempotency.reserve(request(), 30_000)).toEqual({ status: 'abandoned' });
    expect(await store.idempotency.complete(request({ key: 'never-reserved' }), {})).toBe(false);
    // ...until it expires (IDEMPOTENCY_TTL_HOURS).
    clock.advance(24 * HOUR);
    expect(await store.idempotency.reserve(request(), 30_000)).toEqual({ status: 'reserved' });
  });

  test('release frees a held key (nothing was sent); a completed key cannot be released', async () => {
    const store = await target().open();
    await store.idempotency.reserve(request(), 30_000);
    expect(await store.idempotency.release(request())).toBe(true);
    expect(await store.idempotency.reserve(request(), 30_000)).toEqual({ status: 'reserved' });
    await store.idempotency.complete(request(), { refused: 'PROVIDER_REJECTED' });
    expect(await store.idempotency.release(request())).toBe(false);
    expect(await store.idempotency.reserve(request(), 30_000)).toEqual({ status: 'replay', outcome: { refused: 'PROVIDER_REJECTED' } });
  });

  test('keys are scoped by tenant', async () => {
    const store = await target().open();
    expect(await store.idempotency.reserve(request({ tenant: 'acme' }), 30_000)).toEqual({ status: 'reserved' });
    expect(await store.idempotency.reserve(request({ tenant: 'globex' }), 30_000)).toEqual({ status: 'reserved' });
  });

  test('10 concurrent reserves of one key in one process: exactly one is reserved', async () => {
    const store = await target().open({ poolSize: 10 });
    const results = await Promise.all(Array.from({ length: 10 }, () => store.idempotency.reserve(request(), 30_000)));
    expect(results.filter((result) => result.status === 'reserved')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'inProgress')).toHaveLength(9);
  });

  test('concurrent reserves through every store a deployment can have (replicas on PostgreSQL): exactly one is reserved per key', async () => {
    // PostgreSQL: three stores stand for three replicas. SQLite: one process holds the file's only connection.
    const replicas = target().kind === 'postgres' ? 3 : 1;
    const stores = await Promise.all(Array.from({ length: replicas }, () => target().open({ poolSize: 4 })));
    const keys = Array.from({ length: 8 }, (_, n) => request({ key: `race-${n}` }));
    const perKey = 6;
    const results = await Promise.all(
      keys.flatMap((key) => Array.from({ length: perKey }, (_, n) => stores[n % stores.length]!.idempotency.reserve(key, 30_000))),
    );
    const reservedPerKey = keys.map(
      (_, n) => results.slice(n * perKey, (n + 1) * perKey).filter((result) => result.status === 'reserved').length,
    );
    expect(reservedPerKey).toEqual(keys.map(() => 1));
  });

  test('expired keys are purged; live ones stay', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    await store.idempotency.reserve(request({ key: 'old' }), 1000);
    clock.advance(23 * HOUR);
    await store.idempotency.reserve(request({ key: 'young' }), 1000);
    clock.advance(HOUR);
    expect(await store.idempotency.purgeExpired()).toBe(1);
    const left = await store.db.selectFrom('idempotency_keys').select('key').execute();
    expect(left.map((row) => row.key)).toEqual(['young']);
  });

  test('the stored outcome is ciphertext: the raw row holds no personal data', async () => {
    const store = await target().open();
    await store.idempotency.reserve(request(), 30_000);
    await store.idempotency.complete(request(), { contact: { email: 'maria.souza@example.com.br', phone: '+55 11 91234-5678' } });
    const raw = await sql<Record<string, unknown>>`select * from idempotency_keys`.execute(store.db);
    const text = JSON.stringify(raw.rows);
    expect(text).not.toContain('maria.souza');
    expect(text).not.toContain('91234');
    expect(text).toMatch(/lg1\.[0-9a-f]{8}\./);
  });
});
