/**
 * LeadGraph's own errors are not provider outages (issue #13, defect 5): a request undici refuses
 * to send (here a credential holding a zero-width space, which HTTP forbids in a header) reaches
 * nobody, so it is not retried, not counted by the circuit breaker, and not reported as the
 * provider being unreachable. (Refusing such credentials at start-up is the configuration's job;
 * this is what happens if one gets through.)
 */
import { LeadOrderField, OrderDirection } from '../../src/leads/enums/lead-order.enums';
import { LocalRequestError } from '../../src/providers/http/local-request.error';
import { ProviderError } from '../../src/errors/provider.error';
import { ROUTES } from './resilience-helpers';
import { settled, startConnectionHarness, type ConnectionHarness } from './provider-connection-harness';

let harness: ConnectionHarness;
beforeAll(async () => {
  harness = await startConnectionHarness(
    { timeoutMs: 1000, retryBudgetMs: 2000, backoffBaseMs: 1, retries: 2, breakerThreshold: 2 },
    { companyToken: 'tsl_demo\u200b_company_token' },
  );
});
afterAll(() => harness.close());

test('a header undici refuses: no request sent, no retry, the circuit untouched, and an error that is ours', async () => {
  const adapter = harness.connection.forRequest(harness.scope());
  for (let i = 0; i < 3; i++) {
    const outcome = await settled(
      adapter.listLeads!({ orderBy: LeadOrderField.CREATED_AT, direction: OrderDirection.DESC }, { offset: 0, limit: 3 }),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(LocalRequestError);
    expect(outcome.error).not.toBeInstanceOf(ProviderError);
    expect(outcome.error.message).not.toContain('could not be reached');
    expect(outcome.error.message).not.toContain('tsl_demo');
    expect(outcome.error.delivery).toBe('not-sent');
  }
  expect(harness.sim.counters.count(ROUTES.list)).toBe(0);
  expect(harness.connection.health()).toEqual({ circuit: 'closed', consecutiveFailures: 0 });
  const records = harness.logs.records();
  expect(records.filter((r) => r.msg === 'retrying upstream call')).toEqual([]);
  for (const line of harness.logs.lines) expect(line).not.toContain('tsl_demo');
});
