/**
 * Reading single leads (`lead`, `node`), the per-request DataLoader behind them, and `providers`,
 * over real HTTP. Upstream GETs are counted per lead id by the simulator, so deduplication (and its
 * absence across requests) is asserted as exact call counts rather than inferred from answers.
 */
import type { TesselysLeadDto } from '../../src/providers/tesselys/tesselys.dto';
import { expectedTesselysLead, LEAD_SELECTION } from '../support/lead-fields';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

const GET_ROUTE = 'GET /external/v1/leads/:id';

let stack: TestStack;
let seeded: TesselysLeadDto[];

beforeAll(async () => {
  // No retries: a single armed 503 must reach the client (test/resilience covers retries).
  stack = await startTestStack({ env: { PROVIDER_RETRIES: '0' } });
  seeded = stack.tesselys.leads();
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.tesselys.faults.reset();
  stack.keyspot.faults.reset();
  stack.resetCounters();
});

/** A seeded lead with every optional field filled, so the mapping check sees real values. */
function fullLead(): TesselysLeadDto {
  const lead = seeded.find((l) => l.personId && l.description && l.sourceChannel && l.tags.length > 0);
  if (!lead) throw new Error('the seed has no fully populated lead');
  return lead;
}

function expectOneError(res: GraphQLResponse, code: string, path: string[]): NonNullable<GraphQLResponse['errors']>[number] {
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0]!;
  expect(error.extensions?.code).toBe(code);
  expect(error.path).toEqual(path);
  return error;
}

describe('lead(id)', () => {
  test('returns the lead with every field mapped, for one GET', async () => {
    const raw = fullLead();
    const res = await stack.gql(`query($id: ID!) { lead(id: $id) { ${LEAD_SELECTION} } }`, { id: `tesselys:${raw.id}` });
    expect(res.errors).toBeUndefined();
    expect(res.data!.lead).toEqual(expectedTesselysLead(raw));
    expect(stack.tesselys.counters.countForLead(raw.id)).toBe(1);
    expect(stack.upstreamCalls()).toBe(1);
  });

  test('maps a lead whose optional fields are empty', async () => {
    const raw = seeded.find((l) => l.personId === null && l.description === null) ?? seeded[4]!;
    expect(raw.personId).toBeNull();
    const res = await stack.gql(`query($id: ID!) { lead(id: $id) { ${LEAD_SELECTION} } }`, { id: `tesselys:${raw.id}` });
    expect(res.errors).toBeUndefined();
    expect(res.data!.lead).toEqual(expectedTesselysLead(raw));
  });

  test('an id Tesselys does not know is null, not an error', async () => {
    const res = await stack.gql('query($id: ID!) { lead(id: $id) { id } }', { id: 'tesselys:clnosuchlead000000000000' });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ lead: null });
    expect(stack.tesselys.counters.countForLead('clnosuchlead000000000000')).toBe(1);
  });

  test.each(['nope', 'tesselys:', 'foo:abc', 'tesselys:has spaces', ':abc', 'tesselys:a/b', `tesselys:${'a'.repeat(129)}`])(
    'malformed id %p is BAD_USER_INPUT on id, with no upstream call',
    async (id) => {
      const res = await stack.gql('query($id: ID!) { lead(id: $id) { id } }', { id });
      const error = expectOneError(res, 'BAD_USER_INPUT', ['lead']);
      expect((error.extensions!.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['id']);
      expect(res.data).toEqual({ lead: null });
      expect(stack.upstreamCalls()).toBe(0);
    },
  );

  // Issue #15: Keyspot is read from the gateway's record of what it created there (test/inbox).
  test('a Keyspot id this gateway never created is null, and reaches no provider, not even the token endpoint', async () => {
    const res = await stack.gql('query($id: ID!) { lead(id: $id) { id } }', { id: 'keyspot:abc123' });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ lead: null });
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('an unknown Keyspot id beside a Tesselys id is null alone; the Tesselys lead still resolves', async () => {
    const id = `tesselys:${seeded[0]!.id}`;
    const res = await stack.gql('query($id: ID!) { a: lead(id: "keyspot:abc123") { id } b: lead(id: $id) { id } }', { id });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: { id } });
  });

  test('a provider failure on one lead is reported on that field only', async () => {
    const [a, b] = [seeded[0]!, seeded[1]!];
    stack.tesselys.faults.failNext({ route: GET_ROUTE, status: 503, body: { message: 'down for maintenance' } });
    const res = await stack.gql('query($a: ID!, $b: ID!) { a: lead(id: $a) { id } b: lead(id: $b) { id } }', {
      a: `tesselys:${a.id}`,
      b: `tesselys:${b.id}`,
    });
    // Both GETs go out together, so which one meets the fault is up to the network; exactly one does.
    expect(res.errors).toHaveLength(1);
    const failed = res.errors![0]!;
    expect(failed.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'TESSELYS' });
    const failedAlias = failed.path![0]!;
    const okAlias = failedAlias === 'a' ? 'b' : 'a';
    expect(res.data![failedAlias]).toBeNull();
    expect(res.data![okAlias]).toEqual({ id: `tesselys:${okAlias === 'a' ? a.id : b.id}` });
    expect(stack.tesselys.counters.count(GET_ROUTE)).toBe(2);
  });
});

