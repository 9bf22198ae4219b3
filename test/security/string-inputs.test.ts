/**
 * Every string input follows one rule (docs/decisions/string-inputs.md): a length in code points,
 * valid Unicode, no control characters (line breaks and tabs only in a description). Over real
 * HTTP: a refused input is BAD_USER_INPUT naming the field path, and the simulators count no call.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { codesOf, Recorder, type RawResponse } from './security-harness';

const CREATE = `mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id title tags description } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateLeadInput!) { updateLead(id: $id, input: $input) { lead { id title } } }`;
const LEADS = `query($filter: LeadFilter, $after: String) { leads(first: 1, filter: $filter, after: $after) { totalCount } }`;
const LEAD = `query($id: ID!) { lead(id: $id) { id } }`;

const keyspot = (change: Record<string, unknown> = {}, contact: Record<string, unknown> = {}) => ({
  provider: 'KEYSPOT',
  description: 'Quero visitar o apartamento.',
  contact: { name: 'Helena Souza', email: 'helena.souza@example.com', phone: '+55 11 99999-9999', ...contact },
  property: { code: 'AP-1021' },
  ...change,
});
const tesselys = (change: Record<string, unknown> = {}) => ({ provider: 'TESSELYS', title: 'Apartamento', ...change });

/** "❤️": one heart and one variation selector, two code points; class-validator's MaxLength counted it once. */
const HEART = '\u2764\ufe0f';
const http = new Recorder();
let stack: TestStack;
let tesselysId: string;

beforeAll(async () => {
  stack = await startTestStack();
  tesselysId = `tesselys:${stack.tesselys.leads()[0]!.id}`;
});
afterAll(() => stack.close());
beforeEach(() => stack.resetCounters());

function expectRefused(res: RawResponse, path: string, message: RegExp): void {
  expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
  const fields = res.json.errors[0].extensions.fields as Array<{ path: string; message: string }>;
  expect(fields).toContainEqual({ path, message: expect.stringMatching(message) });
  expect(res.text.length).toBeLessThan(2_000);
  expect(stack.upstreamCalls()).toBe(0);
}

const REFUSED: Array<[string, string, Record<string, unknown>, string, RegExp]> = [
  ['a 90k-character contact name', CREATE, { input: keyspot({}, { name: 'a'.repeat(90_000) }) }, 'input.contact.name', /at most 200/],
  [
    'a property code of NUL characters',
    CREATE,
    { input: keyspot({ property: { code: '\u0000'.repeat(20) } }) },
    'input.property.code',
    /U\+0000/,
  ],
  [
    'a lone surrogate in a contact name',
    CREATE,
    { input: keyspot({}, { name: 'Helena \ud800 Souza' }) },
    'input.contact.name',
    /lone surrogate/,
  ],
  [
    'a lone low surrogate in an e-mail',
    CREATE,
    { input: keyspot({}, { email: '\udc00helena@example.com' }) },
    'input.contact.email',
    /lone surrogate/,
  ],
  [
    'a 300-character e-mail',
    CREATE,
    { input: keyspot({}, { email: `${'a'.repeat(290)}@example.com` }) },
    'input.contact.email',
    /at most 254/,
  ],
  ['a 100-character phone', CREATE, { input: keyspot({}, { phone: '1'.repeat(100) }) }, 'input.contact.phone', /at most 32/],
  ['an ANSI escape in a trafficOrigin', CREATE, { input: keyspot({ trafficOrigin: 'utm\u001b[31m' }) }, 'input.trafficOrigin', /U\+001B/],
  ['a NUL in a description', CREATE, { input: keyspot({ description: 'Quero\u0000 visitar' }) }, 'input.description', /U\+0000/],
  ['a line break in a title', CREATE, { input: tesselys({ title: 'Apartamento\nFORGED' }) }, 'input.title', /one line/],
  [
    'a tag of 60 ❤️ (120 code points)',
    CREATE,
    { input: tesselys({ tags: ['ok', HEART.repeat(60)] }) },
    'input.tags',
    /tag 2 must be at most 100/,
  ],
  [
    'a description of 5001 ❤️ (10002 code points)',
    CREATE,
    { input: tesselys({ description: HEART.repeat(5_001) }) },
    'input.description',
    /at most 10000/,
  ],
  [
    'a personId of 200 characters',
    CREATE,
    { input: tesselys({ contact: { personId: 'p'.repeat(200) } }) },
    'input.contact.personId',
    /at most 128/,
  ],
  ['a C1 control in an update title', UPDATE, { id: '', input: { title: 'Casa\u009b2J' } }, 'input.title', /U\+009B/],
  ['a tag with a NUL in an update', UPDATE, { id: '', input: { tags: ['a\u0000b'] } }, 'input.tags', /tag 1 must be one line/],
  [
    'a search of 101 ❤️ (202 code points)',
    LEADS,
    { filter: { provider: 'TESSELYS', search: HEART.repeat(101) } },
    'filter.search',
    /at most 200/,
  ],
  ['a search holding a NUL', LEADS, { filter: { provider: 'TESSELYS', search: 'casa\u0000' } }, 'filter.search', /U\+0000/],
];

