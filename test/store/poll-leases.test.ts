/**
 * Poll leases (migration 0003), on both stores: of replicas racing for a free lease exactly one
 * gets it, the holder renews it, another takes it once it expired or was released, and a release
 * by anyone but the holder changes nothing.
 */
import { describeEachStore, TestClock } from './support/store-targets';

describeEachStore('poll leases', (target) => {
  beforeEach(() => target().reset());

  test('of replicas racing for a free lease exactly one holds it; it renews; others take it only once it expired', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock, poolSize: 4 });
    const holders = ['a', 'b', 'c', 'd'];
    const won = await Promise.all(holders.map((holder) => store.pollLeases.acquire('default', 'TESSELYS', holder, 1_000)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const winner = holders[won.indexOf(true)]!;
    const other = holders.find((holder) => holder !== winner)!;

    clock.advance(900);
    expect(await store.pollLeases.acquire('default', 'TESSELYS', winner, 1_000)).toBe(true);
    clock.advance(900);
    expect(await store.pollLeases.acquire('default', 'TESSELYS', other, 1_000)).toBe(false);
    expect((await store.pollLeases.holder('default', 'TESSELYS'))?.holder).toBe(winner);

    clock.advance(100);
    expect(await store.pollLeases.acquire('default', 'TESSELYS', other, 1_000)).toBe(true);
    expect(await store.pollLeases.acquire('default', 'TESSELYS', winner, 1_000)).toBe(false);
    // Leases are per tenant × provider.
    expect(await store.pollLeases.acquire('acme', 'TESSELYS', winner, 1_000)).toBe(true);
  });

  test('a release frees the lease at once, and only its holder can release it', async () => {
    const store = await target().open({ clock: new TestClock() });
    expect(await store.pollLeases.acquire('default', 'TESSELYS', 'a', 60_000)).toBe(true);
    expect(await store.pollLeases.release('default', 'TESSELYS', 'b')).toBe(false);
    expect(await store.pollLeases.acquire('default', 'TESSELYS', 'b', 60_000)).toBe(false);
    expect(await store.pollLeases.release('default', 'TESSELYS', 'a')).toBe(true);
    expect(await store.pollLeases.acquire('default', 'TESSELYS', 'b', 60_000)).toBe(true);
  });
});
