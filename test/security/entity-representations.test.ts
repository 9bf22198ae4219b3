/**
 * Malformed `_entities` representations over real HTTP: each is the caller's mistake
 * (BAD_USER_INPUT on that entity alone, a short escaped quotation of what was sent), never an
 * internal error, never an error-level log line holding the caller's text, never a provider call.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { API_KEYS, bearer, CRM_KEY, Recorder } from './security-harness';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { __typename ... on Lead { id title } }
}`;
const http = new Recorder();
let stack: TestStack;
let knownId: string;

beforeAll(async () => {
  stack = await startTestStack({ env: { NODE_ENV: 'production', API_KEYS } });
  knownId = `tesselys:${stack.tesselys.leads()[0]!.id}`;
});
afterAll(() => stack.close());
beforeEach(() => stack.resetCounters());

const errorLevelLines = () => stack.logs.records().filter((record) => Number(record.level) >= 50);

const MALFORMED: Array<[string, unknown]> = [
  ['a number', 1],
  ['a string', 'x'],
  ['a boolean', true],
  ['a list', [{ __typename: 'Lead', id: 'tesselys:x' }]],
  ['an empty object', {}],
  ['a non-string __typename', { __typename: 5, id: 'tesselys:x' }],
  ['the Query type', { __typename: 'Query' }],
  ['the Mutation type', { __typename: 'Mutation' }],
  ['a non-entity object type', { __typename: 'LeadConnection' }],
  ['the Node interface', { __typename: 'Node', id: 'tesselys:x' }],
  ['an enum type', { __typename: 'LeadStatus' }],
  ['an unknown type', { __typename: 'NoSuchType' }],
  ['an introspection type', { __typename: '__Schema' }],
];

describe.each(MALFORMED)('%s as a representation', (_name, representation) => {
  test('is BAD_USER_INPUT on its own entity, the valid sibling resolves, nothing is logged at error level', async () => {
    const linesBefore = errorLevelLines().length;
    const res = await http.gql(
      stack,
      ENTITIES,
      { representations: [representation, { __typename: 'Lead', id: knownId }] },
      bearer(CRM_KEY),
    );
    expect(res.status).toBe(200);
    expect(res.json.errors).toHaveLength(1);
    expect(res.json.errors[0]).toMatchObject({ path: ['_entities', 0], extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.json.errors[0].message).toMatch(/representations/);
    expect(res.json.data._entities).toEqual([null, expect.objectContaining({ __typename: 'Lead', id: knownId })]);
    expect(errorLevelLines().length).toBe(linesBefore);
    expect(stack.tesselys.counters.count()).toBe(1);
  });
});

test('a __typename with newlines and ANSI escapes is quoted short and escaped, and logged nowhere', async () => {
  const forged = 'Lead\n{"level":30,"msg":"forged line"}\u001b[31m' + 'x'.repeat(500);
  const res = await http.gql(stack, ENTITIES, { representations: [{ __typename: forged, id: knownId }] }, bearer(CRM_KEY));
  expect(res.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  const message = res.json.errors[0].message as string;
  for (const raw of ['\n', '\u001b']) expect(message).not.toContain(raw);
  expect(message).toContain('Lead\\n{');
  expect(message.length).toBeLessThan(300);
  expect(stack.logs.lines.join('\n')).not.toContain('forged line');
  expect(stack.upstreamCalls()).toBe(0);
});

test('the representations written inline in the document are checked the same way', async () => {
  const res = await http.gql(
    stack,
    '{ _entities(representations: [1, "x", {}, { __typename: "Query" }]) { __typename } }',
    undefined,
    bearer(CRM_KEY),
  );
  expect(res.json.data._entities).toEqual([null, null, null, null]);
  expect(res.json.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(Array(4).fill('BAD_USER_INPUT'));
  expect(errorLevelLines()).toEqual([]);
});
