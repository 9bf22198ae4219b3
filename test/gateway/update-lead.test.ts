/**
 * updateLead end to end against the Tesselys simulator: a partial update sends only what changed
 * (the simulator records the PUT body), the answer and later reads reflect it, and every refusal
 * (bad status, empty or invalid input, malformed or unsupported id) is decided before any upstream
 * call. Also pins that the per-request loader never carries a lead across requests.
 */
import type { TesselysLeadDto } from '../../src/providers/tesselys/tesselys.dto';
import type { LeadFieldsFragment } from '../../operations/__generated__/graphql';
import { LEAD_FIELDS_FRAGMENT } from '../support/lead-fields';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

const PUT_LEAD = 'PUT /external/v1/leads/:id';
const GET_LEAD = 'GET /external/v1/leads/:id';

const UPDATE_LEAD = /* GraphQL */ `
  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {
    updateLead(id: $id, input: $input) {
      lead {
        ...LeadFields
      }
    }
  }
  ${LEAD_FIELDS_FRAGMENT}
`;

const READ_LEAD = /* GraphQL */ `
  query ReadLead($id: ID!) {
    lead(id: $id) {
      ...LeadFields
    }
  }
  ${LEAD_FIELDS_FRAGMENT}
`;

/** The generated type of the fragment the front-end operations share. */
type LeadResult = LeadFieldsFragment;

type UpdateResponse = GraphQLResponse<{ updateLead: { lead: LeadResult } }>;

let stack: TestStack;
/** Each test changes its own seeded lead, so tests stay independent while sharing one stack. */
const used = new Set<string>();

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.keyspot.faults.reset();
  stack.tesselys.faults.reset();
  stack.resetCounters();
});

function freshLead(matches: (lead: TesselysLeadDto) => boolean = () => true): TesselysLeadDto {
  const lead = stack.tesselys.leads().find((l) => !used.has(l.id) && matches(l));
  if (!lead) throw new Error('no unused seeded lead fits this test');
  used.add(lead.id);
  return lead;
}

function update(id: string, input: Record<string, unknown>): Promise<UpdateResponse> {
  return stack.gql(UPDATE_LEAD, { id, input });
}

async function updateOk(id: string, input: Record<string, unknown>): Promise<LeadResult> {
  const res = await update(id, input);
  expect(res.errors).toBeUndefined();
  return res.data!.updateLead.lead;
}

