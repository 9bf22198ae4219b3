/**
 * Scopes on submissions (DESIGN.md Part 2): a write-only key (a website form's) may submit and read
 * its submission's receipt — id provider status attempts lastError createdAt updatedAt deliveredAt
 * and lead { id } — and nothing more; `submissions` needs leads:read.
 */
import { API_KEYS, CRM_KEY, SITE_KEY } from '../security/security-harness';
import type { TestStack } from '../support/test-stack';
import { keyspotInput, readSubmission, startSubmissionStack, uniqueText, waitForSubmission } from './support/submission-client';

const SITE = { authorization: `Bearer ${SITE_KEY}` };
const CRM = { authorization: `Bearer ${CRM_KEY}` };

const RECEIPT = /* GraphQL */ `
  fragment Receipt on LeadSubmission {
    id
    provider
    status
    attempts
    lastError {
      code
      message
    }
    createdAt
    updatedAt
    deliveredAt
    lead {
      id
    }
  }
`;

let stack: TestStack;

beforeAll(async () => {
  stack = await startSubmissionStack({ env: { API_KEYS } });
});
afterAll(() => stack.close());

async function submitAsSite(): Promise<string> {
  const response = await stack.gql<{ submitLead: { submission: { id: string; status: string } } }>(
    `mutation ($input: CreateLeadInput!) { submitLead(input: $input) { replayed submission { ...Receipt } } } ${RECEIPT}`,
    { input: keyspotInput(uniqueText('site form')) },
    SITE,
  );
  expect(response.errors).toBeUndefined();
  expect(response.data!.submitLead.submission.status).toBe('QUEUED');
  return response.data!.submitLead.submission.id;
}

test('a write-only key submits and reads its receipt, lead id included once delivered', async () => {
  const id = await submitAsSite();
  await waitForSubmission(stack, id, (s) => s.status === 'DELIVERED', { headers: CRM });
  const receipt = await stack.gql<{ submission: { status: string; lead: { id: string } } }>(
    `query ($id: ID!) { submission(id: $id) { ...Receipt } } ${RECEIPT}`,
    { id },
    SITE,
  );
  expect(receipt.errors).toBeUndefined();
  expect(receipt.data!.submission.status).toBe('DELIVERED');
  expect(receipt.data!.submission.lead.id).toMatch(/^keyspot:/);
});

test.each([
  ['possibleDuplicate on the submission', `query ($id: ID!) { submission(id: $id) { id possibleDuplicate } }`],
  ['lead data beyond its id', `query ($id: ID!) { submission(id: $id) { id lead { id description } } }`],
  [
    'lead data through a fragment',
    `query ($id: ID!) { submission(id: $id) { id lead { ...L } } } fragment L on Lead { contact { email } }`,
  ],
  ['another query beside it', `query ($id: ID!) { submission(id: $id) { id } leads(first: 1) { totalCount } }`],
  ['node(id) instead', `query ($id: ID!) { node(id: $id) { id } }`],
])('a write-only key is FORBIDDEN to read %s', async (_name, query) => {
  const id = await submitAsSite();
  const response = await stack.gql(query, { id }, SITE);
  expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(response.data ?? null).toBeNull();
});

test('a write-only key is FORBIDDEN from submissions; a read key lists them', async () => {
  const listing = `query { submissions(first: 5) { totalCount nodes { id status } } }`;
  const site = await stack.gql(listing, {}, SITE);
  expect(site.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const crm = await stack.gql<{ submissions: { totalCount: number } }>(listing, {}, CRM);
  expect(crm.errors).toBeUndefined();
  expect(crm.data!.submissions.totalCount).toBeGreaterThan(0);
});

test('a write-only key is FORBIDDEN to select more than the receipt from submitLead', async () => {
  const response = await stack.gql(
    `mutation ($input: CreateLeadInput!) { submitLead(input: $input) { submission { id possibleDuplicate lead { id title } } } }`,
    { input: keyspotInput(uniqueText('site form')) },
    SITE,
  );
  expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(response.errors?.[0]?.extensions?.fields).toEqual(expect.arrayContaining(['possibleDuplicate', 'title']));
});

test('the read key still reads every field', async () => {
  const id = await submitAsSite();
  expect(await readSubmission(stack, id, CRM)).toMatchObject({ id, possibleDuplicate: false });
});
