/**
 * GroupCommit's contract for every interleaving fast-check tries (the stores' side is in
 * test/store/group-commit.test.ts): callers spread over event-loop turns, some of whose items make
 * a write fail. Each good item is committed exactly once and its caller gets that write's result;
 * each bad item's caller gets the error; no write holds more than maxBatch items; items are
 * committed in the order they were submitted; close() waits for all of it. With a gathering window
 * (gatherMs), items arriving steadily share a batch, a lone item never waits, and close() ends a
 * wait at once.
 */
import fc from 'fast-check';
import { GroupCommit } from '../../src/store/group-commit';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The promise's outcome, with its handler attached at once (a rejection before the test looks is not "unhandled"). */
const settle = <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );

test('every good item committed once, in order, with its own result; every bad one rejected; batches bounded', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(fc.boolean(), { maxLength: 12 }), { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 1, max: 6 }),
      fc.constantFrom(0, 0, 1, 3),
      async (turns, maxBatch, gatherMs) => {
        const committed: number[] = [];
        const sizes: number[] = [];
        const bad = new Set<number>();
        const writer = new GroupCommit<number, string>(
          async (items) => {
            sizes.push(items.length);
            await nextTurn(); // a commit takes time: later callers queue behind it
            if (items.some((item) => bad.has(item))) throw new Error('refused');
            committed.push(...items);
            return items.map((item) => `ok ${item}`);
          },
          maxBatch,
          gatherMs,
        );

        const calls: Array<{ item: number; result: Promise<PromiseSettledResult<string>> }> = [];
        let next = 0;
        for (const turn of turns) {
          for (const isBad of turn) {
            const item = next++;
            if (isBad) bad.add(item);
            calls.push({ item, result: settle(writer.submit(item)) });
          }
          await nextTurn();
        }
        await writer.close();
        const settled = await Promise.all(calls.map((call) => call.result));

        const good = calls.filter((call) => !bad.has(call.item)).map((call) => call.item);
        expect(committed).toEqual(good);
        settled.forEach((outcome, index) => {
          const { item } = calls[index]!;
          if (bad.has(item)) expect(outcome.status).toBe('rejected');
          else expect(outcome).toEqual({ status: 'fulfilled', value: `ok ${item}` });
        });
        expect(Math.max(0, ...sizes)).toBeLessThanOrEqual(maxBatch);
      },
    ),
    { numRuns: 60 },
  );
});

test('a closed writer refuses new items', async () => {
  const writer = new GroupCommit<number, number>(async (items) => items, 4);
  await expect(writer.submit(1)).resolves.toBe(1);
  await writer.close();
  await expect(writer.submit(2)).rejects.toThrow('The store is closing');
});

describe('gathering (gatherMs)', () => {
  // setTimeout is fake and never advanced: a write that waited for the gathering window would never
  // happen, so each of these tests would time out if the writer waited where it must not. The
  // writer's clock is the test's: each submission comes 1 ms after the previous one.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  /** A writer that records its batches; its clock steps 1 ms per reading unless `now` is given. */
  const recording = (maxBatch: number, gatherMs = 1000, now?: () => number) => {
    const batches: number[][] = [];
    let clock = 0;
    const writer = new GroupCommit<number, number>(
      async (items) => {
        batches.push([...items]);
        return items;
      },
      maxBatch,
      gatherMs,
      now ?? (() => clock++),
    );
    return { writer, batches };
  };

  /** Two writes 1 ms apart, each committed alone: after them, writes count as arriving steadily. */
  const warmUp = async (writer: GroupCommit<number, number>) => {
    for (const item of [1, 2]) {
      await expect(writer.submit(item)).resolves.toBe(item); // not steady yet: it went at once
      await nextTurn(); // that write's run is over
    }
  };

  test('a lone write, and the first after a quiet spell, go at once', async () => {
    const { writer, batches } = recording(8);
    await warmUp(writer);
    expect(batches).toEqual([[1], [2]]);
  });

  test('writes arriving steadily wait for each other, and a full batch goes without waiting out the window', async () => {
    const { writer, batches } = recording(3);
    await warmUp(writer);
    const gathered = [writer.submit(3)];
    await nextTurn();
    gathered.push(writer.submit(4));
    await nextTurn();
    expect(batches).toEqual([[1], [2]]); // still gathering: 3 and 4 wait for more
    gathered.push(writer.submit(5)); // the batch is full: it goes now
    await expect(Promise.all(gathered)).resolves.toEqual([3, 4, 5]);
    expect(batches).toEqual([[1], [2], [3, 4, 5]]);
  });

  test('a gathering batch goes once arrivals stop (a few mean gaps), not at the end of its window', async () => {
    let clock = 0;
    const { writer, batches } = recording(64, 100, () => clock);
    // Writes 1 ms apart: the first few go at once, then they count as steady and gather.
    const pending: Array<Promise<number>> = [];
    for (let item = 1; item <= 10; item++) {
      clock += 1;
      pending.push(writer.submit(item));
      await nextTurn();
    }
    const committed = batches.flat().length;
    expect(committed).toBeLessThan(10); // the last ones are gathering
    // Arrivals stop. Well inside the 100 ms window, the quiet spell ends the wait.
    clock += 10;
    jest.advanceTimersByTime(10);
    await expect(Promise.all(pending)).resolves.toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('while writes keep arriving, a gathering batch waits for them up to its window', async () => {
    let clock = 0;
    const { writer, batches } = recording(64, 100, () => clock);
    const pending: Array<Promise<number>> = [];
    for (let item = 1; item <= 40; item++) {
      clock += 1;
      jest.advanceTimersByTime(1);
      pending.push(writer.submit(item));
      await nextTurn();
    }
    // One 1 ms gap at a time never makes a quiet spell: the gathering batch holds more than a few.
    clock += 200;
    jest.advanceTimersByTime(200);
    await expect(Promise.all(pending)).resolves.toHaveLength(40);
    expect(Math.max(...batches.map((batch) => batch.length))).toBeGreaterThan(5);
  });

  test('close() commits a gathering batch at once', async () => {
    const { writer, batches } = recording(8);
    await warmUp(writer);
    const waiting = writer.submit(3);
    await nextTurn();
    expect(batches).toEqual([[1], [2]]); // gathering
    await writer.close();
    await expect(waiting).resolves.toBe(3);
    expect(batches).toEqual([[1], [2], [3]]);
  });
});
