/**
 * createLead end to end: what each provider actually receives (the simulators record the body),
 * what the client gets back, the source mapping table of DESIGN.md, and every provider rule. A
 * refused input must never reach a provider, so each refusal also asserts zero upstream calls and
 * that the offending e-mail or phone is neither echoed to the client nor written to the logs.
 */
import { DEFAULT_KEYSPOT_PROPERTIES } from '../../src/providers/keyspot/simulator/keyspot.simulator';
import { LeadSource } from '../../src/leads/enums/lead-source.enum';
import type { LeadFieldsFragment } from '../../operations/__generated__/graphql';
import { LEAD_FIELDS_FRAGMENT } from '../support/lead-fields';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

const KEYSPOT_CREATE = 'POST /v1/leads';
const TESSELYS_CREATE = 'POST /external/v1/leads';

const CREATE_LEAD = /* GraphQL */ `
  mutation CreateLead($input: CreateLeadInput!) {
    createLead(input: $input) {
      lead {
        ...LeadFields
      }
    }
  }
  ${LEAD_FIELDS_FRAGMENT}
`;

/** The generated type of the fragment the front-end operations share. */
type LeadResult = LeadFieldsFragment;

type CreateResponse = GraphQLResponse<{ createLead: { lead: LeadResult } }>;

const EMAIL = 'joao.silva@example.com';
const PHONE = '+55 11 98765-4321';

function keyspotInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    provider: 'KEYSPOT',
    description: 'Quero agendar uma visita no sábado de manhã.',
    contact: { name: 'João Silva', email: EMAIL, phone: PHONE },
    source: 'PORTAL_ZAPIMOVEIS',
    property: { code: 'AP-1021' },
    trafficOrigin: 'utm_source=zap&utm_campaign=jardins',
    ...overrides,
  };
}

function keyspotContact(overrides: Record<string, unknown>): Record<string, unknown> {
  return { name: 'João Silva', email: EMAIL, phone: PHONE, ...overrides };
}

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.keyspot.faults.reset();
  stack.tesselys.faults.reset();
  stack.resetCounters();
});

function create(input: Record<string, unknown>): Promise<CreateResponse> {
  return stack.gql(CREATE_LEAD, { input });
}

async function createOk(input: Record<string, unknown>): Promise<LeadResult> {
  const res = await create(input);
  expect(res.errors).toBeUndefined();
  return res.data!.createLead.lead;
}

/**
 * One BAD_USER_INPUT whose field paths are exactly `paths`, nothing sent upstream, and none of
 * `secrets` (the bad e-mail or phone) in the answer or the logs.
 */
function expectRefused(res: CreateResponse, paths: string[], secrets: string[] = []): void {
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0]!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  const fields = error.extensions?.fields as Array<{ path: string; message: string }>;
  expect([...new Set(fields.map((f) => f.path))].sort()).toEqual([...paths].sort());
  for (const field of fields) expect(field.message.length).toBeGreaterThan(0);
  expect(stack.upstreamCalls()).toBe(0);
  const answer = JSON.stringify(res.errors);
  const logs = stack.logs.lines.join('\n');
  for (const secret of secrets) {
    // Short plain values ("1", "abc") also occur inside request ids and line numbers: look for them quoted.
    const needle = secret.length >= 8 || /[^a-z0-9]/i.test(secret) ? secret : `"${secret}"`;
    expect(answer).not.toContain(needle);
    expect(logs).not.toContain(needle);
  }
}

