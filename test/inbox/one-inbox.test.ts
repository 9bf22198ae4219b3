/**
 * Issue #15 over real HTTP: `leads` without `filter.provider` is one connection over Keyspot's
 * records and Tesselys, with createdAt values shared across providers. Every walk, forward and
 * backward, in both orders and both fields and several page sizes, visits every lead once in a
 * merged order consistent with each provider's own order; and each page costs at most two Tesselys
 * list calls and no Keyspot call (counted by the simulators) — the bound docs/one-inbox.md states.
 */
import type { TesselysLeadResource } from '../../src/providers/tesselys/simulator/tesselys.documented-api';
import { startTestStack, type TestStack } from '../support/test-stack';

const TESSELYS_LIST = 'GET /external/v1/leads';
const START = Date.UTC(2026, 10, 21, 12, 0, 0);
const MINUTE = 60_000;
const TITLES = ['Ótica Central', 'otica do bairro', 'Obra nova', 'abacate', 'Árvore', 'Zebra', 'casa', 'Casa'];

const LEADS_QUERY = /* GraphQL */ `
  query Leads($first: Int, $after: String, $last: Int, $before: String, $filter: LeadFilter, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        id
        provider
        title
        createdAt
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

interface Node {
  id: string;
  provider: string;
  title: string | null;
  createdAt: string;
}
interface Connection {
  totalCount: number;
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

function tesselysLead(i: number): TesselysLeadResource {
  const at = new Date(START + (i % 4) * MINUTE).toISOString();
  return {
    id: `clts${String(i).padStart(4, '0')}x${(i * 7919) % 97}`,
    title: TITLES[i % TITLES.length]!,
    personId: null,
    personName: null,
    status: i % 3 === 0 ? 'CONTACTED' : 'NEW',
    sourceChannel: null,
    description: null,
    tags: [],
    isActive: true,
    createdAt: at,
    updatedAt: at,
  };
}

let stack: TestStack;
const KEYSPOT_COUNT = 9;
const TESSELYS_COUNT = 14;
const TOTAL = KEYSPOT_COUNT + TESSELYS_COUNT;

beforeAll(async () => {
  stack = await startTestStack({
    tesselys: { leads: Array.from({ length: TESSELYS_COUNT }, (_, i) => tesselysLead(i)) },
    // Hundreds of pages in one file: the per-key rate limit is not under test here.
    env: { RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_MINUTE: '100000' },
  });
  // Keyspot leads created at the same minutes as Tesselys leads: equal createdAt across providers.
  for (let i = 0; i < KEYSPOT_COUNT; i++) {
    if (i > 0 && i % 3 === 0) stack.clock.advance(MINUTE);
    const res = await stack.gql('mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }', {
      input: {
        provider: 'KEYSPOT',
        description: `Visita ${i}`,
        contact: { name: `Cliente ${i}`, email: `cliente${i}@example.com`, phone: '+55 11 98765-4321' },
      },
    });
    expect(res.errors).toBeUndefined();
  }
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.tesselys.faults.reset();
  stack.resetCounters();
});

async function leads(variables: Record<string, unknown>): Promise<Connection> {
  const res = await stack.gql<{ leads: Connection }>(LEADS_QUERY, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.leads;
}

/** One page, checking its cost: at most two Tesselys list calls (exactly one for `last` without `before`), no Keyspot call. */
async function costedPage(variables: Record<string, unknown>): Promise<Connection> {
  stack.resetCounters();
  const page = await leads(variables);
  const tesselysCalls = stack.tesselys.counters.count(TESSELYS_LIST);
  if (variables.last !== undefined && variables.before === undefined) expect(tesselysCalls).toBe(1);
  else expect(tesselysCalls).toBeLessThanOrEqual(2);
  expect(stack.keyspot.counters.count()).toBe(0);
  return page;
}

async function walkForward(size: number, orderBy: Record<string, string>): Promise<Node[]> {
  const seen: Node[] = [];
  let after: string | null = null;
  for (let step = 0; step < 100; step++) {
    const page: Connection = await costedPage({ first: size, after, orderBy });
    expect(page.totalCount).toBe(TOTAL);
    expect(page.pageInfo.hasPreviousPage).toBe(step > 0 && page.nodes.length > 0);
    seen.push(...page.nodes);
    expect(page.pageInfo.hasNextPage).toBe(seen.length < TOTAL);
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

async function walkBackward(size: number, orderBy: Record<string, string>): Promise<Node[]> {
  const seen: Node[] = [];
  let before: string | null = null;
  for (let step = 0; step < 100; step++) {
    const page: Connection = await costedPage(before === null ? { last: size, orderBy } : { last: size, before, orderBy });
    expect(page.totalCount).toBe(TOTAL);
    expect(page.pageInfo.hasNextPage).toBe(step > 0);
    seen.unshift(...page.nodes);
    expect(page.pageInfo.hasPreviousPage).toBe(seen.length < TOTAL);
    if (!page.pageInfo.hasPreviousPage) return seen;
    before = page.pageInfo.startCursor;
  }
  throw new Error('paging did not end');
}

/** Each provider's own order, as that provider lists alone. */
async function providerOrder(provider: string, orderBy: Record<string, string>): Promise<string[]> {
  return (await leads({ first: 100, orderBy, filter: { provider } })).nodes.map((n) => n.id);
}

const collator = new Intl.Collator('pt-BR', { sensitivity: 'variant' });

describe.each([
  { field: 'CREATED_AT', direction: 'DESC' },
  { field: 'CREATED_AT', direction: 'ASC' },
  { field: 'TITLE', direction: 'ASC' },
  { field: 'TITLE', direction: 'DESC' },
])('merged walks ordered by $field $direction', (orderBy) => {
  test.each([1, 3, 7, 25])('page size %i: forward and backward visit every lead once, in one consistent order', async (size) => {
    const forward = await walkForward(size, orderBy);
    const ids = forward.map((n) => n.id);
    expect(new Set(ids).size).toBe(TOTAL);
    expect((await walkBackward(size, orderBy)).map((n) => n.id)).toEqual(ids);

    // Each provider's leads keep that provider's own order.
    for (const provider of ['KEYSPOT', 'TESSELYS'])
      expect(forward.filter((n) => n.provider === provider).map((n) => n.id)).toEqual(await providerOrder(provider, orderBy));

    // Across providers: the requested key, ties by id in the same direction.
    const sign = orderBy.direction === 'ASC' ? 1 : -1;
    for (let i = 1; i < forward.length; i++) {
      const [a, b] = [forward[i - 1]!, forward[i]!];
      if (a.provider === b.provider) continue;
      const key =
        orderBy.field === 'CREATED_AT'
          ? Date.parse(a.createdAt) - Date.parse(b.createdAt)
          : a.title === null || b.title === null
            ? (a.title === null ? 1 : 0) - (b.title === null ? 1 : 0)
            : collator.compare(a.title, b.title);
      expect(sign * (key || (a.id < b.id ? -1 : 1))).toBeLessThan(0);
    }
  });
});

test('equal createdAt values across providers break ties by id (keyspot:… before tesselys:… ascending)', async () => {
  const forward = await walkForward(25, { field: 'CREATED_AT', direction: 'ASC' });
  const firstMinute = forward.filter((n) => Date.parse(n.createdAt) === START);
  expect(firstMinute.map((n) => n.provider)).toEqual([...firstMinute.map((n) => n.provider)].sort());
  expect(new Set(firstMinute.map((n) => n.provider))).toEqual(new Set(['KEYSPOT', 'TESSELYS']));
});

test('filter.status applies per provider: CONTACTED lists only Tesselys, NEW_LEAD only Keyspot', async () => {
  const contacted = await leads({ first: 100, filter: { status: 'CONTACTED' } });
  expect(contacted.totalCount).toBe(Array.from({ length: TESSELYS_COUNT }, (_, i) => i).filter((i) => i % 3 === 0).length);
  expect(new Set(contacted.nodes.map((n) => n.provider))).toEqual(new Set(['TESSELYS']));
  const newLead = await leads({ first: 100, filter: { status: 'NEW_LEAD' } });
  expect(newLead.totalCount).toBe(KEYSPOT_COUNT);
  expect(new Set(newLead.nodes.map((n) => n.provider))).toEqual(new Set(['KEYSPOT']));
});

test('a failing provider fails the merged page with its own code; filter.provider still lists the other', async () => {
  stack.tesselys.faults.failNext({ route: TESSELYS_LIST, status: 401, body: { message: 'nope' }, count: 10 });
  const res = await stack.gql(LEADS_QUERY, { first: 5 });
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_AUTH_FAILED', provider: 'TESSELYS' });
  const keyspot = await leads({ first: 5, filter: { provider: 'KEYSPOT' } });
  expect(keyspot.totalCount).toBe(KEYSPOT_COUNT);
});
