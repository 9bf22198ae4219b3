/**
 * Callers and scopes over real HTTP: no or unknown key is 401, a key lacking the operation's scope
 * is 403 FORBIDDEN, both before any upstream call; both header forms and the sha256 form work; a
 * write-only key (a website form) can create a lead but never read one. Only a GET that carries no
 * operation (the landing page) goes without a key.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import {
  API_KEYS,
  bearer,
  codesOf,
  CRM_KEY,
  expectNoLeaks,
  providerSecrets,
  Recorder,
  REPORTING_KEY,
  sha256Hex,
  SITE_KEY,
  UNKNOWN_KEY,
} from './security-harness';

const LEADS = '{ leads(first: 3) { totalCount nodes { id title } } }';
const EMAIL = 'helena.seguranca@example.com';
const PHONE = '+55 21 99876-5432';
const CREATE = /* GraphQL */ `
  mutation Create($input: CreateLeadInput!) {
    createLead(input: $input) {
      lead {
        id
        provider
        status
      }
    }
  }
`;
const keyspotInput = {
  provider: 'KEYSPOT',
  description: 'Quero visitar o apartamento.',
  contact: { name: 'Helena Souza', email: EMAIL, phone: PHONE },
  property: { code: 'AP-1021' },
  source: 'WEBSITE',
};

let stack: TestStack;
const http = new Recorder();

beforeAll(async () => {
  stack = await startTestStack({ env: { API_KEYS } });
});
afterAll(() => stack.close());
beforeEach(() => stack.resetCounters());

