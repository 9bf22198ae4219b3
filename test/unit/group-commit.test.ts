/**
 * GroupCommit's contract for every interleaving fast-check tries (the stores' side is in
 * test/store/group-commit.test.ts): callers spread over event-loop turns, some of whose items make
 * a write fail. Each good item is committed exactly once and its caller gets that write's result;
 * each bad item's caller gets the error; no write holds more than maxBatch items; items are
 * committed in the order they were submitted; close() waits for all of it.
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
      async (turns, maxBatch) => {
        const committed: number[] = [];
        const sizes: number[] = [];
        const bad = new Set<number>();
        const writer = new GroupCommit<number, string>(async (items) => {
          sizes.push(items.length);
          await nextTurn(); // a commit takes time: later callers queue behind it
          if (items.some((item) => bad.has(item))) throw new Error('refused');
          committed.push(...items);
          return items.map((item) => `ok ${item}`);
        }, maxBatch);

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
