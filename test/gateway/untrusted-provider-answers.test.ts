/**
 * Provider answers are untrusted input. An answer for another lead, an id that is not a safe id, a
 * total no list can have, a page larger than asked, or a string no field should hold is
 * PROVIDER_BAD_RESPONSE with a message that never echoes the payload. The broken answers are armed
 * through the simulators' /__control API over real HTTP, as an operator would script them.
 */
import { startTestStack, type TestStack } from '../support/test-stack';

const ROUTES = {
  list: 'GET /external/v1/leads',
  get: 'GET /external/v1/leads/:id',
  tesselysCreate: 'POST /external/v1/leads',
  tesselysUpdate: 'PUT /external/v1/leads/:id',
  keyspotCreate: 'POST /v1/leads',
} as const;

const UNSAFE_ID = '../../x y';
const HUGE = 'A'.repeat(200_000);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    keyspot: { control: true },
    tesselys: { control: true },
    env: { PROVIDER_BACKOFF_MS: '1', CIRCUIT_BREAKER_THRESHOLD: '1000' },
  });
});
afterAll(() => stack.close());
beforeEach(async () => {
  await control(stack.tesselys.url, '/reset');
  await control(stack.keyspot.url, '/reset');
});

async function control(baseUrl: string, path: string, body: unknown = {}): Promise<void> {
  const response = await fetch(`${baseUrl}/__control${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(204);
}

/** The next request to `route` answers 200 with `body`, whatever it asked. */
const answerNext = (baseUrl: string, route: string, body: unknown) => control(baseUrl, '/answer', { route, body });

function tesselysLead(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'clx7f8g9h0i1j2k3l4m5n6o7',
    title: 'Interesse em plano Enterprise',
    personId: null,
    personName: null,
    status: 'NEW',
    sourceChannel: 'WEBSITE',
    description: null,
    tags: [],
    isActive: true,
    createdAt: '2026-03-20T09:00:00.000Z',
    updatedAt: '2026-03-20T09:00:00.000Z',
    ...overrides,
  };
}

function keyspotLead(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'clx1abc23def456',
    name: 'Ana Souza',
    email: 'ana.souza@example.com',
    phone: '11988887777',
    message: 'Quero visitar o apartamento',
    source: 'API',
    status: 'NEW_LEAD',
    priority: 'MEDIUM',
    propertyId: null,
    interestedPropertyTitle: null,
    createdAt: '2026-03-13T10:30:00.000Z',
    updatedAt: '2026-03-13T10:30:00.000Z',
    ...overrides,
  };
}

const getLead = (id: string) => stack.gql('query One($id: ID!) { lead(id: $id) { id title } }', { id: `tesselys:${id}` });
const listLeads = (first = 3) =>
  stack.gql('query L($first: Int!) { leads(first: $first, filter: { provider: TESSELYS }) { totalCount nodes { id } } }', { first });
const createKeyspot = () =>
  stack.gql('mutation C($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }', {
    input: {
      provider: 'KEYSPOT',
      description: 'Quero visitar o apartamento',
      contact: { name: 'Ana Souza', email: 'ana.souza@example.com', phone: '11988887777' },
    },
  });
const createTesselys = () =>
  stack.gql('mutation C($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }', {
    input: { provider: 'TESSELYS', title: 'Interesse no plano anual' },
  });

/** One PROVIDER_BAD_RESPONSE error for `provider`, whose message is short and holds none of `secrets`. */
function expectBadResponse(res: Awaited<ReturnType<TestStack['gql']>>, provider: string, ...secrets: string[]): void {
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0]!;
  expect(error.extensions).toMatchObject({ code: 'PROVIDER_BAD_RESPONSE', provider });
  expect(error.message.length).toBeLessThan(300);
  for (const secret of secrets) expect(error.message).not.toContain(secret);
}

describe('Tesselys GET /leads/:id', () => {
  test('an answer for another lead → PROVIDER_BAD_RESPONSE, the other lead is not shown', async () => {
    const [asked, other] = stack.tesselys.leads();
    await answerNext(stack.tesselys.url, ROUTES.get, tesselysLead({ id: other!.id, title: other!.title }));
    const res = await getLead(asked!.id);
    expectBadResponse(res, 'TESSELYS', other!.id, other!.title);
    expect(res.data?.lead ?? null).toBeNull();
  });

  test.each([UNSAFE_ID, 'a'.repeat(129), 'id\u0000nul', 'ünïcode'])('an answer with the id %j → PROVIDER_BAD_RESPONSE', async (id) => {
    const asked = stack.tesselys.leads()[0]!;
    await answerNext(stack.tesselys.url, ROUTES.get, tesselysLead({ id }));
    expectBadResponse(await getLead(asked.id), 'TESSELYS', id);
  });

  test.each(['title', 'description', 'personName', 'status'])('a huge %s → PROVIDER_BAD_RESPONSE, not echoed', async (field) => {
    const asked = stack.tesselys.leads()[0]!;
    await answerNext(stack.tesselys.url, ROUTES.get, tesselysLead({ id: asked.id, [field]: HUGE }));
    expectBadResponse(await getLead(asked.id), 'TESSELYS', HUGE.slice(0, 50));
  });

  test('too many tags → PROVIDER_BAD_RESPONSE', async () => {
    const asked = stack.tesselys.leads()[0]!;
    await answerNext(stack.tesselys.url, ROUTES.get, tesselysLead({ id: asked.id, tags: Array.from({ length: 5000 }, (_, i) => `t${i}`) }));
    expectBadResponse(await getLead(asked.id), 'TESSELYS');
  });

  test('the lead asked for, answered as documented, still reads', async () => {
    const asked = stack.tesselys.leads()[0]!;
    await answerNext(stack.tesselys.url, ROUTES.get, tesselysLead({ id: asked.id, title: 'Canned' }));
    const res = await getLead(asked.id);
    expect(res.errors).toBeUndefined();
    expect(res.data!.lead).toEqual({ id: `tesselys:${asked.id}`, title: 'Canned' });
  });
});

describe('Tesselys GET /leads', () => {
  const meta = { total: 64, page: 1, limit: 3, totalPages: 22 };

  test.each<[string, unknown]>([
    ['1e308', 1e308],
    ['beyond a GraphQL Int', 2 ** 31],
    ['negative', -1],
    ['fractional', 2.5],
    ['a string', '64'],
  ])('meta.total %s → PROVIDER_BAD_RESPONSE', async (_name, total) => {
    await answerNext(stack.tesselys.url, ROUTES.list, { data: [tesselysLead()], meta: { ...meta, total } });
    expectBadResponse(await listLeads(), 'TESSELYS');
  });

  test('more leads than the documented maximum page (100) → PROVIDER_BAD_RESPONSE', async () => {
    const data = Array.from({ length: 101 }, (_, i) => tesselysLead({ id: `cl${String(i).padStart(23, '0')}` }));
    await answerNext(stack.tesselys.url, ROUTES.list, { data, meta: { ...meta, limit: 101 } });
    expectBadResponse(await listLeads(), 'TESSELYS');
  });

  test('more leads than the page says it holds (meta.limit) → PROVIDER_BAD_RESPONSE', async () => {
    const data = Array.from({ length: 5 }, (_, i) => tesselysLead({ id: `cl${String(i).padStart(23, '0')}` }));
    await answerNext(stack.tesselys.url, ROUTES.list, { data, meta });
    expectBadResponse(await listLeads(), 'TESSELYS');
  });

  test('more leads than the gateway asked for (limit) → PROVIDER_BAD_RESPONSE', async () => {
    // The page claims to hold 10, but the gateway asked for 3: a provider that ignores the limit.
    const data = Array.from({ length: 5 }, (_, i) => tesselysLead({ id: `cl${String(i).padStart(23, '0')}` }));
    await answerNext(stack.tesselys.url, ROUTES.list, { data, meta: { ...meta, limit: 10 } });
    expectBadResponse(await listLeads(3), 'TESSELYS');
  });

  test('a lead with an unsafe id in a page → PROVIDER_BAD_RESPONSE', async () => {
    await answerNext(stack.tesselys.url, ROUTES.list, { data: [tesselysLead({ id: UNSAFE_ID })], meta });
    expectBadResponse(await listLeads(), 'TESSELYS', UNSAFE_ID);
  });
});

describe('Tesselys PUT /leads/:id', () => {
  test('an update answered with another lead → PROVIDER_BAD_RESPONSE, the other lead is not shown', async () => {
    const [asked, other] = stack.tesselys.leads();
    await answerNext(stack.tesselys.url, ROUTES.tesselysUpdate, tesselysLead({ id: other!.id, title: other!.title }));
    const res = await stack.gql('mutation U($id: ID!) { updateLead(id: $id, input: { title: "Novo" }) { lead { id title } } }', {
      id: `tesselys:${asked!.id}`,
    });
    expectBadResponse(res, 'TESSELYS', other!.id, other!.title);
  });
});

describe('creates', () => {
  test('Tesselys: a created lead with an unsafe id → PROVIDER_BAD_RESPONSE', async () => {
    await answerNext(stack.tesselys.url, ROUTES.tesselysCreate, tesselysLead({ id: UNSAFE_ID }));
    expectBadResponse(await createTesselys(), 'TESSELYS', UNSAFE_ID);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['an unsafe id', { id: UNSAFE_ID }, UNSAFE_ID],
    ['a huge message', { message: HUGE }, HUGE.slice(0, 50)],
    ['a huge name', { name: HUGE }, HUGE.slice(0, 50)],
  ])('Keyspot: a created lead with %s → PROVIDER_BAD_RESPONSE', async (_name, overrides, secret) => {
    await answerNext(stack.keyspot.url, ROUTES.keyspotCreate, { data: keyspotLead(overrides) });
    expectBadResponse(await createKeyspot(), 'KEYSPOT', secret);
  });
});
