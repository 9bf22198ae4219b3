/** Whether a failed provider call reached the provider: the mapping idempotency will rely on. */
import { ErrorCode } from '../../src/errors/error-codes';
import { ProviderError } from '../../src/errors/provider.error';
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';
import { deliveryForFault, deliveryForStatus } from '../../src/providers/http/delivery';

test.each([
  [400, 'sent'],
  [401, 'sent'],
  [403, 'sent'],
  [404, 'sent'],
  [422, 'sent'],
  [429, 'not-sent'],
  [500, 'maybe-sent'],
  [502, 'maybe-sent'],
  [503, 'maybe-sent'],
  [504, 'maybe-sent'],
])('HTTP %i → %s', (status, delivery) => {
  expect(deliveryForStatus(status)).toBe(delivery);
});

test.each([
  ['refused', 'not-sent'],
  ['local', 'not-sent'],
  ['rate-limited', 'not-sent'],
  ['timeout', 'maybe-sent'],
  ['network', 'maybe-sent'],
  ['unavailable', 'maybe-sent'],
  ['final', 'sent'],
] as const)('fault %s → %s', (kind, delivery) => {
  expect(deliveryForFault(kind)).toBe(delivery);
});

test('delivery is internal: never in the error’s extensions', () => {
  const error = new ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, LeadProvider.TESSELYS, 'x', {
    upstreamStatus: 503,
    delivery: 'maybe-sent',
  });
  expect(error.delivery).toBe('maybe-sent');
  expect(JSON.stringify(error.toJSON())).not.toContain('sent');
  expect(error.extensions).toEqual({ code: 'PROVIDER_UNAVAILABLE', provider: 'TESSELYS', upstreamStatus: 503 });
});

test('an error raised before sending (open circuit, full bulkhead) defaults to not-sent', () => {
  expect(new ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, LeadProvider.TESSELYS, 'x').delivery).toBe('not-sent');
});
