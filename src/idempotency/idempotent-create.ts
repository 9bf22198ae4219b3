/**
 * `createLead` under an idempotency key (DESIGN.md Part 2, "Idempotency"; the decisions are in
 * docs/decisions/idempotency.md). Request-free: the resolver hands it the tenant, the key, the input
 * and how to send; one instance serves every request of the process.
 *
 * Contract, per tenant and key:
 * - The input is checked before the key is touched: a refused input never holds a key.
 * - Exactly one request at a time holds the key (the store's insert-or-nothing, across processes
 *   sharing one PostgreSQL) and only the holder calls the provider.
 * - Its outcome is stored (encrypted) before it is answered: a lead, a provider refusal, or "outcome
 *   unknown" for a write that may have reached the provider. Later requests with the same input
 *   get that outcome again, `replayed: true`, and nothing is sent; another input gets
 *   IDEMPOTENCY_KEY_REUSED.
 * - A failure that proves nothing was sent frees the key: the next request sends.
 * - A store that does not answer when the key is reserved refuses the request (STORE_UNAVAILABLE):
 *   nothing is sent.
 * - A request that finds the key held waits (polling the store, at most `waitMs`, stopping when its
 *   client leaves) for the outcome, then answers IDEMPOTENCY_KEY_IN_USE with `retryAfterSeconds`.
 */
import type { GraphQLError } from 'graphql';
import type { CreateLeadInput } from '../leads/inputs/create-lead.input';
import type { Lead } from '../leads/types/lead.type';
import type { Logger } from '../logging/logger';
import type { ResilienceSettings } from '../providers/resilience/resilience-settings';
import { requestFingerprint, type IdempotencyRepository, type IdempotencyRequest, type Reservation } from '../store';
import { decodeOutcome, encodeError, encodeLead, type CreateOutcome, type StoredCreateOutcome } from './create-outcome';
import { abandonedKeyError, keyInUseError, keyReusedError, outcomeUnknownError } from './idempotency-errors';
import { classifyWriteFailure } from './write-failure';
import { beforeAcceptance } from '../errors/store-unavailable.error';

export const CREATE_LEAD_OPERATION = 'createLead';

/** Default time a request waits for the outcome of the request holding its key. */
export const DEFAULT_KEY_WAIT_MS = 3_000;

/** Delays between two looks at a held key: short first (most writes take well under a second). */
const POLL_DELAYS_MS = [10, 20, 40, 80, 160, 250];

/** `Checked`: what the check found (the gateway's: the provider connection), handed to `send` so the input is checked once. */
export interface IdempotentCreateOptions<Checked> {
  /** Checks an input for a tenant without I/O (LeadWriter.checkCreate): throws BAD_USER_INPUT or UNSUPPORTED_BY_PROVIDER. */
  check(tenant: string, input: CreateLeadInput): Checked;
  /** How long a holder keeps the key before it counts as abandoned: longer than any one write can take (writeLockMs). */
  lockMs: number;
  /** How long a request waits for the holder's outcome (default DEFAULT_KEY_WAIT_MS). */
  waitMs?: number;
  logger: Logger;
}

export interface KeyedCreate {
  tenant: string;
  key: string;
  input: CreateLeadInput;
  /** Fires when the client goes away: a wait for another request's outcome stops. */
  signal?: AbortSignal;
}

/** The answer: a lead or the error to throw, and whether it was replayed from the key (no provider call). */
export type KeyedCreateResult = ({ lead: Lead } | { error: Error }) & { replayed: boolean };

/**
 * The lock of a write: a Keyspot create may take a token call, the POST, a token refresh and the
 * POST again, each bounded by the retry budget.
 */
export function writeLockMs(settings: Pick<ResilienceSettings, 'retryBudgetMs'>): number {
  return 4 * settings.retryBudgetMs;
}

