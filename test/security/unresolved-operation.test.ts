/**
 * An `operationName` that names no operation of the document, over real HTTP in production mode.
 * Apollo then has no operation to check, so the scope and cost checks have nothing to look at:
 * the request must be refused as the caller's mistake (400 OPERATION_RESOLUTION_FAILURE) before
 * anything runs. Before the fix the executor ran the document's only operation anyway, unchecked:
 * a read-only key created a lead, a write-only key listed leads, and the caller got a 500 with an
 * error-level log line.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { API_KEYS, bearer, codesOf, CRM_KEY, Recorder, REPORTING_KEY, SITE_KEY } from './security-harness';

const CREATE = `mutation Create($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }`;
const LIST = '{ leads(first: 3) { nodes { id title } } }';
const keyspotInput = {
  provider: 'KEYSPOT',
  description: 'Quero visitar o apartamento.',
  contact: { name: 'Helena Souza', email: 'helena.unresolved@example.com', phone: '+55 21 99876-5432' },
  property: { code: 'AP-1021' },
  source: 'WEBSITE',
};

const http = new Recorder();
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ env: { NODE_ENV: 'production', API_KEYS } });
});
afterAll(() => stack.close());
beforeEach(() => stack.resetCounters());

const errorLevelLines = () => stack.logs.records().filter((record) => Number(record.level) >= 50);

test('a read-only key cannot run a mutation by naming an operation the document lacks', async () => {
  const res = await http.post(
    stack,
    { query: CREATE, operationName: 'NotThere', variables: { input: keyspotInput } },
    bearer(REPORTING_KEY),
  );
  expect(res.status).toBe(400);
  expect(codesOf(res)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  expect(res.json.data).toBeUndefined();
  expect(stack.upstreamCalls()).toBe(0);
});

test('a write-only key cannot run a query that way either', async () => {
  for (const query of [LIST, `query List ${LIST}`]) {
    const res = await http.post(stack, { query, operationName: 'Other' }, bearer(SITE_KEY));
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  }
  expect(stack.upstreamCalls()).toBe(0);
});

test('with every scope it is still the caller’s mistake: no provider call, no error-level log', async () => {
  const before = errorLevelLines().length;
  const res = await http.post(stack, { query: 'query Q { __typename }', operationName: 'Z' }, bearer(CRM_KEY));
  expect(res.status).toBe(400);
  expect(codesOf(res)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  expect(errorLevelLines().length).toBe(before);
  // The name that does exist still runs.
  const named = await http.post(stack, { query: 'query Q { __typename }', operationName: 'Q' }, bearer(CRM_KEY));
  expect(named.json).toEqual({ data: { __typename: 'Query' } });
});