describe('the per-request loader', () => {
  test('three aliases and a repeat of one id cost exactly one GET', async () => {
    const raw = seeded[2]!;
    const res = await stack.gql(
      `query($id: ID!) {
        a: lead(id: $id) { id title }
        b: lead(id: $id) { status }
        c: lead(id: $id) { contact { name } }
        lead(id: $id) { id }
        again: lead(id: $id) { id }
      }`,
      { id: `tesselys:${raw.id}` },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      a: { id: `tesselys:${raw.id}`, title: raw.title },
      b: { status: raw.status },
      c: { contact: { name: raw.personName } },
      lead: { id: `tesselys:${raw.id}` },
      again: { id: `tesselys:${raw.id}` },
    });
    expect(stack.tesselys.counters.countForLead(raw.id)).toBe(1);
    expect(stack.upstreamCalls()).toBe(1);
  });

  test('lead and node of the same id share one GET', async () => {
    const raw = seeded[3]!;
    const res = await stack.gql('query($id: ID!) { lead(id: $id) { id } node(id: $id) { id } }', { id: `tesselys:${raw.id}` });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ lead: { id: `tesselys:${raw.id}` }, node: { id: `tesselys:${raw.id}` } });
    expect(stack.tesselys.counters.countForLead(raw.id)).toBe(1);
  });

  test('an unknown id asked twice costs one GET and is null both times', async () => {
    const res = await stack.gql('query($id: ID!) { a: lead(id: $id) { id } b: lead(id: $id) { id } }', { id: 'tesselys:clmissing' });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null });
    expect(stack.tesselys.counters.countForLead('clmissing')).toBe(1);
  });

  test('five distinct ids cost five GETs, one each, answered in the asked order', async () => {
    const five = seeded.slice(10, 15);
    const query = `query { ${five.map((lead, i) => `l${i}: lead(id: "tesselys:${lead.id}") { id }`).join(' ')} }`;
    const res = await stack.gql(query);
    expect(res.errors).toBeUndefined();
    five.forEach((lead, i) => expect(res.data![`l${i}`]).toEqual({ id: `tesselys:${lead.id}` }));
    for (const lead of five) expect(stack.tesselys.counters.countForLead(lead.id)).toBe(1);
    expect(stack.tesselys.counters.count(GET_ROUTE)).toBe(5);
    expect(stack.upstreamCalls()).toBe(5);
  });

  test('nothing is cached across requests: two operations cost two GETs', async () => {
    const raw = seeded[5]!;
    const query = 'query($id: ID!) { lead(id: $id) { id updatedAt } }';
    const first = await stack.gql(query, { id: `tesselys:${raw.id}` });
    const second = await stack.gql(query, { id: `tesselys:${raw.id}` });
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(stack.tesselys.counters.countForLead(raw.id)).toBe(2);
  });

  test('a second request sees a change made at the provider after the first', async () => {
    const own = await startTestStack();
    try {
      const raw = own.tesselys.leads()[0]!;
      const query = 'query($id: ID!) { lead(id: $id) { title } }';
      expect((await own.gql(query, { id: `tesselys:${raw.id}` })).data).toEqual({ lead: { title: raw.title } });
      const response = await fetch(`${own.tesselys.url}/external/v1/leads/${raw.id}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${own.tesselys.credentials.accessToken}`,
          'x-company-token': own.tesselys.credentials.companyToken,
        },
        body: JSON.stringify({ title: 'Renamed at the provider' }),
      });
      expect(response.status).toBe(200);
      expect((await own.gql(query, { id: `tesselys:${raw.id}` })).data).toEqual({ lead: { title: 'Renamed at the provider' } });
    } finally {
      await own.close();
    }
  });
});

