/**
 * The `leads` connection end to end: field mapping, Relay paging over Tesselys's page/limit API
 * (forward, backward, misaligned windows), filters and order, and argument errors. Every expected
 * order comes from asking the simulator itself, and upstream costs are read from its counters, so
 * a window that is right but wasteful fails as surely as one that is wrong.
 */
import { MAX_CURSOR_OFFSET } from '../../src/leads/pagination/cursor';
import type { TesselysLeadDto, TesselysListResponseDto } from '../../src/providers/tesselys/tesselys.dto';
import { expectedTesselysLead, LEAD_SELECTION } from '../support/lead-fields';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

const LIST_ROUTE = 'GET /external/v1/leads';

const LEADS_QUERY = `
  query Leads($first: Int, $after: String, $last: Int, $before: String, $filter: LeadFilter, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id } }
      nodes { id }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

interface Connection {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string } }>;
  nodes: Array<{ id: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

interface ListParams {
  status?: string;
  search?: string;
  orderBy?: 'title' | 'createdAt';
  order?: 'ASC' | 'DESC';
}

let stack: TestStack;
/** The simulator's own answer for the default query (createdAt DESC), as global ids. */
let newestFirst: string[];

beforeAll(async () => {
  stack = await startTestStack();
  newestFirst = (await simulatorList()).map(globalIdOf);
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.tesselys.faults.reset();
  stack.resetCounters();
});

/** Asks the simulator directly (as Tesselys would be asked), for up to 100 leads. Counts as an upstream call, so call it before resetting. */
async function simulatorList(params: ListParams = {}, target: TestStack = stack): Promise<TesselysLeadDto[]> {
  const url = new URL('/external/v1/leads', target.tesselys.url);
  for (const [key, value] of Object.entries({ page: '1', limit: '100', ...params })) url.searchParams.set(key, value);
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${target.tesselys.credentials.accessToken}`,
      'x-company-token': target.tesselys.credentials.companyToken,
    },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as TesselysListResponseDto;
  expect(body.meta.total).toBe(body.data.length);
  return body.data;
}

function globalIdOf(lead: TesselysLeadDto): string {
  return `tesselys:${lead.id}`;
}

async function leads(variables: Record<string, unknown> = {}, target: TestStack = stack): Promise<Connection> {
  const res = await target.gql<{ leads: Connection }>(LEADS_QUERY, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.leads;
}

function listCalls(): number {
  return stack.tesselys.counters.count(LIST_ROUTE);
}

/** One BAD_USER_INPUT whose field list names `path`, and no data for `leads`. */
function expectBadInput(res: GraphQLResponse, path: string): string {
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0]!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  const paths = (error.extensions?.fields as Array<{ path: string }>).map((field) => field.path);
  expect(paths).toContain(path);
  expect(res.data ?? null).toBeNull();
  return error.message;
}