export class IdempotentCreate<Checked = void> {
  private readonly waitMs: number;

  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly options: IdempotentCreateOptions<Checked>,
  ) {
    this.waitMs = options.waitMs ?? DEFAULT_KEY_WAIT_MS;
  }

  /**
   * Creates the lead with `send` at most once per tenant, key and input; see the module contract.
   * `send` gets what the check returned: the input is not checked again.
   */
  async create(request: KeyedCreate, send: (checked: Checked) => Promise<Lead>): Promise<KeyedCreateResult> {
    const { tenant, key, input } = request;
    const checked = this.options.check(tenant, input);
    const held: IdempotencyRequest = {
      tenant,
      key,
      operation: CREATE_LEAD_OPERATION,
      fingerprint: requestFingerprint(CREATE_LEAD_OPERATION, input),
    };
    const reservation = await this.reserveOrWait(held, request.signal);
    switch (reservation.status) {
      case 'reserved':
        return this.sendHolding(held, input, () => send(checked));
      case 'replay':
        return { ...this.replayOf(reservation.outcome, input), replayed: true };
      case 'reused':
        return { error: keyReusedError(), replayed: false };
      case 'inProgress':
        return {
          error: keyInUseError(Math.min(reservation.retryAfterSeconds, Math.max(1, Math.ceil(this.waitMs / 1000)))),
          replayed: false,
        };
      case 'abandoned':
        return { error: abandonedKeyError(input.provider), replayed: false };
    }
  }

  /** Reserves the key; while another request holds it, looks again until it is settled, `waitMs` is spent or the client leaves. */
  private async reserveOrWait(held: IdempotencyRequest, signal: AbortSignal | undefined): Promise<Reservation> {
    let waited = 0;
    for (let round = 0; ; round++) {
      const reservation = await beforeAcceptance(
        () => this.keys.reserve(held, this.options.lockMs),
        this.options.logger,
        CREATE_LEAD_OPERATION,
      );
      if (reservation.status !== 'inProgress' || waited >= this.waitMs || signal?.aborted) return reservation;
      const delay = Math.min(POLL_DELAYS_MS[Math.min(round, POLL_DELAYS_MS.length - 1)]!, this.waitMs - waited);
      waited += delay;
      if (!(await pause(delay, signal))) return reservation;
    }
  }

  /** Sends as the key's holder and leaves the key settled: an outcome stored, or freed when nothing was sent. */
  private async sendHolding(held: IdempotencyRequest, input: CreateLeadInput, send: () => Promise<Lead>): Promise<KeyedCreateResult> {
    let lead: Lead;
    try {
      lead = await send();
    } catch (error) {
      const failure = classifyWriteFailure(error);
      if (failure === 'not-sent') {
        await this.settle(held, () => this.keys.release(held), 'release');
        return { error: error as Error, replayed: false };
      }
      const answer = failure === 'outcome' ? (error as GraphQLError) : outcomeUnknownError(error, input.provider);
      await this.store(held, encodeError(answer));
      return { error: answer, replayed: false };
    }
    await this.store(held, encodeLead(lead));
    return { lead, replayed: false };
  }

  private store(held: IdempotencyRequest, outcome: StoredCreateOutcome): Promise<void> {
    return this.settle(held, () => this.keys.complete(held, outcome), 'complete');
  }

  /**
   * Runs complete/release. The client still gets its answer when the store fails here: the key then
   * stays held and, once its lock expires, answers "outcome unknown" (never a second send).
   */
  private async settle(held: IdempotencyRequest, action: () => Promise<boolean>, what: 'complete' | 'release'): Promise<void> {
    try {
      if (!(await action())) this.options.logger.warn({ tenant: held.tenant, action: what }, 'idempotency key was no longer held');
    } catch (error) {
      this.options.logger.error(
        { tenant: held.tenant, action: what, cause: (error as Error)?.name },
        'idempotency key could not be settled',
      );
    }
  }

  private replayOf(stored: unknown, input: CreateLeadInput): CreateOutcome {
    try {
      return decodeOutcome(stored);
    } catch {
      this.options.logger.error({ operation: CREATE_LEAD_OPERATION }, 'stored idempotency outcome is unreadable');
      return { error: abandonedKeyError(input.provider) };
    }
  }
}

/** Waits `ms` (real time); false when the client left first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
