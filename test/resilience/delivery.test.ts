/**
 * Whether a failed write reached the provider, as the error says internally (`delivery`) over real
 * HTTP: a write that timed out may have been acted on; a definite answer was; a 429, an open
 * circuit or a full bulkhead means nothing was sent. Clients never see it.
 */
import { ErrorCode } from '../../src/errors/error-codes';
import type { ProviderError } from '../../src/errors/provider.error';
import { ROUTES } from './resilience-helpers';
import { settled, startConnectionHarness, type ConnectionHarness } from './provider-connection-harness';

let harness: ConnectionHarness;
beforeAll(async () => {
  harness = await startConnectionHarness({ timeoutMs: 200, retryBudgetMs: 1000, retries: 2, backoffBaseMs: 1, breakerThreshold: 1000 });
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.sim.faults.reset();
  harness.sim.counters.reset();
});

async function failedCreate(): Promise<ProviderError> {
  const adapter = harness.connection.forRequest(harness.scope());
  const outcome = await settled(adapter.createLead!({ provider: 'TESSELYS', title: 'Interesse no plano anual' } as never));
  expect(outcome.ok).toBe(false);
  return (outcome as { error: ProviderError }).error;
}

test('a create that times out → PROVIDER_UNAVAILABLE, maybe-sent, sent once', async () => {
  harness.sim.faults.hangNext({ route: ROUTES.tesselysCreate });
  const error = await failedCreate();
  expect(error).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, delivery: 'maybe-sent' });
  expect(harness.sim.counters.count(ROUTES.tesselysCreate)).toBe(1);
  expect(error.extensions).not.toHaveProperty('delivery');
});

test.each([
  [503, ErrorCode.PROVIDER_UNAVAILABLE, 'maybe-sent'],
  [429, ErrorCode.PROVIDER_RATE_LIMITED, 'not-sent'],
  [400, ErrorCode.PROVIDER_REJECTED, 'sent'],
  [403, ErrorCode.PROVIDER_REJECTED, 'sent'],
] as const)('a create answered %i → %s, %s', async (status, code, delivery) => {
  harness.sim.faults.failNext({ route: ROUTES.tesselysCreate, status, body: { statusCode: status, message: 'no' } });
  expect(await failedCreate()).toMatchObject({ code, delivery });
  expect(harness.sim.counters.count(ROUTES.tesselysCreate)).toBe(1);
});
