/**
 * createLead with an idempotency key, over real HTTP against the simulators, on both stores: a
 * repeat is answered from the store (same body, `replayed: true`, `Idempotent-Replayed: true`, no
 * POST), another input under the key is IDEMPOTENCY_KEY_REUSED, concurrent repeats cause one POST,
 * a refusal is replayed, a failure that sent nothing frees the key, and a write whose outcome is
 * unknown is never sent twice. Every assertion on "nothing sent" counts the simulators' POSTs.
 */
import { randomUUID } from 'node:crypto';
import { requestFingerprint } from '../../src/store';
import { LEAD_FIELDS_FRAGMENT } from '../support/lead-fields';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';
import type { TestStoreKind } from '../support/test-database';
import { keyspotEnv, tesselysEnv } from '../support/simulator-env';

const KEYSPOT_CREATE = 'POST /v1/leads';
const TESSELYS_CREATE = 'POST /external/v1/leads';

const CRM_KEY = 'lg_idem_crm_4c1f9a2b7d3e8f60a5b2c9d1e7f3a8b4';
const SITE_KEY = 'lg_idem_site_9e2d7c4b1a8f3e6d0c5b2a9f7e4d1c83';
const API_KEYS = JSON.stringify([
  { name: 'crm', key: CRM_KEY, scopes: ['leads:read', 'leads:write'] },
  { name: 'site', key: SITE_KEY, scopes: ['leads:write'] },
]);
const crm = { authorization: `Bearer ${CRM_KEY}` };
const site = { authorization: `Bearer ${SITE_KEY}` };

const CREATE = /* GraphQL */ `
  mutation CreateLead($input: CreateLeadInput!, $idempotencyKey: String) {
    createLead(input: $input, idempotencyKey: $idempotencyKey) {
      replayed
      lead {
        ...LeadFields
      }
    }
  }
  ${LEAD_FIELDS_FRAGMENT}
`;

const RECEIPT = /* GraphQL */ `
  mutation Receipt($input: CreateLeadInput!, $idempotencyKey: String) {
    createLead(input: $input, idempotencyKey: $idempotencyKey) {
      replayed
      lead {
        id
        provider
        status
        createdAt
      }
    }
  }
`;

type Created = GraphQLResponse<{ createLead: { replayed: boolean; lead: Record<string, unknown> } }>;

const keyspotInput = (message = 'Quero agendar uma visita no sábado.'): Record<string, unknown> => ({
  provider: 'KEYSPOT',
  description: message,
  contact: { name: 'Ana Idempotente', email: 'ana.idem@example.com', phone: '+55 11 91234-5678' },
  source: 'WEBSITE',
  property: { code: 'AP-1021' },
});
const tesselysInput = (title = 'Interesse no plano anual'): Record<string, unknown> => ({ provider: 'TESSELYS', title, tags: ['idem'] });

const newKey = (): string => `key-${randomUUID()}`;

async function startStack(kind: TestStoreKind, env: Record<string, string> = {}): Promise<TestStack> {
  // A short provider deadline, so a POST that hangs ends (as an unknown outcome) within the test.
  return startTestStack({ store: kind, env: { API_KEYS, PROVIDER_TIMEOUT_MS: '1500', ...env } });
}

function create(stack: TestStack, input: Record<string, unknown>, key?: string, headers: Record<string, string> = crm): Promise<Created> {
  return stack.gql(CREATE, { input, ...(key !== undefined ? { idempotencyKey: key } : {}) }, headers);
}

const posts = (stack: TestStack): number => stack.keyspot.counters.count(KEYSPOT_CREATE) + stack.tesselys.counters.count(TESSELYS_CREATE);

/** The errors as a client compares them: each response has its own request id. */
function withoutRequestIds(res: GraphQLResponse): unknown {
  return res.errors?.map(({ extensions, ...error }) => {
    const { requestId: _own, ...rest } = extensions ?? {};
    return { ...error, extensions: rest };
  });
}

function codeOf(res: GraphQLResponse): unknown {
  return res.errors?.[0]?.extensions?.code;
}