test.each(REFUSED)('%s is refused before any provider call', async (_name, query, variables, path, message) => {
  const sent = 'id' in variables ? { ...variables, id: tesselysId } : variables;
  expectRefused(await http.gql(stack, query, sent), path, message);
});

test.each([
  ['a 90k-character id', 'tesselys:' + 'a'.repeat(90_000)],
  ['an id with a NUL', 'tesselys:abc\u0000def'],
  ['an id with a lone surrogate', 'tesselys:abc\ud800'],
  ['an id with a path', 'tesselys:../../x y'],
])('%s is BAD_USER_INPUT on "id", quoted short, with no provider call', async (_name, id) => {
  const res = await http.gql(stack, LEAD, { id });
  expectRefused(res, 'id', /expected a lead id/);
});

test('a 90k-character cursor is BAD_USER_INPUT on "after", with no provider call', async () => {
  const res = await http.gql(stack, LEADS, { filter: { provider: 'TESSELYS' }, after: 'a'.repeat(90_000) });
  expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.json.errors[0].extensions.fields[0].path).toBe('after');
  expect(stack.upstreamCalls()).toBe(0);
});

test('a title of exactly 255 code points with emoji, and a description with line breaks and tabs, reach the provider', async () => {
  const title = `${HEART.repeat(127)}a`;
  const description = 'Primeira linha\r\nSegunda\tlinha\n';
  const res = await http.gql(stack, CREATE, { input: tesselys({ title, description, tags: [HEART.repeat(50)] }) });
  expect(res.json.errors).toBeUndefined();
  expect(res.json.data.createLead.lead).toMatchObject({ title, description, tags: [HEART.repeat(50)] });
  expect(stack.tesselys.counters.count('POST /external/v1/leads')).toBe(1);
});

test('a title of 256 code points is refused, by the shared rule and the TESSELYS rule alike', async () => {
  const res = await http.gql(stack, CREATE, { input: tesselys({ title: `${HEART.repeat(128)}` }) });
  expectRefused(res, 'input.title', /^must be at most 255 characters$/);
  const messages = (res.json.errors[0].extensions.fields as Array<{ message: string }>).map((field) => field.message);
  expect(new Set(messages)).toEqual(new Set(['must be at most 255 characters']));
});

test('names in any alphabet, with accents and emoji, are ordinary text', async () => {
  const res = await http.gql(stack, CREATE, { input: keyspot({}, { name: 'João Conceição 👩‍👩‍👧' }) });
  expect(res.json.errors).toBeUndefined();
  expect(stack.keyspot.counters.count('POST /v1/leads')).toBe(1);
});
