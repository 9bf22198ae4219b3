/**
 * The delivery worker every gateway process runs (DESIGN.md Part 2, "Durable delivery"). It claims
 * due submissions with a lease (store.submissions.claim: FOR UPDATE SKIP LOCKED on PostgreSQL, so
 * replicas never share a claim), renews the lease while an attempt runs, and runs each attempt
 * (delivery-attempt.ts). It polls every `pollMs` and wakes at once on nudge() (a local submitLead).
 *
 * Contract of stop(): no claim starts after it is called; in-flight attempts get `shutdownGraceMs`
 * to finish, then are aborted and handed back (due at once, for any process); it resolves when
 * none is left. A process that dies instead loses nothing: its leases run out and another worker
 * claims the rows, treating an attempt that had started as maybe-sent.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../logging/logger';
import type { ProviderDirectory } from '../providers/provider-directory';
import type { Store, Submission } from '../store';
import { runDeliveryAttempt, type DeliveryObserver } from './delivery-attempt';
import type { DeliverySettings } from './delivery-settings';
import type { SubmissionChanges } from './submission-changes';

export interface DeliveryWorkerDeps {
  store: Store;
  directory: ProviderDirectory;
  settings: DeliverySettings;
  logger: Logger;
  /** The store's clock (ms): due times, backoff and max age are all measured on it. */
  clock: () => number;
  observer?: DeliveryObserver;
  /** Told of every status the worker records (the change feed). */
  changes?: SubmissionChanges;
}

/** After a hand-back, how long stop() waits for the aborted attempt to notice. */
const ABORTED_ATTEMPT_WAIT_MS = 1_000;

interface InFlight {
  submission: Submission;
  /** The lease owner this claim wrote: unique per claim, so even this worker's own stale attempt is fenced off. */
  owner: string;
  abort: AbortController;
  done: Promise<void>;
}

export class DeliveryWorker {
  /** Unique per worker; each claim's lease owner is this id and a claim number. */
  // 16 hex digits: unique enough among a deployment's processes, and short enough that the log's
  // token redaction (runs of 32+ characters) leaves it readable.
  readonly id = `worker-${randomBytes(8).toString('hex')}`;
  private claims = 0;
  private readonly inFlight = new Map<string, InFlight>();
  private readonly logger: Logger;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private nudged = false;

  constructor(private readonly deps: DeliveryWorkerDeps) {
    this.logger = deps.logger.child({ component: 'delivery', worker: this.id });
  }

  start(): void {
    if (this.loop) return;
    // Its id is the prefix of every lease it writes: which replica holds a submission can be told from the store.
    this.deps.logger.info({ worker: this.id }, 'delivery worker started');
    this.loop = this.run();
  }

  /** Work may be waiting: look now rather than at the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    const pending = [...this.inFlight.values()];
    if (pending.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), this.deps.settings.shutdownGraceMs)),
    );
    const finished = await Promise.race([Promise.all(pending.map((p) => p.done)).then(() => 'done' as const), graceOver]);
    clearTimeout(timer);
    if (finished === 'done') return;
    await Promise.all(
      [...this.inFlight.values()].map(async (flight) => {
        flight.abort.abort();
        // Handed back first: whatever the aborted attempt records after this is fenced off by the lease.
        const handed = await this.deps.store.submissions.handBack(flight.submission.id, flight.owner).catch(() => false);
        this.logger.info({ submission: flight.submission.id, handed }, 'shutting down: in-flight delivery handed back');
        if (handed) this.deps.changes?.changedById(flight.submission.tenant, flight.submission.id);
        // Its last writes are fenced off; waiting a little only keeps them off a closed store.
        await Promise.race([flight.done, delay(ABORTED_ATTEMPT_WAIT_MS)]);
      }),
    );
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const free = this.deps.settings.concurrency - this.inFlight.size;
      let claimed: Submission[] = [];
      const owner = `${this.id}/${++this.claims}`;
      this.nudged = false;
      if (free > 0) {
        try {
          claimed = await this.deps.store.submissions.claim(owner, this.deps.settings.leaseMs, free);
        } catch (error) {
          this.logger.warn({ err: error }, 'claiming submissions failed; trying again at the next poll');
        }
      }
      for (const submission of claimed) {
        this.deps.changes?.changed(submission);
        this.begin(submission, owner);
      }
      // Full, or nothing due: wait for a poll, a nudge or a free slot. Otherwise look again at once.
      if ((claimed.length === 0 || claimed.length === free) && !this.nudged && !this.stopping) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.deps.settings.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  private begin(submission: Submission, owner: string): void {
    // Our own earlier claim of it ran out (a stalled attempt): the new one takes over; the old one is fenced off.
    this.inFlight.get(submission.id)?.abort.abort();
    const abort = new AbortController();
    const renewEvery = Math.max(10, Math.floor(this.deps.settings.leaseMs / 3));
    const renewal = setInterval(() => {
      void this.deps.store.submissions.renewLease(submission.id, owner, this.deps.settings.leaseMs).then(
        (held) => {
          if (!held) abort.abort();
        },
        (error: unknown) => this.logger.warn({ err: error, submission: submission.id }, 'lease renewal failed'),
      );
    }, renewEvery);
    const done = runDeliveryAttempt({ ...this.deps, workerId: owner, logger: this.logger }, submission, abort.signal)
      .then(
        (result) => void (result === 'lease-lost' && this.logger.warn({ submission: submission.id }, 'lease lost during delivery')),
        (error: unknown) =>
          this.logger.error({ err: error, submission: submission.id }, 'delivery attempt crashed; its lease will run out'),
      )
      .finally(() => {
        clearInterval(renewal);
        if (this.inFlight.get(submission.id)?.owner === owner) this.inFlight.delete(submission.id);
        this.wake?.();
      });
    this.inFlight.set(submission.id, { submission, owner, abort, done });
  }
}