describe.each<TestStoreKind>(['sqlite', 'postgres'])('createLead with an idempotency key (%s store)', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack(kind);
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.keyspot.faults.reset();
    stack.tesselys.faults.reset();
    stack.resetCounters();
  });

  test.each([
    ['KEYSPOT', keyspotInput],
    ['TESSELYS', tesselysInput],
  ] as const)('%s: the same key and input answer the first lead again, replayed, without a second POST', async (_provider, input) => {
    const key = newKey();
    const first = await create(stack, input(), key);
    expect(first.errors).toBeUndefined();
    expect(first.data!.createLead.replayed).toBe(false);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(posts(stack)).toBe(1);

    const again = await create(stack, input(), key);
    expect(again.errors).toBeUndefined();
    expect(again.data!.createLead).toEqual({ replayed: true, lead: first.data!.createLead.lead });
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    // The header names the same key: the same replay.
    const byHeader = await stack.gql(CREATE, { input: input() }, { ...crm, 'idempotency-key': key });
    expect(byHeader.data!.createLead).toEqual({ replayed: true, lead: first.data!.createLead.lead });
    expect(byHeader.headers.get('idempotent-replayed')).toBe('true');
    expect(posts(stack)).toBe(1);
  });

  test('a key sent as the header first is replayed for the same key as the argument', async () => {
    const key = newKey();
    const first = await stack.gql(CREATE, { input: tesselysInput() }, { ...crm, 'idempotency-key': key });
    expect(first.data!.createLead.replayed).toBe(false);
    const again = await create(stack, tesselysInput(), key);
    expect(again.data!.createLead).toEqual({ replayed: true, lead: first.data!.createLead.lead });
    expect(posts(stack)).toBe(1);
  });

  test('without a key nothing is stored: the same input twice creates two leads', async () => {
    const first = await create(stack, tesselysInput());
    const second = await create(stack, tesselysInput());
    expect(first.data!.createLead.replayed).toBe(false);
    expect(second.data!.createLead.replayed).toBe(false);
    expect(second.data!.createLead.lead.id).not.toBe(first.data!.createLead.lead.id);
    expect(posts(stack)).toBe(2);
  });

  test('the same key with another input is IDEMPOTENCY_KEY_REUSED and sends nothing', async () => {
    const key = newKey();
    await create(stack, tesselysInput('Primeiro pedido'), key);
    stack.resetCounters();
    const reused = await create(stack, tesselysInput('Outro pedido'), key);
    expect(reused.data ?? null).toBeNull();
    expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(posts(stack)).toBe(0);
    // Another provider under the same key is another input too.
    expect(codeOf(await create(stack, keyspotInput(), key))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(posts(stack)).toBe(0);
  });

  test('ten concurrent calls with one key make exactly one POST; every answer is that lead (or IDEMPOTENCY_KEY_IN_USE)', async () => {
    // Each answer takes a while, so the ten overlap the one that holds the key.
    stack.tesselys.faults.setLatency(200);
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 10 }, () => create(stack, tesselysInput('Dez de uma vez'), key)));
    expect(stack.tesselys.counters.count(TESSELYS_CREATE)).toBe(1);
    const created = answers.filter((a) => a.errors === undefined);
    const inUse = answers.filter((a) => codeOf(a) === 'IDEMPOTENCY_KEY_IN_USE');
    expect(created.length + inUse.length).toBe(10);
    expect(created.filter((a) => !a.data!.createLead.replayed)).toHaveLength(1);
    const lead = created[0]!.data!.createLead.lead;
    for (const answer of created) expect(answer.data!.createLead.lead).toEqual(lead);
    for (const answer of inUse) expect(answer.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  test('a provider refusal (422) is an outcome: replayed with the same code and message, no second POST', async () => {
    stack.tesselys.faults.failNext({
      route: TESSELYS_CREATE,
      status: 422,
      body: { statusCode: 422, message: 'title is not allowed here' },
    });
    const key = newKey();
    const first = await create(stack, tesselysInput(), key);
    expect(codeOf(first)).toBe('PROVIDER_REJECTED');
    const again = await create(stack, tesselysInput(), key);
    expect(withoutRequestIds(again)).toEqual(withoutRequestIds(first));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(stack.tesselys.counters.count(TESSELYS_CREATE)).toBe(1);
  });

  test('a 429 proves nothing was sent: the key is freed and the next call under it creates the lead', async () => {
    stack.tesselys.faults.failNext({ route: TESSELYS_CREATE, status: 429, headers: { 'retry-after': '1' } });
    const key = newKey();
    const leadsBefore = stack.tesselys.leads().length;
    const first = await create(stack, tesselysInput(), key);
    expect(codeOf(first)).toBe('PROVIDER_RATE_LIMITED');
    const second = await create(stack, tesselysInput(), key);
    expect(second.errors).toBeUndefined();
    expect(second.data!.createLead.replayed).toBe(false);
    expect(stack.tesselys.leads().length).toBe(leadsBefore + 1);
    const third = await create(stack, tesselysInput(), key);
    expect(third.data!.createLead).toEqual({ replayed: true, lead: second.data!.createLead.lead });
    expect(stack.tesselys.leads().length).toBe(leadsBefore + 1);
  });

  test('a refused input never holds a key: BAD_USER_INPUT, nothing sent, then a good input under the key is created', async () => {
    const key = newKey();
    const bad = await create(stack, { provider: 'TESSELYS' }, key);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(posts(stack)).toBe(0);
    const good = await create(stack, tesselysInput(), key);
    expect(good.errors).toBeUndefined();
    expect(good.data!.createLead.replayed).toBe(false);
    expect(posts(stack)).toBe(1);
  });

  test('a POST that times out has an unknown outcome: answered as such, replayed, never sent again under the key', async () => {
    stack.tesselys.faults.hangNext({ route: TESSELYS_CREATE });
    const key = newKey();
    const first = await create(stack, tesselysInput(), key);
    expect(first.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'TESSELYS', outcomeUnknown: true });
    expect(first.errors![0]!.message).toContain('will not send it again under this idempotency key');
    const again = await create(stack, tesselysInput(), key);
    expect(withoutRequestIds(again)).toEqual(withoutRequestIds(first));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(stack.tesselys.counters.count(TESSELYS_CREATE)).toBe(1);
  });

  test('a key held by another request: IDEMPOTENCY_KEY_IN_USE after a bounded wait; once its lock ran out, outcome unknown; nothing sent', async () => {
    const key = newKey();
    const input = tesselysInput('Segurada por outra réplica');
    // Another replica holds the key (reserved through the shared store) and never settles it.
    const held = { tenant: 'default', key, operation: 'createLead', fingerprint: requestFingerprint('createLead', input) };
    expect(await stack.gateway.store.idempotency.reserve(held, 60_000)).toEqual({ status: 'reserved' });

    const waiting = await create(stack, input, key);
    expect(codeOf(waiting)).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect(waiting.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);

    stack.clock.advance(60_001);
    const abandoned = await create(stack, input, key);
    expect(abandoned.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'TESSELYS', outcomeUnknown: true });
    expect(posts(stack)).toBe(0);
  });

  test.each([
    ['empty', ''],
    ['256 characters', 'k'.repeat(256)],
    ['not ASCII', 'chave-ção'],
  ])('a bad key (%s) is BAD_USER_INPUT, as the argument or the header, and nothing is sent', async (_what, key) => {
    const asArgument = await create(stack, tesselysInput(), key);
    expect(codeOf(asArgument)).toBe('BAD_USER_INPUT');
    // A header cannot carry non-ASCII text through fetch; the two others go as headers too.
    if (/^[\x20-\x7e]*$/.test(key)) {
      const asHeader = await stack.gql(CREATE, { input: tesselysInput() }, { ...crm, 'idempotency-key': key });
      expect(codeOf(asHeader)).toBe('BAD_USER_INPUT');
    }
    expect(posts(stack)).toBe(0);
  });

  test('a header and an argument that differ are BAD_USER_INPUT; nothing is sent', async () => {
    const res = await stack.gql(CREATE, { input: tesselysInput(), idempotencyKey: newKey() }, { ...crm, 'idempotency-key': newKey() });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(posts(stack)).toBe(0);
  });

  test('a write-only key gets its receipt replayed, and still may not select lead data on a replay', async () => {
    const key = newKey();
    const first = await stack.gql(RECEIPT, { input: keyspotInput(), idempotencyKey: key }, site);
    expect(first.errors).toBeUndefined();
    expect(first.data!.createLead.replayed).toBe(false);
    const again = await stack.gql(RECEIPT, { input: keyspotInput(), idempotencyKey: key }, site);
    expect(again.data!.createLead).toEqual({ ...first.data!.createLead, replayed: true });
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const prying = await create(stack, keyspotInput(), key, site);
    expect(codeOf(prying)).toBe('FORBIDDEN');
    expect(prying.data ?? null).toBeNull();
    expect(stack.keyspot.counters.count(KEYSPOT_CREATE)).toBe(1);
  });
});