async function read(id: string): Promise<LeadResult | null> {
  const res = await stack.gql<{ lead: LeadResult | null }>(READ_LEAD, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.lead;
}

function lastPutBody(): unknown {
  return stack.tesselys.counters.last(PUT_LEAD)!.body;
}

describe('updateLead on TESSELYS', () => {
  test('a status-only update sends exactly {status}, returns the changed lead, and a later read shows it', async () => {
    const before = freshLead((l) => l.status === 'NEW');
    const id = `tesselys:${before.id}`;
    stack.clock.advance(60_000);

    const lead = await updateOk(id, { status: 'CONTACTED' });

    expect(stack.tesselys.counters.count(PUT_LEAD)).toBe(1);
    expect(stack.tesselys.counters.countForLead(before.id)).toBe(1);
    expect(stack.upstreamCalls()).toBe(1);
    expect(lastPutBody()).toEqual({ status: 'CONTACTED' });

    expect(lead).toMatchObject({
      id,
      provider: 'TESSELYS',
      providerLeadId: before.id,
      status: 'CONTACTED',
      providerStatus: 'CONTACTED',
      title: before.title,
      description: before.description,
      tags: before.tags,
      createdAt: before.createdAt,
    });
    expect(Date.parse(lead.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(lead.updatedAt).toBe(new Date(stack.clock.now()).toISOString());
    expect(lead.raw).toEqual(stack.tesselys.leads().find((l) => l.id === before.id));

    const again = await read(id);
    expect(again).toEqual(lead);
  });

  test('tags replace the old list', async () => {
    const before = freshLead((l) => l.tags.length >= 1);
    const id = `tesselys:${before.id}`;

    const lead = await updateOk(id, { tags: ['retorno-dezembro'] });

    expect(lastPutBody()).toEqual({ tags: ['retorno-dezembro'] });
    expect(lead.tags).toEqual(['retorno-dezembro']);
    expect((await read(id))!.tags).toEqual(['retorno-dezembro']);
  });

  test('an empty tag list clears the tags', async () => {
    const before = freshLead((l) => l.tags.length >= 1);
    const lead = await updateOk(`tesselys:${before.id}`, { tags: [] });
    expect(lastPutBody()).toEqual({ tags: [] });
    expect(lead.tags).toEqual([]);
  });

  test('a title update sends exactly {title}', async () => {
    const before = freshLead();
    const id = `tesselys:${before.id}`;

    const lead = await updateOk(id, { title: 'Proposta enviada - Padaria Pão Dourado' });

    expect(lastPutBody()).toEqual({ title: 'Proposta enviada - Padaria Pão Dourado' });
    expect(lead).toMatchObject({ title: 'Proposta enviada - Padaria Pão Dourado', status: before.status, tags: before.tags });
    expect((await read(id))!.title).toBe('Proposta enviada - Padaria Pão Dourado');
  });

  test('a title of exactly 255 characters is accepted', async () => {
    const title = 'T'.repeat(255);
    const lead = await updateOk(`tesselys:${freshLead().id}`, { title });
    expect(lastPutBody()).toEqual({ title });
    expect(lead.title).toBe(title);
  });

  test('a description update sends exactly {description}', async () => {
    const before = freshLead();
    const id = `tesselys:${before.id}`;

    const lead = await updateOk(id, { description: 'Ligar de novo na segunda-feira.' });

    expect(lastPutBody()).toEqual({ description: 'Ligar de novo na segunda-feira.' });
    expect(lead).toMatchObject({ description: 'Ligar de novo na segunda-feira.', title: before.title, status: before.status });
    expect((await read(id))!.description).toBe('Ligar de novo na segunda-feira.');
  });

  test('all four fields at once go in one PUT', async () => {
    const before = freshLead((l) => l.status !== 'QUALIFIED');
    const input = { title: 'Lead qualificado', status: 'QUALIFIED', description: 'Orçamento aprovado.', tags: ['quente', 'q4'] };

    const lead = await updateOk(`tesselys:${before.id}`, input);

    expect(stack.tesselys.counters.count(PUT_LEAD)).toBe(1);
    expect(lastPutBody()).toEqual(input);
    expect(lead).toMatchObject({ ...input, providerStatus: 'QUALIFIED' });
  });
});

describe('updateLead: the loader does not outlive a request', () => {
  test('after an update, reading the lead in a separate request costs exactly one GET', async () => {
    const before = freshLead((l) => l.status !== 'CONVERTED');
    const id = `tesselys:${before.id}`;
    await updateOk(id, { status: 'CONVERTED' });
    expect(stack.tesselys.counters.count(GET_LEAD)).toBe(0);

    const res = await stack.gql<{ a: LeadResult; b: LeadResult }>(
      `query Twice($id: ID!) { a: lead(id: $id) { id status } b: lead(id: $id) { id status } }`,
      { id },
    );

    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { id, status: 'CONVERTED' }, b: { id, status: 'CONVERTED' } });
    expect(stack.tesselys.counters.count(GET_LEAD)).toBe(1);
    expect(stack.tesselys.counters.countForLead(before.id)).toBe(2); // the PUT and the one GET
  });
});

describe('updateLead: refusals before any upstream call', () => {
  const title256 = 'T'.repeat(256);
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['status NEW_LEAD (a Keyspot status)', { status: 'NEW_LEAD' }, 'input.status'],
    ['status UNKNOWN', { status: 'UNKNOWN' }, 'input.status'],
    ['an empty input', {}, 'input'],
    ['an input of nulls only', { title: null, status: null, description: null, tags: null }, 'input'],
    ['an empty title', { title: '' }, 'input.title'],
    ['a 256-character title', { title: title256 }, 'input.title'],
    ['51 tags', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, 'input.tags'],
  ];

  test.each(cases)('refuses %s as BAD_USER_INPUT on the field', async (_name, input, path) => {
    const lead = freshLead();
    const res = await update(`tesselys:${lead.id}`, input);

    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = res.errors![0]!.extensions?.fields as Array<{ path: string }>;
    expect([...new Set(fields.map((f) => f.path))]).toEqual([path]);
    expect(stack.upstreamCalls()).toBe(0);
    expect(stack.tesselys.leads().find((l) => l.id === lead.id)).toEqual(lead);
  });

  test('a status TESSELYS does not use is refused with the list of those it accepts', async () => {
    const res = await update(`tesselys:${freshLead().id}`, { status: 'NEW_LEAD' });
    const message = res.errors![0]!.message;
    for (const status of ['NEW', 'CONTACTED', 'QUALIFIED', 'UNQUALIFIED', 'CONVERTED'])
      expect(message).toMatch(new RegExp(`\\b${status}\\b`));
    expect(stack.upstreamCalls()).toBe(0);
  });

  test.each(['x', 'tesselys:'])('refuses the malformed id %p as BAD_USER_INPUT on id', async (id) => {
    const res = await update(id, { status: 'CONTACTED' });
    expect(res.data ?? null).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'id' })] });
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('a Keyspot lead cannot be updated: UNSUPPORTED_BY_PROVIDER naming KEYSPOT', async () => {
    const res = await update('keyspot:clmwqcvpc00001uzwmp545j3c', { status: 'CONTACTED' });
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'KEYSPOT' });
    expect(stack.upstreamCalls()).toBe(0);
  });
});

describe('updateLead: the provider’s own refusal', () => {
  test('an id Tesselys does not know is PROVIDER_REJECTED after exactly one PUT', async () => {
    const res = await update('tesselys:clnotaleadatall000000000', { status: 'CONTACTED' });
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider: 'TESSELYS', upstreamStatus: 404 });
    expect(stack.tesselys.counters.count(PUT_LEAD)).toBe(1);
    expect(stack.upstreamCalls()).toBe(1);
  });

  test('a 422 on PUT passes its message through, sanitized', async () => {
    const lead = freshLead();
    stack.tesselys.faults.failNext({
      route: PUT_LEAD,
      status: 422,
      body: { statusCode: 422, message: ['title must be unique', 'contact joao@example.com already exists'] },
    });

    const res = await update(`tesselys:${lead.id}`, { title: 'Duplicado' });

    const error = res.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider: 'TESSELYS', upstreamStatus: 422 });
    expect(error.message).toContain('title must be unique');
    expect(JSON.stringify(res.errors)).not.toContain('joao@example.com');
    expect(stack.logs.lines.join('\n')).not.toContain('joao@example.com');
    expect(stack.tesselys.leads().find((l) => l.id === lead.id)).toEqual(lead);
  });
});