describe('createLead on KEYSPOT', () => {
  test('sends the documented body and returns the lead mapped from Keyspot’s answer', async () => {
    const lead = await createOk(keyspotInput({ property: { code: 'AP-1021', title: 'Apto 3 quartos, Jardins' } }));

    expect(stack.keyspot.counters.count(KEYSPOT_CREATE)).toBe(1);
    expect(stack.keyspot.counters.last(KEYSPOT_CREATE)!.body).toEqual({
      name: 'João Silva',
      email: EMAIL,
      phone: PHONE,
      message: 'Quero agendar uma visita no sábado de manhã.',
      source: 'PORTAL_ZAPIMOVEIS',
      propertyCode: 'AP-1021',
      interestedPropertyTitle: 'Apto 3 quartos, Jardins',
      trafficOrigin: 'utm_source=zap&utm_campaign=jardins',
    });

    const stored = stack.keyspot.leads().at(-1)!;
    const { trafficOrigin: _notAnswered, ...answered } = stored;
    expect(lead).toEqual({
      id: `keyspot:${stored.id}`,
      provider: 'KEYSPOT',
      providerLeadId: stored.id,
      title: null,
      description: 'Quero agendar uma visita no sábado de manhã.',
      contact: { personId: null, name: 'João Silva', email: EMAIL, phone: PHONE },
      status: 'NEW_LEAD',
      providerStatus: 'NEW_LEAD',
      source: 'PORTAL_ZAPIMOVEIS',
      priority: 'MEDIUM',
      tags: [],
      isActive: null,
      property: { id: 'clprop0ap1021jdp7k2m', title: 'Apto 3 quartos, Jardins' },
      // Keyspot's documented answer leaves trafficOrigin out, so there is nothing to show.
      trafficOrigin: null,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      raw: answered,
    });
  });

  test('without a property title, the title comes from the seeded property the code links to', async () => {
    const seeded = DEFAULT_KEYSPOT_PROPERTIES.find((p) => p.code === 'CA-2045')!;
    const lead = await createOk(keyspotInput({ property: { code: 'CA-2045' } }));
    expect(stack.keyspot.counters.last(KEYSPOT_CREATE)!.body).toEqual({
      name: 'João Silva',
      email: EMAIL,
      phone: PHONE,
      message: 'Quero agendar uma visita no sábado de manhã.',
      source: 'PORTAL_ZAPIMOVEIS',
      propertyCode: 'CA-2045',
      trafficOrigin: 'utm_source=zap&utm_campaign=jardins',
    });
    expect(lead.property).toEqual({ id: seeded.id, title: seeded.title });
  });

  test('without a source, Keyspot’s default API is what the lead shows (and none is sent)', async () => {
    const lead = await createOk(keyspotInput({ source: undefined }));
    expect(stack.keyspot.counters.last(KEYSPOT_CREATE)!.body).not.toHaveProperty('source');
    expect(lead.source).toBe('API');
    expect(lead.raw.source).toBe('API');
  });

  test('an unknown property code gives a property with a null id', async () => {
    const lead = await createOk(keyspotInput({ property: { code: 'ZZ-9999', title: 'Casa na praia' } }));
    expect(stack.keyspot.counters.last(KEYSPOT_CREATE)!.body).toMatchObject({
      propertyCode: 'ZZ-9999',
      interestedPropertyTitle: 'Casa na praia',
    });
    expect(lead.property).toEqual({ id: null, title: 'Casa na praia' });
  });

  test('an unknown property code without a title links nothing', async () => {
    const lead = await createOk(keyspotInput({ property: { code: 'ZZ-9999' } }));
    expect(lead.raw).toMatchObject({ propertyId: null, interestedPropertyTitle: null });
    expect(lead.property).toBeNull();
  });

  test.each(['11999999999', '+55 11 99999-9999'])('accepts the phone form %s and sends it as given', async (phone) => {
    const lead = await createOk(keyspotInput({ contact: keyspotContact({ phone }) }));
    expect((stack.keyspot.counters.last(KEYSPOT_CREATE)!.body as Record<string, unknown>).phone).toBe(phone);
    expect(lead.contact.phone).toBe(phone);
  });

  test('maps every LeadSource but UNKNOWN: all as they are except EVENT, sent as OTHER', async () => {
    const values = Object.values(LeadSource).filter((s) => s !== LeadSource.UNKNOWN);
    expect(values).toHaveLength(21);
    const sent: Record<string, unknown> = {};
    const shown: Record<string, unknown> = {};
    for (const source of values) {
      const lead = await createOk(keyspotInput({ source }));
      sent[source] = (stack.keyspot.counters.last(KEYSPOT_CREATE)!.body as Record<string, unknown>).source;
      shown[source] = lead.source;
    }
    const expected = Object.fromEntries(values.map((s) => [s, s === 'EVENT' ? 'OTHER' : s]));
    expect(sent).toEqual(expected);
    expect(shown).toEqual(expected);
  });
});