/** Walks the whole listing forward with `first: size`, returning the ids and each page's upstream cost. */
async function walkForward(
  size: number,
  extra: Record<string, unknown> = {},
): Promise<{ ids: string[]; costs: number[]; pages: Connection[] }> {
  const ids: string[] = [];
  const costs: number[] = [];
  const pages: Connection[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const before = listCalls();
    const page: Connection = await leads({ first: size, after, ...extra });
    costs.push(listCalls() - before);
    pages.push(page);
    ids.push(...page.nodes.map((node) => node.id));
    if (!page.pageInfo.hasNextPage) return { ids, costs, pages };
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('the default listing', () => {
  test('returns the 20 newest leads, totalCount from the provider, in one upstream call', async () => {
    const page = await leads();
    expect(page.totalCount).toBe(64);
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst.slice(0, 20));
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(listCalls()).toBe(1);
    expect(stack.upstreamCalls()).toBe(1);
  });

  test('asks Tesselys for page 1, limit 20, newest first', async () => {
    await leads();
    const sent = new URL(stack.tesselys.counters.last(LIST_ROUTE)!.url, stack.tesselys.url).searchParams;
    expect(Object.fromEntries(sent)).toEqual({ page: '1', limit: '20', orderBy: 'createdAt', order: 'DESC' });
  });

  test('edges and nodes agree, and cursors are distinct opaque strings matching pageInfo', async () => {
    const page = await leads({ first: 10 });
    expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
    const cursors = page.edges.map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(10);
    for (const [index, cursor] of cursors.entries()) {
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(cursor).not.toContain(page.nodes[index]!.id.split(':')[1]);
    }
    expect(page.pageInfo.startCursor).toBe(cursors[0]);
    expect(page.pageInfo.endCursor).toBe(cursors[9]);
  });

  test('maps every field of every lead from the Tesselys payload', async () => {
    const res = await stack.gql<{ leads: { nodes: Array<Record<string, unknown>> } }>(
      `{ leads(first: 100) { nodes { ${LEAD_SELECTION} } } }`,
    );
    expect(res.errors).toBeUndefined();
    const byId = new Map(stack.tesselys.leads().map((lead) => [lead.id, lead]));
    const nodes = res.data!.leads.nodes;
    expect(nodes).toHaveLength(64);
    for (const node of nodes) {
      const raw = byId.get(node.providerLeadId as string)!;
      expect(raw).toBeDefined();
      expect(node).toEqual(expectedTesselysLead(raw));
    }
    // The seed covers the optional shapes, so the comparison above really saw nulls and values.
    expect(nodes.some((n) => n.description === null)).toBe(true);
    expect(nodes.some((n) => (n.contact as { personId: unknown }).personId === null)).toBe(true);
    expect(nodes.some((n) => n.isActive === false)).toBe(true);
    expect(new Set(nodes.map((n) => n.status)).size).toBe(5);
  });

  test('first: 100 returns every lead in one call and says nothing follows', async () => {
    const page = await leads({ first: 100 });
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(listCalls()).toBe(1);
  });
});

describe('paging forward', () => {
  test('walks all 64 leads seven at a time: no gaps, no duplicates, the provider order, one call per page', async () => {
    const { ids, costs, pages } = await walkForward(7);
    expect(ids).toEqual(newestFirst);
    expect(new Set(ids).size).toBe(64);
    expect(pages).toHaveLength(10);
    expect(costs).toEqual(Array(10).fill(1));
    expect(pages[0]!.pageInfo.hasPreviousPage).toBe(false);
    for (const page of pages.slice(1)) expect(page.pageInfo.hasPreviousPage).toBe(true);
    expect(pages.at(-1)!.nodes).toHaveLength(1);
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    for (const page of pages) expect(page.totalCount).toBe(64);
  });

  test('a walk whose pages end exactly on the last lead stops there', async () => {
    const { ids, pages } = await walkForward(16);
    expect(ids).toEqual(newestFirst);
    expect(pages).toHaveLength(4);
    expect(pages.at(-1)!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  test.each([
    [3, 10],
    [4, 13],
    [9, 20],
    [30, 25],
    [50, 7],
  ])('after the item at offset %i, first %i is the matching slice from one provider page', async (offset, size) => {
    const after = (await leads({ first: offset + 1 })).pageInfo.endCursor;
    stack.resetCounters();
    const page = await leads({ first: size, after });
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst.slice(offset + 1, offset + 1 + size));
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    expect(page.pageInfo.hasNextPage).toBe(offset + 1 + size < 64);
    // start + size stays within 100, so one provider page with a larger limit covers the window.
    expect(listCalls()).toBe(1);
  });

  test('a window no single provider page can cover costs two calls and is still exact', async () => {
    // Offsets 10..100: no limit up to 100 holds both ends in one page, so two pages of limit 91 are fetched.
    const big = await startTestStack({ tesselys: { leadCount: 150 } });
    try {
      const reference = (await simulatorListAll(big)).map(globalIdOf);
      expect(reference).toHaveLength(150);
      const after = (await leads({ first: 10 }, big)).pageInfo.endCursor;
      big.resetCounters();
      const page = await leads({ first: 91, after }, big);
      expect(page.nodes.map((n) => n.id)).toEqual(reference.slice(10, 101));
      expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
      expect(big.tesselys.counters.count(LIST_ROUTE)).toBe(2);
    } finally {
      await big.close();
    }
  });

  test('a two-page window running past the end returns what exists', async () => {
    const after = (await leads({ first: 4 })).pageInfo.endCursor;
    stack.resetCounters();
    const page = await leads({ first: 97, after });
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst.slice(4));
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(listCalls()).toBe(2);
  });

  test('an aligned window (first 20 after the 20th lead) costs exactly one call', async () => {
    const after = (await leads({ first: 20 })).pageInfo.endCursor;
    stack.resetCounters();
    const page = await leads({ first: 20, after });
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst.slice(20, 40));
    expect(listCalls()).toBe(1);
    const sent = new URL(stack.tesselys.counters.last(LIST_ROUTE)!.url, stack.tesselys.url).searchParams;
    expect([sent.get('page'), sent.get('limit')]).toEqual(['2', '20']);
  });

  // An empty page has no startCursor, so claiming a previous page would leave the client nothing
  // to page back from (issue #13, defect 10); the client still holds the `after` it sent.
  test('after the very last lead: an empty page, with no cursors, nothing following and no dead-end previous page', async () => {
    const after = (await leads({ first: 100 })).edges.at(-1)!.cursor;
    const page = await leads({ first: 5, after });
    expect(page.edges).toEqual([]);
    expect(page.nodes).toEqual([]);
    expect(page.totalCount).toBe(64);
    expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});

/** A cursor of the default listing with its offset replaced, as an attacker would forge it. */
function forgedCursor(genuine: string, offset: number): string {
  // Every provider's position (Keyspot's records and Tesselys) forged alike.
  const payload = JSON.parse(Buffer.from(genuine, 'base64url').toString('utf8')) as { o: number[] };
  return Buffer.from(JSON.stringify({ ...payload, o: payload.o.map(() => offset) }), 'utf8').toString('base64url');
}

/** Every list request the simulator received asked for a page that starts inside a listing of `total` leads. */
function expectNoPageBeyond(target: TestStack, total: number): void {
  const requests = target.tesselys.counters.history(LIST_ROUTE);
  for (const request of requests) {
    const sent = new URL(request.url, target.tesselys.url).searchParams;
    const start = (Number(sent.get('page')) - 1) * Number(sent.get('limit'));
    expect(start).toBeLessThanOrEqual(total);
  }
}

// Issue #13, defect 14: a forged offset once became `page=125000001` upstream.
describe('a forged cursor never asks the provider for a page past the end', () => {
  // Under the absolute cap (MAX_CURSOR_OFFSET), so only the bound by the known total stops it.
  const FORGED_OFFSET = 9_999_999;

  test('forward, after a listing this gateway has seen: an empty last page, no absurd upstream page', async () => {
    const genuine = (await leads({ first: 8 })).pageInfo.endCursor!;
    stack.resetCounters();
    const page = await leads({ first: 8, after: forgedCursor(genuine, FORGED_OFFSET) });
    expect(page.nodes).toEqual([]);
    expect(page.totalCount).toBe(64);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });
    expectNoPageBeyond(stack, 64);
    expect(listCalls()).toBeLessThanOrEqual(1);
  });

  test('backward, before a forged offset: the last leads, no absurd upstream page', async () => {
    const genuine = (await leads({ first: 8 })).pageInfo.endCursor!;
    stack.resetCounters();
    const page = await leads({ last: 3, before: forgedCursor(genuine, FORGED_OFFSET) });
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst.slice(-3));
    expectNoPageBeyond(stack, 64);
    expect(listCalls()).toBeLessThanOrEqual(2);
  });

  test('an offset past the absolute cap is BAD_USER_INPUT on after, with no upstream call', async () => {
    const genuine = (await leads({ first: 8 })).pageInfo.endCursor!;
    stack.resetCounters();
    const res = await stack.gql(LEADS_QUERY, { first: 8, after: forgedCursor(genuine, MAX_CURSOR_OFFSET + 1) });
    expect(expectBadInput(res, 'after')).toMatch(/expected an integer offset from 0 to/);
    expect(listCalls()).toBe(0);
  });

  test('on a gateway that has never listed (nothing known of the total), still no absurd upstream page', async () => {
    const fresh = await startTestStack();
    try {
      // The fingerprint is the same on every gateway: forge from a cursor issued elsewhere.
      const genuine = (await leads({ first: 8 })).pageInfo.endCursor!;
      fresh.resetCounters();
      const page = await leads({ first: 8, after: forgedCursor(genuine, FORGED_OFFSET) }, fresh);
      expect(page.nodes).toEqual([]);
      expect(page.totalCount).toBe(64);
      expectNoPageBeyond(fresh, 64);
      const backward = await leads({ last: 2, before: forgedCursor(genuine, FORGED_OFFSET - 1) }, fresh);
      expect(backward.nodes).toHaveLength(2);
      expectNoPageBeyond(fresh, 64);
    } finally {
      await fresh.close();
    }
  });
});

