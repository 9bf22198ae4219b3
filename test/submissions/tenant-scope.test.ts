/**
 * Submissions are per tenant: another tenant's id reads as null, its listing is empty, and it cannot
 * retry them. Only the environment's tenant can call over HTTP today, so the other tenant is a
 * SubmissionService over the same running gateway's store (the class each request gets).
 */
import type { LeadRouting } from '../../src/leads/service/lead-routing';
import { silentLogger } from '../../src/logging/logger';
import { SubmissionService } from '../../src/submissions/submission.service';
import type { TestStack } from '../support/test-stack';
import { keyspotInput, startSubmissionStack, submit, uniqueText, waitForSubmission } from './support/submission-client';

let stack: TestStack;
beforeAll(async () => {
  stack = await startSubmissionStack();
});
afterAll(() => stack.close());

test("another tenant's submission id reads as null, lists as nothing, and cannot be retried", async () => {
  const accepted = (await submit(stack, keyspotInput(uniqueText('tenant')))).data!.submitLead.submission;
  await waitForSubmission(stack, accepted.id, (s) => s.status === 'DELIVERED');
  const service = (tenant: string) =>
    new SubmissionService({
      store: stack.gateway.store,
      routing: { tenant } as LeadRouting,
      nudge: () => undefined,
      logger: silentLogger(),
    });

  expect(await service('default').get(accepted.id)).toMatchObject({ id: accepted.id, status: 'DELIVERED' });
  expect(await service('acme').get(accepted.id)).toBeNull();
  expect((await service('acme').list({})).totalCount).toBe(0);
  await expect(service('acme').retry(accepted.id)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
});
