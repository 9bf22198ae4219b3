/**
 * Operation limits (depth, aliases, directives, tokens, cost weighted by `first`/`last` with
 * variable defaults applied, `_entities` representations): each refused before any upstream call
 * and allowed just under the limit; outside production the message says the limit, in production
 * it does not.
 */
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { MAX_REPRESENTATIONS, operationCost, operationWeight } from '../../src/security/operation-cost';
import { startTestStack, type TestStack } from '../support/test-stack';
import { codesOf, expectNoLeaks, providerSecrets, Recorder } from './security-harness';

const LIMITS = {
  GRAPHQL_MAX_DEPTH: '4',
  GRAPHQL_MAX_ALIASES: '2',
  GRAPHQL_MAX_DIRECTIVES: '2',
  GRAPHQL_MAX_TOKENS: '150',
  GRAPHQL_MAX_COST: '300',
};

interface Case {
  limit: string;
  allowed: { query: string; variables?: Record<string, unknown> };
  refused: { query: string; variables?: Record<string, unknown> };
  code: string;
  /** What the development message says (with the limit). */
  detail: RegExp;
}

const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Lead { id } } }';
const representations = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ __typename: 'Lead', id: `tesselys:cl${String(i).padStart(23, '0')}` }));

const CASES: Case[] = [
  {
    limit: 'depth',
    allowed: { query: '{ leads(first: 2) { nodes { contact { name } } } }' },
    refused: { query: '{ leads(first: 2) { edges { node { contact { name } } } } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    detail: /depth limit of 4/,
  },
  {
    limit: 'aliases',
    allowed: { query: '{ a: leads(first: 1) { totalCount } b: leads(first: 1) { totalCount } }' },
    refused: { query: '{ a: leads(first: 1) { totalCount } b: leads(first: 1) { totalCount } c: leads(first: 1) { totalCount } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    detail: /Aliases limit of 2/,
  },
  {
    limit: 'directives',
    allowed: { query: '{ leads(first: 1) @include(if: true) { totalCount @skip(if: false) } }' },
    refused: {
      query: '{ leads(first: 1) @include(if: true) { totalCount @skip(if: false) pageInfo @include(if: true) { hasNextPage } } }',
    },
    code: 'GRAPHQL_VALIDATION_FAILED',
    detail: /Directives limit of 2/,
  },
  {
    limit: 'tokens',
    allowed: { query: `{ leads(first: 1) { ${'totalCount '.repeat(100)}} }` },
    refused: { query: `{ leads(first: 1) { ${'totalCount '.repeat(150)}} }` },
    code: 'GRAPHQL_PARSE_FAILED',
    detail: /more th(?:an|at) 150 tokens/,
  },
  {
    limit: 'cost (literal first)',
    // 1 + 99 × (nodes 1 + id 1 + title 1) = 298
    allowed: { query: '{ leads(first: 99) { nodes { id title } } }' },
    // 1 + 100 × 3 = 301
    refused: { query: '{ leads(first: 100) { nodes { id title } } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    detail: /cost limit of 300 exceeded, found 301/,
  },
  {
    limit: 'cost (first from a variable)',
    allowed: { query: 'query ($n: Int) { leads(first: $n) { nodes { id title } } }', variables: { n: 5 } },
    refused: { query: 'query ($n: Int) { leads(first: $n) { nodes { id title } } }', variables: { n: 100 } },
    code: 'GRAPHQL_VALIDATION_FAILED',
    detail: /cost limit of 300 exceeded, found 301/,
  },
  {
    limit: 'cost (first from a variable default)',
    allowed: { query: 'query ($n: Int = 5) { leads(first: $n) { nodes { id title } } }' },
    refused: { query: 'query ($n: Int = 100) { leads(first: $n) { nodes { id title } } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    detail: /cost limit of 300 exceeded, found 301/,
  },
  {
    limit: '_entities representations (variable)',
    allowed: { query: ENTITIES, variables: { r: representations(10) } },
    refused: { query: ENTITIES, variables: { r: representations(MAX_REPRESENTATIONS + 1) } },
    code: 'GRAPHQL_VALIDATION_FAILED',
    detail: /representations limit of 100 exceeded, found 101/,
  },
  {
    limit: 'cost (last)',
    allowed: { query: '{ leads(last: 10) { nodes { id title contact { name email } } } }' },
    refused: { query: '{ leads(last: 100) { nodes { id title contact { name email } } } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    detail: /cost limit of 300 exceeded/,
  },
];

const http = new Recorder();
let development: TestStack;
let production: TestStack;

beforeAll(async () => {
  development = await startTestStack({ env: LIMITS });
  production = await startTestStack({ env: { ...LIMITS, NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true' } });
});
afterAll(async () => {
  await Promise.all([development?.close(), production?.close()]);
});
beforeEach(() => {
  development.resetCounters();
  production.resetCounters();
});

describe.each(CASES)('$limit', ({ allowed, refused, code, detail }) => {
  test('refused before any upstream call; outside production the message names the limit', async () => {
    const res = await http.gql(development, refused.query, refused.variables);
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual([code]);
    expect(res.json.errors[0].message).toMatch(detail);
    expect(res.json.data).toBeUndefined();
    expect(development.upstreamCalls()).toBe(0);
  });

  test('in production the message reveals no number', async () => {
    const res = await http.gql(production, refused.query, refused.variables);
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual([code]);
    expect(res.json.errors[0].message).toMatch(/^(Syntax Error: )?Operation rejected: /);
    expect(res.json.errors[0].message).not.toMatch(/\d/);
    expect(production.upstreamCalls()).toBe(0);
  });

  test('just under the limit it runs', async () => {
    const res = await http.gql(development, allowed.query, allowed.variables);
    expect(res.json.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(development.upstreamCalls()).toBeGreaterThan(0);
  });
});

describe('default limits', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  test('aliases of __typename count like any other (20 refused, 15 allowed)', async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const refused = await http.gql(stack, aliases(20));
    expect(refused.status).toBe(400);
    expect(codesOf(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.json.errors[0].message).toMatch(/Aliases limit of 15/);
    const allowed = await http.gql(stack, aliases(15));
    expect(allowed.json.errors).toBeUndefined();
    expect(allowed.json.data.a14).toBe('Query');
  });

  test('10 representations resolve, through upstream reads', async () => {
    const listed = await http.gql(stack, '{ leads(first: 10) { nodes { id } } }');
    const ids = (listed.json.data.leads.nodes as Array<{ id: string }>).map((node) => node.id);
    expect(ids).toHaveLength(10);
    stack.resetCounters();
    const res = await http.gql(stack, ENTITIES, { r: ids.map((id) => ({ __typename: 'Lead', id })) });
    expect(res.json.errors).toBeUndefined();
    expect((res.json.data._entities as Array<{ id: string }>).map((entity) => entity.id)).toEqual(ids);
    expect(stack.upstreamCalls()).toBeGreaterThan(0);
  });

  test('the example front-end queries get through', async () => {
    const res = await http.gql(
      stack,
      `query LeadsPage($after: String) {
        leads(first: 100, after: $after, filter: { status: NEW }, orderBy: { field: CREATED_AT, direction: DESC }) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { id provider providerLeadId title description status providerStatus source priority tags isActive
            contact { personId name email phone } property { id title } trafficOrigin createdAt updatedAt } }
        }
      }`,
    );
    expect(res.json.errors).toBeUndefined();
  });
});

describe('cost model', () => {
  const schema = buildSchema(`
    scalar _Any
    union _Entity = Item
    type Query {
      items(first: Int, last: Int): Page!, item: Item, tags: [String!]!, pagedDefault(first: Int = 7): Page!
      _entities(representations: [_Any!]!): [_Entity]!
    }
    type Page { nodes: [Item!]! }
    type Item { id: ID!, children(first: Int): Page! }
  `);
  const operationOf = (query: string) => {
    const document = parse(query);
    return { document, operation: document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode };
  };
  const cost = (query: string, variables?: Record<string, unknown>) => {
    const { document, operation } = operationOf(query);
    return operationCost(schema, document, operation, variables);
  };
  const weight = (query: string, variables?: Record<string, unknown>) => {
    const { document, operation } = operationOf(query);
    return operationWeight(schema, document, operation, variables);
  };

  test('every field counts 1; paging fields multiply what they select', () => {
    expect(cost('{ item { id } tags }')).toBe(3);
    expect(cost('{ items(first: 10) { nodes { id } } }')).toBe(1 + 10 * 2);
    expect(cost('{ items(first: 10) { nodes { children(first: 5) { nodes { id } } } } }')).toBe(1 + 10 * (1 + (1 + 5 * 2)));
  });

  test('the page size comes from a literal, a variable, the declared default, or 20', () => {
    expect(cost('query($n: Int) { items(first: $n) { nodes { id } } }', { n: 3 })).toBe(1 + 3 * 2);
    expect(cost('{ items { nodes { id } } }')).toBe(1 + 20 * 2);
    expect(cost('{ pagedDefault { nodes { id } } }')).toBe(1 + 7 * 2);
  });

  test("a variable the request leaves out takes the operation's default; a given value or null wins", () => {
    const query = 'query($n: Int = 100) { items(first: $n) { nodes { id } } }';
    expect(cost(query)).toBe(1 + 100 * 2);
    expect(cost(query, {})).toBe(1 + 100 * 2);
    expect(cost(query, { n: 3 })).toBe(1 + 3 * 2);
    expect(cost(query, { n: null })).toBe(1 + 20 * 2);
    expect(cost('query($n: Int = 100) { a: items(first: $n) { nodes { id } } b: items { nodes { id } } }')).toBe(1 + 100 * 2 + 1 + 20 * 2);
  });

  test('each _entities representation costs at least a lead read, and is counted, from a literal or a variable', () => {
    const rep = '{ __typename: "Item", id: "1" }';
    expect(weight(`{ _entities(representations: [${rep}, ${rep}]) { ... on Item { id } } }`)).toEqual({
      cost: 1 + 2 * 2,
      representations: 2,
    });
    // A selection of nothing but __typename still reads each one.
    expect(weight(`{ _entities(representations: [${rep}, ${rep}, ${rep}]) { __typename } }`)).toEqual({
      cost: 1 + 3 * 2,
      representations: 3,
    });
    expect(weight(`{ _entities(representations: ${rep}) { __typename } }`).representations).toBe(1);
    const variable = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Item { id children(first: 2) { nodes { id } } } } }';
    expect(weight(variable, { r: Array.from({ length: 1500 }, () => ({})) })).toEqual({
      cost: 1 + 1500 * (1 + 2 + 2 * 2),
      representations: 1500,
    });
    // Aliases and fragments add up.
    expect(
      weight(
        `{ a: _entities(representations: [${rep}]) { __typename } ...F ...F } fragment F on Query { _entities(representations: [${rep}, ${rep}]) { __typename } }`,
      ).representations,
    ).toBe(5);
    expect(weight('query($r: [_Any!]! = [{}, {}]) { _entities(representations: $r) { __typename } }').representations).toBe(2);
  });

  test('fragments and inline fragments count where they are spread; __typename and introspection are free', () => {
    const direct = cost('{ items(first: 4) { nodes { id children(first: 2) { nodes { id } } } } }');
    expect(cost('{ items(first: 4) { nodes { ...F } } } fragment F on Item { id children(first: 2) { nodes { id } } }')).toBe(direct);
    expect(cost('{ items(first: 4) { nodes { ... on Item { id children(first: 2) { nodes { id } } } } } }')).toBe(direct);
    expect(cost('{ __typename __schema { types { name } } item { __typename id } }')).toBe(2);
  });

  test('a fragment spread many times over is costed once per spread, not re-walked exponentially', () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const query = `{ ...F0 }\n${fragments}\nfragment F30 on Query { tags }`;
    expect(cost(query)).toBe(2 ** 30);
  });
});

describe('sweep', () => {
  test('no provider secret in any response or log line', () => {
    expectNoLeaks(
      [...http.bodies, ...development.logs.lines, ...production.logs.lines],
      [...providerSecrets(development), ...providerSecrets(production)],
    );
  });
});