describe('createLead on KEYSPOT: refusals', () => {
  const cases: Array<[string, Record<string, unknown>, string[], string[]]> = [
    ['missing description', keyspotInput({ description: undefined }), ['input.description'], []],
    ['empty description', keyspotInput({ description: '' }), ['input.description'], []],
    ['missing contact', keyspotInput({ contact: undefined }), ['input.contact'], []],
    ['null contact', keyspotInput({ contact: null }), ['input.contact'], []],
    ['missing contact.name', keyspotInput({ contact: keyspotContact({ name: undefined }) }), ['input.contact.name'], []],
    ['empty contact.name', keyspotInput({ contact: keyspotContact({ name: '' }) }), ['input.contact.name'], []],
    ['missing e-mail', keyspotInput({ contact: keyspotContact({ email: undefined }) }), ['input.contact.email'], []],
    ['e-mail "joao@"', keyspotInput({ contact: keyspotContact({ email: 'joao@' }) }), ['input.contact.email'], ['joao@']],
    [
      'e-mail "not-an-email"',
      keyspotInput({ contact: keyspotContact({ email: 'not-an-email' }) }),
      ['input.contact.email'],
      ['not-an-email'],
    ],
    ['missing phone', keyspotInput({ contact: keyspotContact({ phone: undefined }) }), ['input.contact.phone'], []],
    ['phone "1"', keyspotInput({ contact: keyspotContact({ phone: '1' }) }), ['input.contact.phone'], ['1']],
    ['phone "abc"', keyspotInput({ contact: keyspotContact({ phone: 'abc' }) }), ['input.contact.phone'], ['abc']],
    ['a title (Keyspot has none)', keyspotInput({ title: 'Visita' }), ['input.title'], []],
    ['tags (Keyspot has none)', keyspotInput({ tags: ['vip'] }), ['input.tags'], []],
    [
      'contact.personId (Keyspot has none)',
      keyspotInput({ contact: keyspotContact({ personId: 'clperson123' }) }),
      ['input.contact.personId'],
      [],
    ],
    ['source UNKNOWN', keyspotInput({ source: 'UNKNOWN' }), ['input.source'], []],
  ];

  test.each(cases)('refuses %s, naming the field, with no upstream call', async (_name, input, paths, secrets) => {
    expectRefused(await create(input), paths, secrets);
  });

  test('refuses an input with nothing but the provider, naming description and contact', async () => {
    expectRefused(await create({ provider: 'KEYSPOT' }), ['input.description', 'input.contact']);
  });

  test('reports every problem at once', async () => {
    const res = await create({
      provider: 'KEYSPOT',
      title: 'Visita',
      tags: ['vip'],
      contact: { personId: 'clperson123', email: 'not-an-email', phone: 'abc' },
    });
    expectRefused(
      res,
      [
        'input.description',
        'input.title',
        'input.tags',
        'input.contact.personId',
        'input.contact.name',
        'input.contact.email',
        'input.contact.phone',
      ],
      ['not-an-email', 'abc'],
    );
  });

  test('a refused create never echoes a well-formed e-mail or phone either', async () => {
    expectRefused(await create(keyspotInput({ description: '' })), ['input.description'], [EMAIL, PHONE]);
  });
});

describe('createLead on TESSELYS', () => {
  test('sends the documented body and returns the lead mapped from Tesselys’s answer', async () => {
    const person = stack.tesselys.people()[0]!;
    const lead = await createOk({
      provider: 'TESSELYS',
      title: 'Interesse em cobertura na Barra',
      description: 'Cliente quer visitar em dezembro.',
      contact: { personId: person.id },
      source: 'REFERRAL',
      tags: ['vip', 'zona-oeste'],
    });

    expect(stack.tesselys.counters.count(TESSELYS_CREATE)).toBe(1);
    expect(stack.tesselys.counters.last(TESSELYS_CREATE)!.body).toEqual({
      title: 'Interesse em cobertura na Barra',
      personId: person.id,
      description: 'Cliente quer visitar em dezembro.',
      sourceChannel: 'REFERRAL',
      tags: ['vip', 'zona-oeste'],
    });

    const stored = stack.tesselys.leads().at(-1)!;
    expect(lead).toEqual({
      id: `tesselys:${stored.id}`,
      provider: 'TESSELYS',
      providerLeadId: stored.id,
      title: 'Interesse em cobertura na Barra',
      description: 'Cliente quer visitar em dezembro.',
      contact: { personId: person.id, name: person.name, email: null, phone: null },
      status: 'NEW',
      providerStatus: 'NEW',
      source: 'REFERRAL',
      priority: null,
      tags: ['vip', 'zona-oeste'],
      isActive: true,
      property: null,
      trafficOrigin: null,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      raw: stored,
    });
  });

  test('a title of exactly 255 characters is accepted and sent whole', async () => {
    const title = 'a'.repeat(255);
    const lead = await createOk({ provider: 'TESSELYS', title });
    expect(stack.tesselys.counters.last(TESSELYS_CREATE)!.body).toEqual({ title });
    expect(lead.title).toBe(title);
  });

  test('50 tags are accepted', async () => {
    const tags = Array.from({ length: 50 }, (_, i) => `tag-${i}`);
    const lead = await createOk({ provider: 'TESSELYS', title: 'Muitas etiquetas', tags });
    expect(lead.tags).toEqual(tags);
  });

  test('maps sources: seven as they are, social networks to SOCIAL_MEDIA, every other value to OTHER', async () => {
    const asIs = ['WEBSITE', 'PHONE', 'EMAIL', 'REFERRAL', 'SOCIAL_MEDIA', 'EVENT', 'OTHER'];
    const social = ['INSTAGRAM', 'FACEBOOK', 'WHATSAPP'];
    const values = Object.values(LeadSource).filter((s) => s !== LeadSource.UNKNOWN);
    const sent: Record<string, unknown> = {};
    const shown: Record<string, unknown> = {};
    for (const source of values) {
      const lead = await createOk({ provider: 'TESSELYS', title: `Origem ${source}`, source });
      sent[source] = (stack.tesselys.counters.last(TESSELYS_CREATE)!.body as Record<string, unknown>).sourceChannel;
      shown[source] = lead.source;
    }
    const expected = Object.fromEntries(values.map((s) => [s, asIs.includes(s) ? s : social.includes(s) ? 'SOCIAL_MEDIA' : 'OTHER']));
    expect(sent).toEqual(expected);
    expect(shown).toEqual(expected);
  });
});