describe('node(id)', () => {
  test('returns the Lead through the Node interface', async () => {
    const raw = seeded[6]!;
    const res = await stack.gql('query($id: ID!) { node(id: $id) { __typename id ... on Lead { title providerStatus } } }', {
      id: `tesselys:${raw.id}`,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: { __typename: 'Lead', id: `tesselys:${raw.id}`, title: raw.title, providerStatus: raw.status } });
    expect(stack.tesselys.counters.countForLead(raw.id)).toBe(1);
  });

  test('an unknown id is null', async () => {
    const res = await stack.gql('query($id: ID!) { node(id: $id) { id } }', { id: 'tesselys:clnothinghere' });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: null });
  });

  test('a submission id (Part 2) is a kind node knows: one that does not exist is null, with no upstream call', async () => {
    const res = await stack.gql('query($id: ID!) { node(id: $id) { id } }', { id: 'submission:0b5e3c1e-8d4f-4c1a-9f0e-2a7b6c5d4e3f' });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: null });
    expect(stack.upstreamCalls()).toBe(0);
  });

  test.each(['nope', 'person:0b5e3c1e-8d4f-4c1a-9f0e-2a7b6c5d4e3f', ':x', 'TESSELYS'])(
    'an id of no kind node knows (%p) is BAD_USER_INPUT on id, with no upstream call',
    async (id) => {
      const res = await stack.gql('query($id: ID!) { node(id: $id) { id } }', { id });
      const error = expectOneError(res, 'BAD_USER_INPUT', ['node']);
      expect((error.extensions!.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['id']);
      expect(stack.upstreamCalls()).toBe(0);
    },
  );

  test('the kind is case-insensitive, as lead ids always were', async () => {
    const raw = seeded[6]!;
    const res = await stack.gql('query($id: ID!) { node(id: $id) { id } }', { id: `TESSELYS:${raw.id}` });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: { id: `tesselys:${raw.id}` } });
  });

  test('a malformed id is BAD_USER_INPUT on id, with no upstream call', async () => {
    const res = await stack.gql('query($id: ID!) { node(id: $id) { id } }', { id: 'nope' });
    const error = expectOneError(res, 'BAD_USER_INPUT', ['node']);
    expect((error.extensions!.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['id']);
    expect(stack.upstreamCalls()).toBe(0);
  });
});

interface ProviderInfo {
  provider: string;
  configured: boolean;
  demo: boolean;
  capabilities: string[];
  readsFrom: string;
}

const PROVIDERS_QUERY = '{ providers { provider configured demo capabilities readsFrom } }';

function byProvider(providers: ProviderInfo[]): Record<string, ProviderInfo> {
  return Object.fromEntries(providers.map((p) => [p.provider, { ...p, capabilities: [...p.capabilities].sort() }]));
}

describe('providers', () => {
  test('lists both providers as configured, not simulated, with their capabilities, without calling either', async () => {
    const res = await stack.gql<{ providers: ProviderInfo[] }>(PROVIDERS_QUERY);
    expect(res.errors).toBeUndefined();
    expect(res.data!.providers).toHaveLength(2);
    expect(byProvider(res.data!.providers)).toEqual({
      KEYSPOT: {
        provider: 'KEYSPOT',
        configured: true,
        demo: false,
        capabilities: ['CREATE_LEAD', 'GET_LEAD', 'LIST_LEADS'],
        readsFrom: 'GATEWAY_RECORD',
      },
      TESSELYS: {
        provider: 'TESSELYS',
        configured: true,
        demo: false,
        capabilities: ['CREATE_LEAD', 'GET_LEAD', 'LIST_LEADS', 'UPDATE_LEAD'],
        readsFrom: 'PROVIDER',
      },
    });
    expect(stack.upstreamCalls()).toBe(0);
  });

  describe('with Keyspot not configured', () => {
    let partial: TestStack;
    beforeAll(async () => {
      partial = await startTestStack({ omit: ['keyspot'] });
    });
    afterAll(() => partial.close());

    test('KEYSPOT is reported unconfigured, still with what it could do', async () => {
      const res = await partial.gql<{ providers: ProviderInfo[] }>(PROVIDERS_QUERY);
      expect(res.errors).toBeUndefined();
      expect(byProvider(res.data!.providers)).toEqual({
        KEYSPOT: {
          provider: 'KEYSPOT',
          configured: false,
          demo: false,
          capabilities: ['CREATE_LEAD', 'GET_LEAD', 'LIST_LEADS'],
          readsFrom: 'GATEWAY_RECORD',
        },
        TESSELYS: {
          provider: 'TESSELYS',
          configured: true,
          demo: false,
          capabilities: ['CREATE_LEAD', 'GET_LEAD', 'LIST_LEADS', 'UPDATE_LEAD'],
          readsFrom: 'PROVIDER',
        },
      });
    });

    test('createLead on KEYSPOT is UNSUPPORTED_BY_PROVIDER ("not configured") and reaches no simulator', async () => {
      const res = await partial.gql(`mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }`, {
        input: {
          provider: 'KEYSPOT',
          description: 'Quero visitar o apartamento',
          contact: { name: 'Ana Teste', email: 'ana.teste@example.com', phone: '11999999999' },
        },
      });
      const error = expectOneError(res, 'UNSUPPORTED_BY_PROVIDER', ['createLead']);
      expect(error.extensions!.provider).toBe('KEYSPOT');
      expect(error.message).toMatch(/not configured/);
      expect(partial.upstreamCalls()).toBe(0);
    });

    test('Tesselys keeps working', async () => {
      const res = await partial.gql('{ leads(first: 3) { totalCount nodes { id } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data!.leads.totalCount).toBe(64);
      expect(res.data!.leads.nodes).toHaveLength(3);
    });
  });
});
