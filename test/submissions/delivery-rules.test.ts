/** The pure rules of delivery: backoff bounds and what each provider failure means for a submission. */
import { backoffMs } from '../../src/delivery/backoff';
import { classifyFailure } from '../../src/delivery/delivery-outcome';
import { readDeliverySettings } from '../../src/delivery/delivery-settings';
import { ErrorCode } from '../../src/errors/error-codes';
import { ProviderError } from '../../src/errors/provider.error';
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';

const BOUNDS = { minBackoffMs: 1_000, maxBackoffMs: 15 * 60_000 };

describe('backoff', () => {
  test('doubles per attempt from 1 s, with jitter in the upper half, capped at 15 min', () => {
    expect(backoffMs(1, BOUNDS, undefined, () => 0)).toBe(500);
    expect(backoffMs(1, BOUNDS, undefined, () => 1)).toBe(1_000);
    expect(backoffMs(4, BOUNDS, undefined, () => 1)).toBe(8_000);
    expect(backoffMs(4, BOUNDS, undefined, () => 0)).toBe(4_000);
    expect(backoffMs(40, BOUNDS, undefined, () => 1)).toBe(15 * 60_000);
    expect(backoffMs(40, BOUNDS, undefined, () => 0)).toBe(7.5 * 60_000);
  });

  test('Retry-After is a floor', () => {
    expect(backoffMs(1, BOUNDS, 30, () => 1)).toBe(30_000);
    expect(backoffMs(12, BOUNDS, 30, () => 1)).toBe(15 * 60_000);
  });
});

describe('classifyFailure', () => {
  const error = (
    code: ConstructorParameters<typeof ProviderError>[0],
    delivery?: 'not-sent' | 'maybe-sent' | 'sent',
    retryAfterSeconds?: number,
  ) => new ProviderError(code, LeadProvider.KEYSPOT, 'message', { delivery, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) });

  test('a refusal (PROVIDER_REJECTED, PROVIDER_AUTH_FAILED) fails the submission', () => {
    expect(classifyFailure(error(ErrorCode.PROVIDER_REJECTED, 'sent'))).toMatchObject({
      kind: 'refused',
      error: { code: 'PROVIDER_REJECTED' },
    });
    expect(classifyFailure(error(ErrorCode.PROVIDER_AUTH_FAILED, 'sent')).kind).toBe('refused');
  });

  test('not sent (429, open circuit, refused connection) retries with the outcome known', () => {
    expect(classifyFailure(error(ErrorCode.PROVIDER_RATE_LIMITED, 'not-sent', 7))).toEqual({
      kind: 'retry',
      error: { code: 'PROVIDER_RATE_LIMITED', message: 'message' },
      outcomeUnknown: false,
      retryAfterSeconds: 7,
    });
    expect(classifyFailure(error(ErrorCode.PROVIDER_UNAVAILABLE)).kind).toBe('retry');
    expect(classifyFailure(error(ErrorCode.PROVIDER_UNAVAILABLE))).toMatchObject({ outcomeUnknown: false });
  });

  test('maybe sent (timeout, 5xx) or an unreadable answer retries with the outcome unknown; so does an unexpected error', () => {
    expect(classifyFailure(error(ErrorCode.PROVIDER_UNAVAILABLE, 'maybe-sent'))).toMatchObject({ kind: 'retry', outcomeUnknown: true });
    expect(classifyFailure(error(ErrorCode.PROVIDER_BAD_RESPONSE, 'sent'))).toMatchObject({ kind: 'retry', outcomeUnknown: true });
    expect(classifyFailure(new Error('boom'))).toMatchObject({
      kind: 'retry',
      outcomeUnknown: true,
      error: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('readDeliverySettings', () => {
  test('defaults, the max age from the store settings, and one problem line per bad variable', () => {
    expect(readDeliverySettings({}, 72).settings).toMatchObject({ maxAgeMs: 72 * 3_600_000, pollMs: 500, leaseMs: 30_000, concurrency: 4 });
    expect(readDeliverySettings({ SUBMISSION_POLL_MS: '50', SUBMISSION_LEASE_MS: '2000' }, 1).settings).toMatchObject({
      maxAgeMs: 3_600_000,
      pollMs: 50,
      leaseMs: 2_000,
    });
    expect(readDeliverySettings({ SUBMISSION_POLL_MS: 'soon', SUBMISSION_CONCURRENCY: '-1' }, 72).problems).toEqual([
      'SUBMISSION_POLL_MS must be a positive number',
      'SUBMISSION_CONCURRENCY must be a positive number',
    ]);
  });
});