describe('createLead on TESSELYS: refusals', () => {
  const base = { provider: 'TESSELYS', title: 'Apartamento na Vila Madalena' };
  const cases: Array<[string, Record<string, unknown>, string[], string[]]> = [
    ['missing title', { provider: 'TESSELYS', description: 'Sem título' }, ['input.title'], []],
    ['empty title', { ...base, title: '' }, ['input.title'], []],
    ['a 256-character title', { ...base, title: 'a'.repeat(256) }, ['input.title'], []],
    ['contact.name', { ...base, contact: { name: 'Maria Souza' } }, ['input.contact.name'], []],
    ['contact.email', { ...base, contact: { email: EMAIL } }, ['input.contact.email'], [EMAIL]],
    ['contact.phone', { ...base, contact: { phone: PHONE } }, ['input.contact.phone'], [PHONE]],
    ['a property', { ...base, property: { code: 'AP-1021' } }, ['input.property'], []],
    ['a trafficOrigin', { ...base, trafficOrigin: 'utm_source=google' }, ['input.trafficOrigin'], []],
    ['51 tags', { ...base, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, ['input.tags'], []],
    ['source UNKNOWN', { ...base, source: 'UNKNOWN' }, ['input.source'], []],
  ];

  test.each(cases)('refuses %s, naming the field, with no upstream call', async (_name, input, paths, secrets) => {
    expectRefused(await create(input), paths, secrets);
  });

  test('reports every problem at once', async () => {
    const res = await create({
      provider: 'TESSELYS',
      contact: { personId: 'clperson123', name: 'Maria Souza', email: EMAIL, phone: PHONE },
      property: { code: 'AP-1021' },
      trafficOrigin: 'utm_source=google',
    });
    expectRefused(
      res,
      ['input.title', 'input.contact.name', 'input.contact.email', 'input.contact.phone', 'input.property', 'input.trafficOrigin'],
      [EMAIL, PHONE],
    );
  });
});

describe('createLead: the provider’s own refusal', () => {
  const rejection = { statusCode: 422, message: ['title must be unique', 'contact joao@example.com already exists'] };

  test.each([
    ['TESSELYS', TESSELYS_CREATE, { provider: 'TESSELYS', title: 'Duplicado' }],
    ['KEYSPOT', KEYSPOT_CREATE, keyspotInput()],
  ] as const)('%s 422 becomes PROVIDER_REJECTED with its message, sanitized', async (provider, route, input) => {
    const sim = provider === 'TESSELYS' ? stack.tesselys : stack.keyspot;
    sim.faults.failNext({ route, status: 422, body: rejection });

    const res = await create(input);

    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    const error = res.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider, upstreamStatus: 422 });
    expect(error.message).toContain('title must be unique');
    expect(error.message).toContain('[email]');
    expect(JSON.stringify(error)).not.toContain('joao@example.com');
    expect(stack.logs.lines.join('\n')).not.toContain('joao@example.com');
    expect(sim.counters.count(route)).toBe(1);
    expect(sim.faults.pending).toBe(0);
  });
});

test('a Tesselys title is limited in characters as the provider counts them (emoji with variation selectors included), before any call', async () => {
  stack.resetCounters();
  const res = await stack.gql('mutation C($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }', {
    input: { provider: 'TESSELYS', title: '❤️'.repeat(200) },
  });
  expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(res.errors![0]!.extensions!.fields).toContainEqual({ path: 'input.title', message: 'must be at most 255 characters' });
  expect(stack.upstreamCalls()).toBe(0);
});

test.each(['a@exämple.com', '"a b"@example.com'])(
  'an e-mail Keyspot would refuse (%s) is refused here first, with one message',
  async (email) => {
    stack.resetCounters();
    const res = await stack.gql('mutation C($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }', {
      input: { provider: 'KEYSPOT', description: 'Quero visitar', contact: { name: 'Ana', email, phone: '11999999999' } },
    });
    expect(res.errors![0]!.extensions!.fields).toEqual([{ path: 'input.contact.email', message: 'must be a valid e-mail address' }]);
    expect(stack.upstreamCalls()).toBe(0);
  },
);
