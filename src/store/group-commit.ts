/**
 * Group commit: writes that arrive close together share one commit. A durable commit (SQLite's
 * fsync under synchronous=FULL, a PostgreSQL round trip) costs more than the row it writes, so a
 * batch of rows written by one statement or transaction divides that cost by the batch size under
 * load. When idle, a write goes out at the end of the current event-loop turn (setImmediate), with
 * whatever else that turn asked for; while a batch is being committed, the next callers queue and
 * go together as soon as it is done. With `gatherMs` > 0, while writes arrive steadily (their mean
 * gap, weighted toward the latest, is under `gatherMs`) a batch is held open for about
 * GATHER_ARRIVALS more of them — at most `gatherMs`, never past a full batch, and no longer once
 * arrivals stop (QUIET_GAPS mean gaps without one: the writers are waiting on this batch). This is
 * PostgreSQL's commit_delay idea: a few milliseconds under load for far fewer commits; the wait
 * shrinks as the rate grows, and a lone write (or the first few after a quiet spell) never waits.
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

/** How many more writes a gathering batch waits for, at the current mean gap. */
const GATHER_ARRIVALS = 4;
/** Weight of the latest gap in the mean gap. */
const GAP_WEIGHT = 0.5;
/** A gathering batch goes once no item has arrived for this many mean gaps (arrivals have stopped). */
const QUIET_GAPS = 3;

export class GroupCommit<Item, Result> {
  private queue: Array<Pending<Item, Result>> = [];
  private running: Promise<void> | undefined;
  private closed = false;
  /** When the previous item was submitted (`now()`). */
  private lastSubmitAt = -Infinity;
  /** Mean gap between submissions in ms, weighted toward the latest; gaps count at most 2 × gatherMs. */
  private meanGapMs: number;
  /** The gathering wait in progress: `stop` ends it (a full batch, close()); `rearm` brings its end forward when an arrival shortens the quiet spell. */
  private gatherWait: { stop(): void; rearm(now: number): void } | undefined;

  constructor(
    private readonly write: BatchWrite<Item, Result>,
    private readonly maxBatch: number,
    /** The longest a batch waits for more items while items arrive steadily; 0: never waits. */
    private readonly gatherMs = 0,
    /** Milliseconds on a monotonic clock (tests pass their own). */
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error(`maxBatch must be a positive integer, got ${maxBatch}`);
    if (!(gatherMs >= 0 && gatherMs <= 1000)) throw new Error(`gatherMs must be 0 to 1000 milliseconds, got ${gatherMs}`);
    this.meanGapMs = 2 * gatherMs;
  }

  /** Resolves with the item's result once it is committed; rejects with its write's error. */
  submit(item: Item): Promise<Result> {
    if (this.closed) return Promise.reject(new GroupCommitClosedError());
    const now = this.now();
    this.meanGapMs += GAP_WEIGHT * (Math.min(now - this.lastSubmitAt, 2 * this.gatherMs) - this.meanGapMs);
    this.lastSubmitAt = now;
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.gatherWait?.stop();
      else this.gatherWait?.rearm(now);
      this.running ??= this.run(this.gatherWindowMs());
    });
  }

  /** Commits everything already submitted (at once: a gathering wait ends), then refuses new items. */
  async close(): Promise<void> {
    this.closed = true;
    this.gatherWait?.stop();
    await this.running;
  }

  /** How long a new batch waits for more items: 0 unless they arrive steadily (under 1 ms is not worth a timer). */
  private gatherWindowMs(): number {
    if (this.meanGapMs >= this.gatherMs) return 0;
    const window = Math.min(this.gatherMs, GATHER_ARRIVALS * this.meanGapMs);
    return window >= 1 ? window : 0;
  }

  private async run(gatherMs: number): Promise<void> {
    // The rest of this event-loop turn's callers join the first batch; while items arrive
    // steadily, so do those of the next gatherMs.
    if (gatherMs > 0 && !this.closed) await this.gathering(gatherMs);
    else await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    this.running = undefined;
  }

  /**
   * Waits at most `ms` for more items, and less when they stop coming: once no item has arrived for
   * QUIET_GAPS mean gaps, the writers are likely all waiting on this very batch (a client with a few
   * connections in a loop), and waiting longer would only hold them.
   */
  private gathering(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const deadline = this.now() + ms;
      const wakeAt = () => Math.min(deadline, this.lastSubmitAt + Math.max(1, QUIET_GAPS * this.meanGapMs));
      let timer: NodeJS.Timeout | undefined;
      let armedFor = Infinity;
      const stop = () => {
        clearTimeout(timer);
        this.gatherWait = undefined;
        resolve();
      };
      const arm = (now: number) => {
        const at = wakeAt();
        if (now >= at) return stop();
        if (at >= armedFor) return; // the armed timer comes first and looks again
        clearTimeout(timer);
        armedFor = at;
        timer = setTimeout(() => {
          armedFor = Infinity;
          arm(this.now());
        }, at - now);
      };
      this.gatherWait = { stop, rearm: arm };
      arm(this.now());
    });
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