/** The simulator's full default listing when it may hold more than 100 leads (two direct pages). */
async function simulatorListAll(target: TestStack): Promise<TesselysLeadDto[]> {
  const all: TesselysLeadDto[] = [];
  for (let page = 1; ; page++) {
    const url = new URL('/external/v1/leads', target.tesselys.url);
    url.search = new URLSearchParams({ page: String(page), limit: '100' }).toString();
    const response = await fetch(url, {
      headers: {
        authorization: `Bearer ${target.tesselys.credentials.accessToken}`,
        'x-company-token': target.tesselys.credentials.companyToken,
      },
    });
    const body = (await response.json()) as TesselysListResponseDto;
    all.push(...body.data);
    if (page >= body.meta.totalPages) return all;
  }
}

describe('paging backward', () => {
  test('last: 5 without a cursor is the final five leads', async () => {
    const page = await leads({ last: 5 });
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst.slice(59));
    expect(page.totalCount).toBe(64);
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    expect(page.pageInfo.hasNextPage).toBe(false);
    // One call learns the total, at most one more fetches the window.
    expect(listCalls()).toBeLessThanOrEqual(2);
  });

  test('last/before from a cursor in the middle is the slice just before it', async () => {
    const before = (await leads({ first: 31 })).pageInfo.endCursor; // offset 30
    stack.resetCounters();
    const page = await leads({ last: 5, before });
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst.slice(25, 30));
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(listCalls()).toBe(1);
  });

  test('last larger than what precedes the cursor returns only what is there', async () => {
    const before = (await leads({ first: 4 })).pageInfo.endCursor; // offset 3
    const page = await leads({ last: 10, before });
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst.slice(0, 3));
    expect(page.pageInfo.hasPreviousPage).toBe(false);
  });

  test('last larger than the total returns every lead, one call', async () => {
    const page = await leads({ last: 100 });
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(listCalls()).toBe(1);
  });

  test('walking backward with before=startCursor visits every lead once, in reverse', async () => {
    const seen: string[][] = [];
    let page = await leads({ last: 9 });
    seen.unshift(page.nodes.map((n) => n.id));
    while (page.pageInfo.hasPreviousPage) {
      page = await leads({ last: 9, before: page.pageInfo.startCursor });
      seen.unshift(page.nodes.map((n) => n.id));
    }
    expect(seen.flat()).toEqual(newestFirst);
    expect(seen[0]).toHaveLength(64 % 9);
  });

  test('a cursor from a forward page works backward and vice versa', async () => {
    const middle = await leads({ first: 10, after: (await leads({ first: 20 })).pageInfo.endCursor });
    const back = await leads({ last: 10, before: middle.pageInfo.startCursor });
    expect(back.nodes.map((n) => n.id)).toEqual(newestFirst.slice(10, 20));
    const forward = await leads({ first: 10, after: back.pageInfo.endCursor });
    expect(forward.nodes).toEqual(middle.nodes);
  });
});

