/**
 * The request-free IdempotentCreate on both stores, with a counted `send` standing for the provider:
 * keys are scoped per tenant, a failure's delivery decides whether the key is freed, kept with a
 * replayed refusal, or kept as "outcome unknown", and a stored lead comes back exactly (dates too).
 * The HTTP behaviour is in create-lead-idempotency.test.ts.
 */
import { ErrorCode } from '../../src/errors/error-codes';
import { ProviderError } from '../../src/errors/provider.error';
import { IdempotentCreate } from '../../src/idempotency/idempotent-create';
import { classifyWriteFailure } from '../../src/idempotency/write-failure';
import { BadUserInputError } from '../../src/errors/bad-user-input.error';
import { LocalRequestError } from '../../src/providers/http/local-request.error';
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';
import type { CreateLeadInput } from '../../src/leads/inputs/create-lead.input';
import type { Lead } from '../../src/leads/types/lead.type';
import { silentLogger } from '../../src/logging/logger';
import type { Store } from '../../src/store';
import { describeEachStore } from '../store/support/store-targets';

const input = { provider: LeadProvider.TESSELYS, title: 'Interesse no plano anual' } as CreateLeadInput;

function lead(n: number): Lead {
  return {
    id: `tesselys:lead-${n}`,
    provider: LeadProvider.TESSELYS,
    providerLeadId: `lead-${n}`,
    title: 'Interesse no plano anual',
    description: null,
    contact: { personId: null, name: null, email: null, phone: null },
    createdAt: new Date(Date.UTC(2026, 10, 21, 12, 0, 0, 123)),
    updatedAt: new Date(Date.UTC(2026, 10, 21, 12, 0, 1, 456)),
    raw: { id: `lead-${n}`, nested: { list: [1, 'two', null] }, createdAt: '2026-11-21T12:00:00.123Z' },
  } as unknown as Lead;
}

/** A `send` that counts its calls and answers with the next of `answers` (a Lead or an error to throw). */
function sender(...answers: Array<Lead | Error>): { send: () => Promise<Lead>; calls: () => number } {
  let calls = 0;
  return {
    send: async () => {
      const answer = answers[Math.min(calls++, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    calls: () => calls,
  };
}

describeEachStore('IdempotentCreate', (target) => {
  let store: Store;
  let service: IdempotentCreate;
  beforeEach(async () => {
    await target().reset();
    store = await target().open();
    service = new IdempotentCreate(store.idempotency, { check: () => undefined, lockMs: 60_000, waitMs: 50, logger: silentLogger() });
  });

  test('a key is scoped to its tenant: the same key in two tenants sends twice, each replays its own lead', async () => {
    const provider = sender(lead(1), lead(2));
    const a = await service.create({ tenant: 'acme', key: 'k-1', input }, provider.send);
    const b = await service.create({ tenant: 'globex', key: 'k-1', input }, provider.send);
    expect(provider.calls()).toBe(2);
    expect(a).toEqual({ lead: lead(1), replayed: false });
    expect(b).toEqual({ lead: lead(2), replayed: false });
    expect(await service.create({ tenant: 'acme', key: 'k-1', input }, provider.send)).toEqual({ lead: lead(1), replayed: true });
    expect(await service.create({ tenant: 'globex', key: 'k-1', input }, provider.send)).toEqual({ lead: lead(2), replayed: true });
    expect(provider.calls()).toBe(2);
  });

  test('a replayed lead has Date dates and the raw payload as first answered', async () => {
    const provider = sender(lead(3));
    await service.create({ tenant: 'acme', key: 'k-2', input }, provider.send);
    const replay = await service.create({ tenant: 'acme', key: 'k-2', input }, provider.send);
    expect(replay.replayed).toBe(true);
    const replayed = (replay as { lead: Lead }).lead;
    expect(replayed.createdAt).toBeInstanceOf(Date);
    expect(replayed.createdAt.toISOString()).toBe('2026-11-21T12:00:00.123Z');
    expect(replayed.raw).toEqual(lead(3).raw);
  });

  test('an input the check refuses never touches the key', async () => {
    const refusing = new IdempotentCreate(store.idempotency, {
      check: () => {
        throw BadUserInputError.of('input.title', 'is required');
      },
      lockMs: 60_000,
      logger: silentLogger(),
    });
    const provider = sender(lead(4));
    await expect(refusing.create({ tenant: 'acme', key: 'k-3', input }, provider.send)).rejects.toBeInstanceOf(BadUserInputError);
    expect(provider.calls()).toBe(0);
    expect(await service.create({ tenant: 'acme', key: 'k-3', input }, provider.send)).toEqual({ lead: lead(4), replayed: false });
  });

  test('send gets what the check returned, and the input is checked once', async () => {
    let checks = 0;
    const checking = new IdempotentCreate(store.idempotency, {
      check: (tenant) => ({ tenant, check: ++checks }),
      lockMs: 60_000,
      logger: silentLogger(),
    });
    const seen: unknown[] = [];
    const result = await checking.create({ tenant: 'acme', key: 'k-5', input }, async (checked) => {
      seen.push(checked);
      return lead(6);
    });
    expect(result).toEqual({ lead: lead(6), replayed: false });
    expect(seen).toEqual([{ tenant: 'acme', check: 1 }]);
    expect(checks).toBe(1);
  });

  test('an unknown error from send is kept as outcome unknown: never sent again', async () => {
    const provider = sender(new TypeError('boom'), lead(5));
    const first = await service.create({ tenant: 'acme', key: 'k-4', input }, provider.send);
    expect((first as unknown as { error: { extensions: unknown } }).error.extensions).toMatchObject({
      code: ErrorCode.PROVIDER_UNAVAILABLE,
      outcomeUnknown: true,
    });
    const again = await service.create({ tenant: 'acme', key: 'k-4', input }, provider.send);
    expect(again.replayed).toBe(true);
    expect(provider.calls()).toBe(1);
  });
});

describe('classifyWriteFailure', () => {
  const error = (code: ProviderError['code'], delivery: 'sent' | 'not-sent' | 'maybe-sent') =>
    new ProviderError(code, LeadProvider.KEYSPOT, 'x', { delivery });

  test.each([
    ['PROVIDER_REJECTED, sent', error(ErrorCode.PROVIDER_REJECTED, 'sent'), 'outcome'],
    ['PROVIDER_AUTH_FAILED, sent', error(ErrorCode.PROVIDER_AUTH_FAILED, 'sent'), 'outcome'],
    ['PROVIDER_RATE_LIMITED, not-sent', error(ErrorCode.PROVIDER_RATE_LIMITED, 'not-sent'), 'not-sent'],
    ['PROVIDER_UNAVAILABLE, not-sent (open circuit)', error(ErrorCode.PROVIDER_UNAVAILABLE, 'not-sent'), 'not-sent'],
    ['PROVIDER_UNAVAILABLE, maybe-sent (timeout)', error(ErrorCode.PROVIDER_UNAVAILABLE, 'maybe-sent'), 'unknown'],
    ['PROVIDER_BAD_RESPONSE, sent (broken answer)', error(ErrorCode.PROVIDER_BAD_RESPONSE, 'sent'), 'unknown'],
    ['a local request error', new LocalRequestError(LeadProvider.KEYSPOT, undefined), 'not-sent'],
    ['BAD_USER_INPUT', BadUserInputError.of('input', 'no'), 'not-sent'],
    ['an unclassified error', new TypeError('a bug'), 'unknown'],
  ])('%s → %s', (_what, failure, expected) => {
    expect(classifyWriteFailure(failure)).toBe(expected);
  });
});
