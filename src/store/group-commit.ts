/**
 * Group commit: writes that arrive close together share one commit. A durable commit (SQLite's
 * fsync under synchronous=FULL, a PostgreSQL round trip) costs more than the row it writes, so a
 * batch of rows written by one statement or transaction divides that cost by the batch size under
 * load. Batching is natural, never a wait: when idle, a write goes out at the end of the current
 * event-loop turn (setImmediate), with whatever else that turn asked for; while a batch is being
 * committed, the next callers queue and go together as soon as it is done.
 *
 * Contract:
 * - A caller's promise resolves only after the batch holding its item is committed (accepted
 *   means committed), with the result `write` gave for that item.
 * - A batch whose write fails is retried item by item, each in its own write: one bad row fails
 *   only its own caller, and when the store itself is failing every caller gets its own error.
 *   (`write` must therefore leave nothing behind when it throws: one statement or one transaction.)
 * - Items are written in the order they were submitted, at most `maxBatch` per write, one write in
 *   flight at a time.
 * - close() lets every item already submitted be committed, then refuses new ones.
 */

/** Writes every item in one statement or transaction (all or nothing); one result per item, in order. */
export type BatchWrite<Item, Result> = (items: readonly Item[]) => Promise<readonly Result[]>;

interface Pending<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export class GroupCommitClosedError extends Error {
  constructor() {
    super('The store is closing: no new write is accepted');
    this.name = 'GroupCommitClosedError';
  }
}

export class GroupCommit<Item, Result> {
  private queue: Array<Pending<Item, Result>> = [];
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly write: BatchWrite<Item, Result>,
    private readonly maxBatch: number,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error(`maxBatch must be a positive integer, got ${maxBatch}`);
  }

  /** Resolves with the item's result once it is committed; rejects with its write's error. */
  submit(item: Item): Promise<Result> {
    if (this.closed) return Promise.reject(new GroupCommitClosedError());
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.running ??= this.run();
    });
  }

  /** Commits everything already submitted, then refuses new items. */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
  }

  private async run(): Promise<void> {
    // The rest of this event-loop turn's callers join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    this.running = undefined;
  }

  private async commit(batch: Array<Pending<Item, Result>>): Promise<void> {
    let results: readonly Result[];
    try {
      results = await this.checked(batch.map((pending) => pending.item));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const pending of batch) {
        try {
          pending.resolve((await this.checked([pending.item]))[0]!);
        } catch (alone) {
          pending.reject(alone);
        }
      }
      return;
    }
    batch.forEach((pending, index) => pending.resolve(results[index]!));
  }

  private async checked(items: readonly Item[]): Promise<readonly Result[]> {
    const results = await this.write(items);
    if (results.length !== items.length) throw new Error(`A batch write gave ${results.length} results for ${items.length} items`);
    return results;
  }
}