describe('two gateways sharing one PostgreSQL database', () => {
  let first: TestStack;
  let second: TestStack;
  beforeAll(async () => {
    first = await startStack('postgres');
    // The second gateway: the first one's database and simulators, as a second replica would have.
    second = await startStack('postgres', {
      DATABASE_URL: first.gateway.config.store.databaseUrl!,
      ...keyspotEnv(first.keyspot),
      ...tesselysEnv(first.tesselys),
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });
  beforeEach(() => {
    first.tesselys.faults.reset();
    first.resetCounters();
  });

  test('a key used on one gateway is replayed by the other', async () => {
    const key = newKey();
    const created = await create(first, tesselysInput(), key);
    const replayed = await create(second, tesselysInput(), key);
    expect(replayed.data!.createLead).toEqual({ replayed: true, lead: created.data!.createLead.lead });
    expect(first.tesselys.counters.count(TESSELYS_CREATE)).toBe(1);
  });

  test('the same key on both gateways at once makes one POST', async () => {
    first.tesselys.faults.setLatency(200);
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => create(i % 2 === 0 ? first : second, tesselysInput('Duas réplicas'), key)),
    );
    expect(first.tesselys.counters.count(TESSELYS_CREATE)).toBe(1);
    const created = answers.filter((a) => a.errors === undefined);
    expect(created.length + answers.filter((a) => codeOf(a) === 'IDEMPOTENCY_KEY_IN_USE').length).toBe(10);
    for (const answer of created) expect(answer.data!.createLead.lead).toEqual(created[0]!.data!.createLead.lead);
  });
});