describe('argument errors are refused before any upstream call', () => {
  test.each([
    'abc',
    '!!!',
    Buffer.from('not a cursor at all').toString('base64'),
    Buffer.from('{"v":1,"o":-3,"f":"x"}').toString('base64url'),
    '',
  ])('garbage cursor %p is BAD_USER_INPUT on after and on before', async (cursor) => {
    expectBadInput(await stack.gql(LEADS_QUERY, { first: 5, after: cursor }), 'after');
    expectBadInput(await stack.gql(LEADS_QUERY, { last: 5, before: cursor }), 'before');
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('a cursor from another filter or another order is refused', async () => {
    const contacted = (await leads({ first: 3, filter: { status: 'CONTACTED' } })).pageInfo.endCursor;
    const byTitle = (await leads({ first: 3, orderBy: { field: 'TITLE', direction: 'ASC' } })).pageInfo.endCursor;
    const ascending = (await leads({ first: 3, orderBy: { field: 'CREATED_AT', direction: 'ASC' } })).pageInfo.endCursor;
    const searched = (await leads({ first: 3, filter: { search: 'plano' } })).pageInfo.endCursor;
    stack.resetCounters();
    expect(expectBadInput(await stack.gql(LEADS_QUERY, { first: 5, after: contacted }), 'after')).toMatch(/different filter or order/);
    expectBadInput(await stack.gql(LEADS_QUERY, { first: 5, after: byTitle }), 'after');
    expectBadInput(await stack.gql(LEADS_QUERY, { last: 5, before: ascending }), 'before');
    expectBadInput(await stack.gql(LEADS_QUERY, { first: 5, after: searched, filter: { search: 'padaria' } }), 'after');
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('the same filter spelled with surrounding spaces keeps its cursors valid', async () => {
    const after = (await leads({ first: 2, filter: { search: 'plano' } })).pageInfo.endCursor;
    const page = await leads({ first: 2, after, filter: { search: '  plano ' } });
    const reference = (await simulatorList({ search: 'plano' })).map(globalIdOf);
    expect(page.nodes.map((n) => n.id)).toEqual(reference.slice(2, 4));
  });

  test.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ last: 0 }, 'last'],
    [{ last: 101 }, 'last'],
    [{ last: -5 }, 'last'],
  ])('%p is BAD_USER_INPUT naming %s', async (variables, argument) => {
    const message = expectBadInput(await stack.gql(LEADS_QUERY, variables), argument);
    expect(message).toContain('100');
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('first and last together are refused, as are after with before', async () => {
    expectBadInput(await stack.gql(LEADS_QUERY, { first: 5, last: 5 }), 'last');
    const cursor = (await leads({ first: 2 })).pageInfo.endCursor;
    stack.resetCounters();
    expectBadInput(await stack.gql(LEADS_QUERY, { after: cursor, before: cursor }), 'before');
    expectBadInput(await stack.gql(LEADS_QUERY, { last: 2, after: cursor }), 'after');
    expect(stack.upstreamCalls()).toBe(0);
  });
});

describe('filters and order', () => {
  test('filter.status CONTACTED lists what Tesselys lists for status=CONTACTED, with its total', async () => {
    const reference = (await simulatorList({ status: 'CONTACTED' })).map(globalIdOf);
    stack.resetCounters();
    expect(reference.length).toBeGreaterThan(1);
    expect(reference.length).toBeLessThan(64);
    const page = await leads({ first: 100, filter: { status: 'CONTACTED' } });
    expect(page.nodes.map((n) => n.id)).toEqual(reference);
    expect(page.totalCount).toBe(reference.length);
    expect(new URL(stack.tesselys.counters.last(LIST_ROUTE)!.url, stack.tesselys.url).searchParams.get('status')).toBe('CONTACTED');
    expect(listCalls()).toBe(1);
  });

  test('a filtered listing pages to its own end', async () => {
    const reference = (await simulatorList({ status: 'NEW' })).map(globalIdOf);
    stack.resetCounters();
    const { ids, pages } = await walkForward(4, { filter: { status: 'NEW' } });
    expect(ids).toEqual(reference);
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    for (const page of pages) expect(page.totalCount).toBe(reference.length);
  });

  // Issue #15: without a named provider, a status Tesselys does not use matches nothing there (Keyspot records here: none).
  test('filter.status NEW_LEAD (a Keyspot status) without a provider lists no Tesselys lead, with no upstream call', async () => {
    const page = await leads({ filter: { status: 'NEW_LEAD' } });
    expect(page.totalCount).toBe(0);
    expect(page.nodes).toEqual([]);
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('filter.status NEW_LEAD with filter.provider TESSELYS is refused with the statuses Tesselys accepts, no upstream call', async () => {
    const res = await stack.gql(LEADS_QUERY, { filter: { status: 'NEW_LEAD', provider: 'TESSELYS' } });
    expectBadInput(res, 'filter.status');
    const message = (res.errors![0]!.extensions!.fields as Array<{ message: string }>)[0]!.message;
    for (const status of ['NEW', 'CONTACTED', 'QUALIFIED', 'UNQUALIFIED', 'CONVERTED']) expect(message).toContain(status);
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('filter.status UNKNOWN is refused, no upstream call', async () => {
    expectBadInput(await stack.gql(LEADS_QUERY, { filter: { status: 'UNKNOWN' } }), 'filter.status');
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('search is case-insensitive and matches what Tesselys finds', async () => {
    const reference = (await simulatorList({ search: 'padaria' })).map(globalIdOf);
    const titles = stack.tesselys.leads().filter((lead) => /padaria/i.test(lead.title));
    stack.resetCounters();
    expect(reference.length).toBeGreaterThan(1);
    expect(reference.length).toBe(titles.length);
    for (const spelling of ['padaria', 'PADARIA', 'PaDaRiA']) {
      const page = await leads({ first: 100, filter: { search: spelling } });
      expect(page.nodes.map((n) => n.id)).toEqual(reference);
      expect(page.totalCount).toBe(reference.length);
    }
  });

  test('search and status combine', async () => {
    const reference = (await simulatorList({ search: 'plano', status: 'NEW' })).map(globalIdOf);
    expect(reference.length).toBeGreaterThan(0);
    const page = await leads({ first: 100, filter: { search: 'Plano', status: 'NEW' } });
    expect(page.nodes.map((n) => n.id)).toEqual(reference);
    expect(page.totalCount).toBe(reference.length);
  });

  test.each([
    ['TITLE', 'ASC', 'title'],
    ['TITLE', 'DESC', 'title'],
    ['CREATED_AT', 'ASC', 'createdAt'],
  ] as const)('orderBy %s %s follows the provider order, also across pages', async (field, direction, providerField) => {
    const reference = (await simulatorList({ orderBy: providerField, order: direction })).map(globalIdOf);
    expect(reference).not.toEqual(newestFirst);
    const { ids } = await walkForward(11, { orderBy: { field, direction } });
    expect(ids).toEqual(reference);
  });

  test('orderBy defaults its direction to DESC', async () => {
    const reference = (await simulatorList({ orderBy: 'title', order: 'DESC' })).map(globalIdOf);
    const page = await leads({ first: 100, orderBy: { field: 'TITLE' } });
    expect(page.nodes.map((n) => n.id)).toEqual(reference);
  });

  test('filter.provider TESSELYS lists Tesselys', async () => {
    const page = await leads({ first: 20, filter: { provider: 'TESSELYS' } });
    expect(page.nodes.map((n) => n.id)).toEqual(newestFirst.slice(0, 20));
    expect(page.totalCount).toBe(64);
  });

  // Issue #15: Keyspot lists the gateway's records of what it created there (none yet here).
  test('filter.provider KEYSPOT lists the recorded Keyspot leads, with no call to either provider', async () => {
    const page = await leads({ filter: { provider: 'KEYSPOT' } });
    expect(page.totalCount).toBe(0);
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('a search that matches nothing is an empty connection', async () => {
    const page = await leads({ filter: { search: 'zzz-no-such-title' } });
    expect(page).toEqual({
      totalCount: 0,
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    const backward = await leads({ last: 5, filter: { search: 'zzz-no-such-title' } });
    expect(backward).toEqual(page);
  });
});

describe('cursors issued before the listing shrank', () => {
  const CONTACTED = { status: 'CONTACTED' };
  let shrinking: TestStack;
  let issued: Connection;
  let remaining: string[];

  beforeAll(async () => {
    shrinking = await startTestStack();
    issued = await leads({ first: 100, filter: CONTACTED }, shrinking);
    // Three leads leave the filter behind the client's back, straight at the provider.
    for (const node of issued.nodes.slice(0, 3)) {
      const response = await fetch(`${shrinking.tesselys.url}/external/v1/leads/${node.id.split(':')[1]}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${shrinking.tesselys.credentials.accessToken}`,
          'x-company-token': shrinking.tesselys.credentials.companyToken,
        },
        body: JSON.stringify({ status: 'QUALIFIED' }),
      });
      expect(response.status).toBe(200);
    }
    remaining = (await simulatorList(CONTACTED, shrinking)).map(globalIdOf);
    expect(remaining).toEqual(issued.nodes.slice(3).map((n) => n.id));
  });
  afterAll(() => shrinking.close());

  test('last/before a cursor now past the end serves the last leads, never a dead-end empty page', async () => {
    const page = await leads({ last: 2, before: issued.pageInfo.endCursor, filter: CONTACTED }, shrinking);
    expect(page.totalCount).toBe(remaining.length);
    expect(page.nodes.map((n) => n.id)).toEqual(remaining.slice(-2));
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const previous = await leads({ last: 2, before: page.pageInfo.startCursor, filter: CONTACTED }, shrinking);
    expect(previous.nodes.map((n) => n.id)).toEqual(remaining.slice(-4, -2));
  });

  test('first/after a cursor now past the end is an empty last page', async () => {
    const page = await leads({ first: 2, after: issued.pageInfo.endCursor, filter: CONTACTED }, shrinking);
    expect(page.nodes).toEqual([]);
    expect(page.totalCount).toBe(remaining.length);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });
});

describe('an empty provider', () => {
  let empty: TestStack;
  beforeAll(async () => {
    empty = await startTestStack({ tesselys: { leads: [] } });
  });
  afterAll(() => empty.close());

  const EMPTY = {
    totalCount: 0,
    edges: [],
    nodes: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  };

  test('lists nothing, forward or backward', async () => {
    expect(await leads({}, empty)).toEqual(EMPTY);
    expect(await leads({ first: 100 }, empty)).toEqual(EMPTY);
    expect(await leads({ last: 5 }, empty)).toEqual(EMPTY);
  });
});

describe('leads with values LeadGraph does not know yet', () => {
  let odd: TestStack;
  const base: TesselysLeadDto = {
    id: 'clodd0000000000000000001',
    title: 'Lead with a future status',
    personId: null,
    personName: null,
    status: 'ARCHIVED',
    sourceChannel: 'TIKTOK',
    description: null,
    tags: [],
    isActive: true,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
  };
  beforeAll(async () => {
    odd = await startTestStack({ tesselys: { leads: [base] } });
  });
  afterAll(() => odd.close());

  test('status and source become UNKNOWN while providerStatus and raw keep the provider spelling', async () => {
    const res = await odd.gql<{ leads: { nodes: Array<Record<string, unknown>> } }>(
      '{ leads { nodes { id status providerStatus source raw } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.leads.nodes).toEqual([
      { id: `tesselys:${base.id}`, status: 'UNKNOWN', providerStatus: 'ARCHIVED', source: 'UNKNOWN', raw: base },
    ]);
  });
});
