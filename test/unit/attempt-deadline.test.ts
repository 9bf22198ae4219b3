/**
 * Deadlines of upstream attempts and of whole calls, on Jest's fake clock: an attempt is cut at its
 * deadline whatever it does with its signal, and the last attempt of a call ends with the call's
 * budget instead of a full attempt deadline later.
 */
import { silentLogger } from '../../src/logging/logger';
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';
import { withDeadline } from '../../src/providers/resilience/attempt-deadline';
import { CallBudget } from '../../src/providers/resilience/call-budget';
import { ProviderPolicy } from '../../src/providers/resilience/provider-policy';
import { DEFAULT_RESILIENCE_SETTINGS } from '../../src/providers/resilience/resilience-settings';
import { UpstreamTimeoutError } from '../../src/providers/resilience/upstream-fault';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** An attempt that never answers and ignores its signal: the worst a client below can do. */
const hangs = () => new Promise<never>(() => undefined);

describe('withDeadline', () => {
  test('rejects at the deadline with UpstreamTimeoutError, and aborts the attempt’s signal with it', async () => {
    let seen: AbortSignal | undefined;
    const result = withDeadline(500, (signal) => {
      seen = signal;
      return hangs();
    });
    const outcome = result.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await jest.advanceTimersByTimeAsync(499);
    expect(seen!.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(seen!.aborted).toBe(true);
    expect(seen!.reason).toBe(error);
  });

  test('an answer before the deadline is returned and leaves no timer behind', async () => {
    let seen: AbortSignal | undefined;
    await expect(
      withDeadline(500, async (signal) => {
        seen = signal;
        return 'answer';
      }),
    ).resolves.toBe('answer');
    expect(jest.getTimerCount()).toBe(0);
    expect(seen!.aborted).toBe(false);
  });

  test('a failure before the deadline is passed on as it is, thrown or rejected', async () => {
    const refused = new Error('connect ECONNREFUSED');
    await expect(withDeadline(500, () => Promise.reject(refused))).rejects.toBe(refused);
    await expect(
      withDeadline(500, () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('no time left: rejects without starting the attempt', async () => {
    const attempt = jest.fn(hangs);
    await expect(withDeadline(0, attempt)).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(attempt).not.toHaveBeenCalled();
  });
});

describe('CallBudget', () => {
  test('counts down to zero and stays there', async () => {
    const budget = new CallBudget(1000);
    await jest.advanceTimersByTimeAsync(400);
    expect(budget.remainingMs()).toBe(600);
    await jest.advanceTimersByTimeAsync(700);
    expect(budget.remainingMs()).toBe(0);
  });
});

describe('ProviderPolicy deadlines', () => {
  test('a read that hangs every time ends when the call’s budget does, its last attempt cut short', async () => {
    const policy = new ProviderPolicy(
      LeadProvider.TESSELYS,
      { ...DEFAULT_RESILIENCE_SETTINGS, timeoutMs: 1000, retries: 5, backoffBaseMs: 1, retryBudgetMs: 2500 },
      { logger: silentLogger() },
    );
    const signals: AbortSignal[] = [];
    const started = Date.now();
    let endedAfterMs: number | undefined;
    const call = policy
      .execute(
        (signal) => {
          signals.push(signal);
          return hangs();
        },
        { idempotent: true },
      )
      .catch((error: unknown) => {
        endedAfterMs = Date.now() - started;
        return error;
      });
    await jest.advanceTimersByTimeAsync(5000);
    expect(await call).toBeInstanceOf(UpstreamTimeoutError);
    // Two full attempts and backoff waits of a few ms, then a third attempt cut to what is left.
    expect(signals).toHaveLength(3);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(endedAfterMs).toBe(2500);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('calls queued behind a hung one get the slot in turn, each ending with its budget without calling the provider', async () => {
    const policy = new ProviderPolicy(
      LeadProvider.TESSELYS,
      { ...DEFAULT_RESILIENCE_SETTINGS, timeoutMs: 200, retries: 2, backoffBaseMs: 1, retryBudgetMs: 500, maxConcurrent: 1, maxQueued: 4 },
      { logger: silentLogger() },
    );
    const attempts: AbortSignal[] = [];
    const calls = Array.from({ length: 4 }, () =>
      policy
        .execute(
          (signal) => {
            attempts.push(signal);
            return hangs();
          },
          { idempotent: true },
        )
        .catch((error: unknown) => error),
    );
    await jest.advanceTimersByTimeAsync(600);
    const outcomes = await Promise.all(calls);
    expect(outcomes.every((outcome) => outcome instanceof UpstreamTimeoutError)).toBe(true);
    // Only the call that held the slot reached the provider (three attempts within its 500 ms).
    expect(attempts).toHaveLength(3);
    expect(jest.getTimerCount()).toBe(0);
  });
});