describe('refused before any upstream call', () => {
  test('no key: 401 UNAUTHENTICATED in the GraphQL error shape, with the request id and WWW-Authenticate', async () => {
    const res = await http.gql(stack, LEADS);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.json.errors).toHaveLength(1);
    expect(res.json.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: res.headers.get('x-request-id') });
    expect(res.json.data).toBeUndefined();
    expect(stack.upstreamCalls()).toBe(0);
  });

  test.each([
    ['Authorization: Bearer', bearer(UNKNOWN_KEY)],
    ['x-api-key', { 'x-api-key': UNKNOWN_KEY }],
    ['the sha256 of a key instead of the key', bearer(sha256Hex(REPORTING_KEY))],
    ['a key with a character changed', bearer(CRM_KEY.slice(0, -1) + 'x')],
    ['a non-Bearer scheme', { authorization: `Basic ${CRM_KEY}` }],
  ])('unknown key via %s: 401', async (_how, headers) => {
    const res = await http.gql(stack, LEADS, undefined, headers);
    expect(res.status).toBe(401);
    expect(codesOf(res)).toEqual(['UNAUTHENTICATED']);
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('a read-only key cannot mutate: 403 FORBIDDEN, nothing created', async () => {
    const res = await http.gql(stack, CREATE, { input: keyspotInput }, bearer(REPORTING_KEY));
    expect(res.status).toBe(403);
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
    expect(res.json.errors[0].message).toContain('leads:write');
    expect(res.json.data).toBeUndefined();
    expect(stack.upstreamCalls()).toBe(0);
  });

  test.each([
    ['leads', LEADS],
    ['lead', '{ lead(id: "tesselys:abc") { id } }'],
    ['providers', '{ providers { provider } }'],
  ])('a write-only key cannot query (%s): 403 FORBIDDEN', async (_name, query) => {
    const res = await http.gql(stack, query, undefined, { 'x-api-key': SITE_KEY });
    expect(res.status).toBe(403);
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
    expect(res.json.errors[0].message).toContain('leads:read');
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('the refusals are logged with the reason, never the key', async () => {
    await http.gql(stack, LEADS, undefined, bearer(UNKNOWN_KEY));
    await http.gql(stack, LEADS, undefined, bearer(SITE_KEY));
    const records = stack.logs.records();
    expect(records.some((r) => r.msg === 'request refused: unauthenticated' && r.reason === 'unknown key')).toBe(true);
    expect(records.some((r) => r.msg === 'operation refused: missing scope' && r.caller === 'site' && r.needed === 'leads:read')).toBe(
      true,
    );
  });
});

describe('allowed', () => {
  test.each([
    ['Authorization: Bearer', bearer(CRM_KEY)],
    ['lower-case bearer', { authorization: `bearer ${CRM_KEY}` }],
    ['x-api-key', { 'x-api-key': CRM_KEY }],
    ['a key configured by its sha256', bearer(REPORTING_KEY)],
  ])('a read key via %s lists leads', async (_how, headers) => {
    const res = await http.gql(stack, LEADS, undefined, headers);
    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.leads.nodes).toHaveLength(3);
    expect(stack.tesselys.counters.count('GET /external/v1/leads')).toBe(1);
  });

  test('a write-only key creates a lead and reads back that mutation payload', async () => {
    const res = await http.gql(stack, CREATE, { input: keyspotInput }, bearer(SITE_KEY));
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.createLead.lead).toMatchObject({ provider: 'KEYSPOT', id: expect.stringMatching(/^keyspot:/) });
    expect(stack.keyspot.counters.count('POST /v1/leads')).toBe(1);
  });

  test.each([
    ['a lead field', 'mutation { createLead(input: $input) { lead { id title } } }'],
    ['nested contact data', 'mutation { createLead(input: $input) { lead { id contact { name email } } } }'],
    ['the raw payload', 'mutation { createLead(input: $input) { lead { raw } } }'],
    [
      'a field inside a fragment',
      'mutation { createLead(input: $input) { lead { ...Mine } } } fragment Mine on Lead { id property { title } }',
    ],
  ])('a write-only key selecting %s from the created lead: 403 FORBIDDEN, nothing created', async (_name, selection) => {
    const query = selection.replace('mutation {', 'mutation Create($input: CreateLeadInput!) {');
    const res = await http.gql(stack, query, { input: keyspotInput }, bearer(SITE_KEY));
    expect(res.status).toBe(403);
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
    expect(res.json.errors[0].message).toMatch(/select only id, provider, providerLeadId, status/);
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('a write-only key cannot read an existing lead through updateLead either', async () => {
    const id = `tesselys:${stack.tesselys.leads()[0]!.id}`;
    const query = 'mutation Update($id: ID!) { updateLead(id: $id, input: { status: CONTACTED }) { lead { id title description } } }';
    const res = await http.gql(stack, query, { id }, bearer(SITE_KEY));
    expect(res.status).toBe(403);
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
    expect(stack.upstreamCalls()).toBe(0);
    const receipt = await http.gql(
      stack,
      'mutation Update($id: ID!) { updateLead(id: $id, input: { status: CONTACTED }) { lead { id status updatedAt } } }',
      { id },
      bearer(SITE_KEY),
    );
    expect(receipt.json.errors).toBeUndefined();
    expect(receipt.json.data.updateLead.lead).toMatchObject({ id, status: 'CONTACTED' });
  });

  test('a read-write key both reads and writes', async () => {
    const read = await http.gql(stack, LEADS, undefined, bearer(CRM_KEY));
    const write = await http.gql(stack, CREATE, { input: keyspotInput }, bearer(CRM_KEY));
    expect([read.status, write.status]).toEqual([200, 200]);
    expect(write.json.data.createLead.lead.id).toMatch(/^keyspot:/);
  });

  test('the Sandbox landing page needs no key but runs nothing', async () => {
    const res = await http.fetch(stack.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(stack.upstreamCalls()).toBe(0);
  });
});

describe('a GET carrying an operation needs a key, whatever it accepts', () => {
  // Prefers HTML, still accepts JSON: Apollo would parse and validate the operation and answer JSON.
  const PREFERS_HTML = { accept: 'application/json; charset=utf-8, text/html;q=0.9', 'apollo-require-preflight': '1' };
  const persisted = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256Hex(LEADS) } }));

  test.each([
    ['query (an unknown field, to probe the schema)', `query=${encodeURIComponent('{ leads { nodes { id secretField } } }')}`],
    ['query (valid)', `query=${encodeURIComponent(LEADS)}`],
    ['query, preferring only HTML', `query=${encodeURIComponent(LEADS)}`, { accept: 'text/html' }],
    ['extensions (a persisted query)', `extensions=${persisted}`],
    ['variables', `variables=${encodeURIComponent('{}')}`],
    ['an empty query', 'query='],
    ['a query after an unrelated parameter', `x=1&query=${encodeURIComponent(LEADS)}`],
  ])('%s: 401 before GraphQL sees it', async (_case, search, headers: Record<string, string> = PREFERS_HTML) => {
    const res = await http.fetch(`${stack.gateway.graphqlUrl}?${search}`, { headers });
    expect(res.status).toBe(401);
    expect(codesOf(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.text).not.toMatch(/secretField|Cannot query/);
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('with a key it runs', async () => {
    const res = await http.fetch(`${stack.gateway.graphqlUrl}?query=${encodeURIComponent(LEADS)}`, {
      headers: { ...PREFERS_HTML, ...bearer(REPORTING_KEY) },
    });
    expect(res.status).toBe(200);
    expect(res.json.data.leads.nodes).toHaveLength(3);
  });
});

// Declared last, so it runs last and sees every response and log line of this file.
describe('sweep', () => {
  test('no API key, provider secret, e-mail or phone in any response or log line', () => {
    const forbidden = [CRM_KEY, REPORTING_KEY, SITE_KEY, UNKNOWN_KEY, sha256Hex(REPORTING_KEY), ...providerSecrets(stack), EMAIL, PHONE];
    expectNoLeaks([...http.bodies, ...stack.logs.lines], forbidden);
  });
});
