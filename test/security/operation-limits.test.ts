/**
 * Operation limits (depth, aliases, directives, tokens, cost weighted by `first`/`last`): each
 * refused before any upstream call and allowed just under the limit; outside production the
 * message says the limit, in production it does not.
 */
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { operationCost } from '../../src/security/operation-cost';
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

test('the default limits let the example front-end queries through', async () => {
  const stack = await startTestStack();
  try {
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
  } finally {
    await stack.close();
  }
});

describe('cost model', () => {
  const schema = buildSchema(`
    type Query { items(first: Int, last: Int): Page!, item: Item, tags: [String!]!, pagedDefault(first: Int = 7): Page! }
    type Page { nodes: [Item!]! }
    type Item { id: ID!, children(first: Int): Page! }
  `);
  const cost = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    return operationCost(
      schema,
      document,
      document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode,
      variables,
    );
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
