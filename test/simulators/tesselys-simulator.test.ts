/**
 * The Tesselys simulator must behave like the documented API, strictly, because every gateway
 * test against Tesselys trusts it: auth, list semantics, validation messages, 404s, create and
 * update rules, and deterministic seed data. All through real HTTP.
 */
import {
  TESSELYS_DOCUMENTED_SOURCE_CHANNELS as TESSELYS_SOURCE_CHANNELS,
  TESSELYS_DOCUMENTED_STATUSES as TESSELYS_STATUSES,
  type TesselysLeadPage as TesselysListResponseDto,
  type TesselysLeadResource as TesselysLeadDto,
} from '../../src/providers/tesselys/simulator/tesselys.documented-api';
import { generateTesselysSeed } from '../../src/providers/tesselys/simulator/tesselys.seed';
import {
  startTesselysSimulator,
  TESSELYS_DEMO_CREDENTIALS,
  type TesselysSimulator,
} from '../../src/providers/tesselys/simulator/tesselys.simulator';

const LEADS = '/external/v1/leads';
const AUTH = {
  authorization: `Bearer ${TESSELYS_DEMO_CREDENTIALS.accessToken}`,
  'x-company-token': TESSELYS_DEMO_CREDENTIALS.companyToken,
};
const CUID = /^cl[0-9a-z]{23}$/;
const UNAUTHORIZED = { statusCode: 401, error: 'Unauthorized', message: 'Invalid or missing credentials' };
const NOT_FOUND = { statusCode: 404, error: 'Not Found', message: 'Lead not found' };
const collator = new Intl.Collator('pt-BR', { sensitivity: 'variant' });

interface Reply<T = unknown> {
  status: number;
  body: T;
}

async function call<T = unknown>(
  sim: TesselysSimulator,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? AUTH) };
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sim.url}${path}`, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const list = (sim: TesselysSimulator, query = '') => call<TesselysListResponseDto>(sim, 'GET', `${LEADS}${query}`);
const ids = (leads: TesselysLeadDto[]) => leads.map((lead) => lead.id);

function byCreatedAtDesc(leads: TesselysLeadDto[]): TesselysLeadDto[] {
  return [...leads].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
}

function lead(overrides: Partial<TesselysLeadDto> & { id: string }): TesselysLeadDto {
  return {
    title: 'Lead',
    personId: null,
    personName: null,
    status: 'NEW',
    sourceChannel: null,
    description: null,
    tags: [],
    isActive: true,
    createdAt: '2026-05-01T12:00:00.000Z',
    updatedAt: '2026-05-01T12:00:00.000Z',
    ...overrides,
  };
}

// Read-only: the default seeded store, never written to, so totals stay known.
let reader: TesselysSimulator;
// Written to by the create/update tests, on a clock the tests move.
let writer: TesselysSimulator;
let clock = Date.UTC(2026, 11, 1, 10, 0, 0);

beforeAll(async () => {
  reader = await startTesselysSimulator();
  writer = await startTesselysSimulator({ seed: 3, leadCount: 12, now: () => clock });
});

afterAll(async () => {
  await reader.close();
  await writer.close();
});

describe('auth', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['no headers', {}],
    ['missing Authorization', { 'x-company-token': AUTH['x-company-token'] }],
    ['missing x-company-token', { authorization: AUTH.authorization }],
    ['wrong access token', { ...AUTH, authorization: 'Bearer nope' }],
    ['wrong company token', { ...AUTH, 'x-company-token': 'nope' }],
    ['token without the Bearer scheme', { ...AUTH, authorization: TESSELYS_DEMO_CREDENTIALS.accessToken }],
    ['Basic scheme', { ...AUTH, authorization: `Basic ${TESSELYS_DEMO_CREDENTIALS.accessToken}` }],
  ];

  test.each(cases)('%s → 401 NestJS body', async (_name, headers) => {
    const reply = await call(reader, 'GET', LEADS, { headers });
    expect(reply).toEqual({ status: 401, body: UNAUTHORIZED });
  });

  test('every route requires credentials, before any validation', async () => {
    const id = reader.leads()[0]!.id;
    const replies = await Promise.all([
      call(reader, 'GET', `${LEADS}/${id}`, { headers: {} }),
      call(reader, 'GET', `${LEADS}?limit=500`, { headers: {} }),
      call(reader, 'POST', LEADS, { headers: {}, body: { nope: 1 } }),
      call(reader, 'PUT', `${LEADS}/${id}`, { headers: {}, body: { status: 'FOO' } }),
    ]);
    for (const reply of replies) expect(reply).toEqual({ status: 401, body: UNAUTHORIZED });
    expect(reader.leads()).toHaveLength(64);
  });

  test('the Bearer scheme name is case-insensitive', async () => {
    const reply = await call(reader, 'GET', LEADS, {
      headers: { ...AUTH, authorization: `bearer ${TESSELYS_DEMO_CREDENTIALS.accessToken}` },
    });
    expect(reply.status).toBe(200);
  });

  test('custom credentials replace the demo ones', async () => {
    const sim = await startTesselysSimulator({ accessToken: 'custom-access', companyToken: 'custom-company', leadCount: 2 });
    try {
      expect(sim.credentials).toEqual({ accessToken: 'custom-access', companyToken: 'custom-company' });
      expect((await call(sim, 'GET', LEADS)).status).toBe(401);
      const reply = await call(sim, 'GET', LEADS, {
        headers: { authorization: 'Bearer custom-access', 'x-company-token': 'custom-company' },
      });
      expect(reply.status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});

describe('GET /external/v1/leads', () => {
  test('defaults: page 1, limit 20, newest first', async () => {
    const { status, body } = await list(reader);
    expect(status).toBe(200);
    expect(body.meta).toEqual({ total: 64, page: 1, limit: 20, totalPages: 4 });
    expect(ids(body.data)).toEqual(ids(byCreatedAtDesc(reader.leads()).slice(0, 20)));
  });

  test('a lead has exactly the documented fields', async () => {
    const { body } = await list(reader, '?limit=1');
    expect(Object.keys(body.data[0]!).sort()).toEqual(
      [
        'createdAt',
        'description',
        'id',
        'isActive',
        'personId',
        'personName',
        'sourceChannel',
        'status',
        'tags',
        'title',
        'updatedAt',
      ].sort(),
    );
  });

  test('pages walk the whole set once, in order, with correct meta', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 10; page++) {
      const { body } = await list(reader, `?page=${page}&limit=7`);
      expect(body.meta).toEqual({ total: 64, page, limit: 7, totalPages: 10 });
      expect(body.data).toHaveLength(page < 10 ? 7 : 1);
      seen.push(...ids(body.data));
    }
    expect(seen).toEqual(ids(byCreatedAtDesc(reader.leads())));
  });

  test('a page past the end answers an empty data array', async () => {
    const { status, body } = await list(reader, '?page=5&limit=20');
    expect(status).toBe(200);
    expect(body).toEqual({ data: [], meta: { total: 64, page: 5, limit: 20, totalPages: 4 } });
  });

  test('limit bounds 1 and 100 are accepted', async () => {
    const one = await list(reader, '?limit=1');
    expect(one.body.data).toHaveLength(1);
    expect(one.body.meta.totalPages).toBe(64);
    const hundred = await list(reader, '?limit=100');
    expect(hundred.body.data).toHaveLength(64);
    expect(hundred.body.meta.totalPages).toBe(1);
  });

  test('search is a case-insensitive substring of the title', async () => {
    const expected = reader.leads().filter((l) => l.title.toLowerCase().includes('plano'));
    expect(expected.length).toBeGreaterThan(1);
    const lower = await list(reader, '?search=plano&limit=100');
    const upper = await list(reader, '?search=PLANO&limit=100');
    expect(lower.body.meta.total).toBe(expected.length);
    expect(ids(lower.body.data).sort()).toEqual(ids(expected).sort());
    expect(ids(upper.body.data)).toEqual(ids(lower.body.data));
  });

  test('search matches several words and accents as typed', async () => {
    const { body } = await list(reader, `?search=${encodeURIComponent('padaria')}&limit=100`);
    expect(body.data.length).toBeGreaterThan(1);
    for (const l of body.data) expect(l.title.toLowerCase()).toContain('padaria');
    const accented = await list(reader, `?search=${encodeURIComponent('Solicitação de')}&limit=100`);
    expect(accented.body.meta.total).toBe(reader.leads().filter((l) => l.title.includes('Solicitação de')).length);
  });

  test('search looks at the title only, not the description', async () => {
    expect(reader.leads().some((l) => l.description?.includes('formulário'))).toBe(true);
    expect(reader.leads().some((l) => l.title.includes('formulário'))).toBe(false);
    const { body } = await list(reader, '?search=formul%C3%A1rio');
    expect(body).toEqual({ data: [], meta: { total: 0, page: 1, limit: 20, totalPages: 0 } });
  });

  test.each(TESSELYS_STATUSES)('status=%s filters', async (status) => {
    const expected = reader.leads().filter((l) => l.status === status);
    expect(expected.length).toBeGreaterThan(0);
    const { body } = await list(reader, `?status=${status}&limit=100`);
    expect(body.meta.total).toBe(expected.length);
    expect(body.data.every((l) => l.status === status)).toBe(true);
  });

  test('status and search combine', async () => {
    const expected = reader.leads().filter((l) => l.status === 'NEW' && l.title.toLowerCase().includes('a'));
    const { body } = await list(reader, '?status=NEW&search=a&limit=100');
    expect(ids(body.data).sort()).toEqual(ids(expected).sort());
  });

  test('orderBy=createdAt ASC is the exact reverse of DESC', async () => {
    const asc = await list(reader, '?orderBy=createdAt&order=ASC&limit=100');
    const desc = await list(reader, '?orderBy=createdAt&order=DESC&limit=100');
    expect(ids(asc.body.data)).toEqual(ids(desc.body.data).reverse());
    const times = asc.body.data.map((l) => Date.parse(l.createdAt));
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
  });

  test('orderBy=title sorts by title (pt-BR), ASC the exact reverse of DESC', async () => {
    const asc = await list(reader, '?orderBy=title&order=ASC&limit=100');
    const desc = await list(reader, '?orderBy=title&limit=100');
    const titles = asc.body.data.map((l) => l.title);
    expect(titles).toEqual([...titles].sort(collator.compare));
    expect(ids(desc.body.data)).toEqual(ids(asc.body.data).reverse());
  });

  test('ties break by id, so the order is total and ASC still reverses DESC', async () => {
    const same = { title: 'Mesmo título', createdAt: '2026-04-01T10:00:00.000Z', updatedAt: '2026-04-01T10:00:00.000Z' };
    const sim = await startTesselysSimulator({
      leads: [lead({ id: 'clb', ...same }), lead({ id: 'clc', ...same }), lead({ id: 'cla', ...same })],
    });
    try {
      for (const orderBy of ['title', 'createdAt']) {
        const asc = await list(sim, `?orderBy=${orderBy}&order=ASC`);
        const desc = await list(sim, `?orderBy=${orderBy}&order=DESC`);
        expect(ids(asc.body.data)).toEqual(['cla', 'clb', 'clc']);
        expect(ids(desc.body.data)).toEqual(['clc', 'clb', 'cla']);
      }
    } finally {
      await sim.close();
    }
  });

  const badQueries: Array<[string, string]> = [
    ['page=0', 'page must not be less than 1'],
    ['page=-3', 'page must not be less than 1'],
    ['page=1.5', 'page must be an integer number'],
    ['page=abc', 'page must be an integer number'],
    ['page=', 'page must be an integer number'],
    ['limit=0', 'limit must not be less than 1'],
    ['limit=101', 'limit must not be greater than 100'],
    ['limit=abc', 'limit must be an integer number'],
    ['status=FOO', 'status must be one of the following values: NEW, CONTACTED, QUALIFIED, UNQUALIFIED, CONVERTED'],
    ['status=new', 'status must be one of the following values: NEW, CONTACTED, QUALIFIED, UNQUALIFIED, CONVERTED'],
    ['orderBy=name', 'orderBy must be one of the following values: title, createdAt'],
    ['order=up', 'order must be one of the following values: ASC, DESC'],
    ['order=asc', 'order must be one of the following values: ASC, DESC'],
    ['page=1&page=2', 'page must be an integer number'],
    ['search=a&search=b', 'search must be a string'],
    ['sortBy=title', 'property sortBy should not exist'],
  ];

  test.each(badQueries)('%s → 400 naming the parameter', async (query, message) => {
    const reply = await list(reader, `?${query}`);
    expect(reply).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: [message] } });
  });

  test('every bad parameter is listed at once', async () => {
    const { status, body } = await call<{ message: string[] }>(reader, 'GET', `${LEADS}?page=0&limit=101&status=FOO&orderBy=name&order=up`);
    expect(status).toBe(400);
    expect(body.message.map((m) => m.split(' ')[0])).toEqual(['page', 'limit', 'status', 'orderBy', 'order']);
  });
});

describe('GET /external/v1/leads/:id', () => {
  test('answers the lead, not wrapped', async () => {
    const expected = reader.leads()[10]!;
    expect(await call(reader, 'GET', `${LEADS}/${expected.id}`)).toEqual({ status: 200, body: expected });
  });

  test('unknown id → 404 Lead not found', async () => {
    expect(await call(reader, 'GET', `${LEADS}/clnotarealid00000000000000`)).toEqual({ status: 404, body: NOT_FOUND });
  });
});

describe('POST /external/v1/leads', () => {
  test('creates with documented defaults and answers 201 with the lead', async () => {
    clock = Date.UTC(2026, 11, 2, 9, 30);
    const before = writer.leads().length;
    const { status, body } = await call<TesselysLeadDto>(writer, 'POST', LEADS, {
      body: { title: 'Interesse em plano Pro - Ateliê Linha Fina' },
    });
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.stringMatching(CUID),
      title: 'Interesse em plano Pro - Ateliê Linha Fina',
      personId: null,
      personName: null,
      status: 'NEW',
      sourceChannel: null,
      description: null,
      tags: [],
      isActive: true,
      createdAt: '2026-12-02T09:30:00.000Z',
      updatedAt: '2026-12-02T09:30:00.000Z',
    });
    expect(writer.leads()).toHaveLength(before + 1);
    expect(writer.leads().at(-1)).toEqual(body);
    expect(await call(writer, 'GET', `${LEADS}/${body.id}`)).toEqual({ status: 200, body });
    const newest = await list(writer, '?limit=1');
    expect(newest.body.data[0]).toEqual(body);
  });

  test('keeps every field sent and resolves personName from personId', async () => {
    const person = writer.people()[0]!;
    const input = {
      title: 'Prospecção via LinkedIn - Acme',
      personId: person.id,
      description: 'Contato via post.',
      sourceChannel: 'SOCIAL_MEDIA',
      tags: ['linkedin', 'automacao'],
    };
    const { status, body } = await call<TesselysLeadDto>(writer, 'POST', LEADS, { body: input });
    expect(status).toBe(201);
    expect(body).toMatchObject({ ...input, personName: person.name, status: 'NEW', isActive: true });
  });

  test('a personId matching no person is accepted with personName null', async () => {
    const { status, body } = await call<TesselysLeadDto>(writer, 'POST', LEADS, {
      body: { title: 'Sem pessoa', personId: 'clunknownperson' },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ personId: 'clunknownperson', personName: null });
  });

  test('two leads created in the same millisecond get distinct ids', async () => {
    const [a, b] = await Promise.all([
      call<TesselysLeadDto>(writer, 'POST', LEADS, { body: { title: 'Gêmeo A' } }),
      call<TesselysLeadDto>(writer, 'POST', LEADS, { body: { title: 'Gêmeo B' } }),
    ]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  test('a 255-character title is accepted', async () => {
    const { status, body } = await call<TesselysLeadDto>(writer, 'POST', LEADS, { body: { title: 'ç'.repeat(255) } });
    expect(status).toBe(201);
    expect(body.title).toHaveLength(255);
  });

  const badBodies: Array<[string, unknown, string[]]> = [
    ['missing title', {}, ['title must be a string', 'title should not be empty']],
    ['null title', { title: null }, ['title must be a string', 'title should not be empty']],
    ['empty title', { title: '' }, ['title should not be empty']],
    ['title of 256 characters', { title: 'x'.repeat(256) }, ['title must be shorter than or equal to 255 characters']],
    ['numeric title', { title: 42 }, ['title must be a string']],
    ['numeric personId', { title: 'ok', personId: 7 }, ['personId must be a string']],
    ['object description', { title: 'ok', description: { text: 'x' } }, ['description must be a string']],
    [
      'unknown sourceChannel',
      { title: 'ok', sourceChannel: 'FAX' },
      ['sourceChannel must be one of the following values: WEBSITE, PHONE, EMAIL, REFERRAL, SOCIAL_MEDIA, EVENT, OTHER'],
    ],
    ['tags not an array', { title: 'ok', tags: 'vip' }, ['tags must be an array of strings']],
    ['tags with a number', { title: 'ok', tags: ['vip', 3] }, ['tags must be an array of strings']],
    ['status is not settable on create', { title: 'ok', status: 'QUALIFIED' }, ['property status should not exist']],
    ['unknown field', { title: 'ok', email: 'x' }, ['property email should not exist']],
    [
      'several errors',
      { title: '', sourceChannel: 'FAX', tags: 1, isActive: false },
      [
        'title should not be empty',
        'sourceChannel must be one of the following values: WEBSITE, PHONE, EMAIL, REFERRAL, SOCIAL_MEDIA, EVENT, OTHER',
        'tags must be an array of strings',
        'property isActive should not exist',
      ],
    ],
  ];

  test.each(badBodies)('%s → 400 listing the fields, nothing created', async (_name, body, message) => {
    const before = writer.leads().length;
    const reply = await call(writer, 'POST', LEADS, { body });
    expect(reply).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message } });
    expect(writer.leads()).toHaveLength(before);
  });

  test('a body that is not an object → 400', async () => {
    const reply = await call(writer, 'POST', LEADS, { body: [{ title: 'x' }] });
    expect(reply).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Request body must be a JSON object' } });
  });

  test('malformed JSON → 400', async () => {
    const reply = await call<{ statusCode: number; error: string }>(writer, 'POST', LEADS, { rawBody: '{"title": ' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });
});

describe('PUT /external/v1/leads/:id', () => {
  const put = (id: string, body: unknown) => call<TesselysLeadDto>(writer, 'PUT', `${LEADS}/${id}`, { body });

  test('partial update changes only what was sent and moves updatedAt to now', async () => {
    const original = writer.leads()[0]!;
    clock = Date.UTC(2026, 11, 5, 8, 0);
    const { status, body } = await put(original.id, { status: 'CONTACTED' });
    expect(status).toBe(200);
    expect(body).toEqual({ ...original, status: 'CONTACTED', updatedAt: '2026-12-05T08:00:00.000Z' });
    expect(await call(writer, 'GET', `${LEADS}/${original.id}`)).toEqual({ status: 200, body });
  });

  test('title, description and status update together', async () => {
    const original = writer.leads()[1]!;
    const { body } = await put(original.id, { title: 'Novo título', description: 'Reunião agendada.', status: 'QUALIFIED' });
    expect(body).toMatchObject({
      title: 'Novo título',
      description: 'Reunião agendada.',
      status: 'QUALIFIED',
      createdAt: original.createdAt,
      tags: original.tags,
    });
  });

  test('tags replace the previous list', async () => {
    const id = writer.leads()[2]!.id;
    expect((await put(id, { tags: ['a', 'b'] })).body.tags).toEqual(['a', 'b']);
    expect((await put(id, { tags: ['c'] })).body.tags).toEqual(['c']);
    expect((await put(id, { tags: [] })).body.tags).toEqual([]);
  });

  test('description null clears it', async () => {
    const id = writer.leads()[3]!.id;
    await put(id, { description: 'algo' });
    expect((await put(id, { description: null })).body.description).toBeNull();
  });

  test('updatedAt is strictly later even when the clock has not moved', async () => {
    const id = writer.leads()[4]!.id;
    clock = Date.UTC(2026, 11, 6, 12, 0);
    const first = await put(id, { status: 'NEW' });
    const second = await put(id, {});
    expect(first.body.updatedAt).toBe('2026-12-06T12:00:00.000Z');
    expect(second.status).toBe(200);
    expect(second.body.updatedAt).toBe('2026-12-06T12:00:00.001Z');
  });

  test('an updatedAt in the future still moves forward by at least 1 ms', async () => {
    const sim = await startTesselysSimulator({
      leads: [lead({ id: 'clfuture', updatedAt: '2027-01-01T00:00:00.000Z' })],
      now: () => Date.UTC(2026, 0, 1),
    });
    try {
      const { body } = await call<TesselysLeadDto>(sim, 'PUT', `${LEADS}/clfuture`, { body: { title: 'x' } });
      expect(body.updatedAt).toBe('2027-01-01T00:00:00.001Z');
    } finally {
      await sim.close();
    }
  });

  const badBodies: Array<[string, unknown, string[]]> = [
    ['empty title', { title: '' }, ['title should not be empty']],
    ['long title', { title: 'x'.repeat(256) }, ['title must be shorter than or equal to 255 characters']],
    ['null title', { title: null }, ['title must be a string']],
    ['bad status', { status: 'WON' }, ['status must be one of the following values: NEW, CONTACTED, QUALIFIED, UNQUALIFIED, CONVERTED']],
    ['null status', { status: null }, ['status must be one of the following values: NEW, CONTACTED, QUALIFIED, UNQUALIFIED, CONVERTED']],
    ['numeric description', { description: 5 }, ['description must be a string']],
    ['tags not strings', { tags: [true] }, ['tags must be an array of strings']],
    ['null tags', { tags: null }, ['tags must be an array of strings']],
    ['personId is not updatable', { personId: 'clx' }, ['property personId should not exist']],
    ['sourceChannel is not updatable', { sourceChannel: 'EMAIL' }, ['property sourceChannel should not exist']],
    ['isActive is not updatable', { isActive: false }, ['property isActive should not exist']],
  ];

  test.each(badBodies)('%s → 400, lead unchanged', async (_name, body, message) => {
    const before = writer.leads()[5]!;
    const reply = await put(before.id, body);
    expect(reply).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message } });
    expect(writer.leads()[5]).toEqual(before);
  });

  test('unknown id → 404 Lead not found', async () => {
    expect(await put('clnotarealid00000000000000', { status: 'NEW' })).toEqual({ status: 404, body: NOT_FOUND });
  });

  test('validation runs before the lookup: bad body on unknown id → 400', async () => {
    expect((await put('clnotarealid00000000000000', { status: 'WON' })).status).toBe(400);
  });
});

describe('seed data', () => {
  test('same seed gives the same data; another seed gives other data', () => {
    const a = generateTesselysSeed({ seed: 42, leadCount: 64 });
    const b = generateTesselysSeed({ seed: 42, leadCount: 64 });
    const c = generateTesselysSeed({ seed: 43, leadCount: 64 });
    expect(a).toEqual(b);
    expect(ids(c.leads)).not.toEqual(ids(a.leads));
    expect(c.leads.map((l) => l.title)).not.toEqual(a.leads.map((l) => l.title));
  });

  test('the simulator serves the seed it was given, 64 leads by default', async () => {
    expect(reader.leads()).toEqual(generateTesselysSeed({ seed: 1, leadCount: 64 }).leads);
    expect(reader.people()).toEqual(generateTesselysSeed({}).people);
    const sim = await startTesselysSimulator({ seed: 9, leadCount: 5 });
    try {
      expect(sim.leads()).toEqual(generateTesselysSeed({ seed: 9, leadCount: 5 }).leads);
      expect((await list(sim)).body.meta.total).toBe(5);
    } finally {
      await sim.close();
    }
  });

  test('default seed: realistic, varied and well-formed', () => {
    const { leads, people } = generateTesselysSeed({});
    expect(leads.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ids(leads)).size).toBe(leads.length);
    for (const l of leads) {
      expect(l.id).toMatch(CUID);
      expect(l.title).toMatch(/^.+ - .+$/);
      expect(l.createdAt.startsWith('2026-')).toBe(true);
      expect(Date.parse(l.updatedAt)).toBeGreaterThanOrEqual(Date.parse(l.createdAt));
      if (l.personId !== null) expect(people.find((p) => p.id === l.personId)?.name).toBe(l.personName);
      else expect(l.personName).toBeNull();
    }
    expect(new Set(leads.map((l) => l.createdAt)).size).toBe(leads.length);
    expect(leads.map((l) => l.createdAt)).toEqual(leads.map((l) => l.createdAt).sort());
    expect(new Set(leads.map((l) => l.status))).toEqual(new Set(TESSELYS_STATUSES));
    expect(new Set(leads.map((l) => l.sourceChannel).filter((c) => c !== null))).toEqual(new Set(TESSELYS_SOURCE_CHANNELS));
    expect(leads.some((l) => l.description === null)).toBe(true);
    expect(leads.some((l) => l.personId === null)).toBe(true);
    expect(leads.some((l) => !l.isActive)).toBe(true);
    expect(leads.some((l) => l.tags.length > 1)).toBe(true);
    expect(new Set(leads.map((l) => new Date(l.createdAt).getUTCMonth())).size).toBeGreaterThanOrEqual(8);
    expect(leads.some((l) => l.title.includes('Padaria'))).toBe(true);
    expect(people.map((p) => p.name)).toContain('Mariana Albuquerque');
  });
});

describe('custom and empty sets', () => {
  test('leads: [] serves an empty store that still accepts creates', async () => {
    const sim = await startTesselysSimulator({ leads: [] });
    try {
      expect(sim.leads()).toEqual([]);
      expect((await list(sim)).body).toEqual({ data: [], meta: { total: 0, page: 1, limit: 20, totalPages: 0 } });
      expect((await list(sim, '?page=3')).body.data).toEqual([]);
      expect(await call(sim, 'GET', `${LEADS}/cl000`)).toEqual({ status: 404, body: NOT_FOUND });
      expect((await call(sim, 'POST', LEADS, { body: { title: 'Primeiro' } })).status).toBe(201);
      expect((await list(sim)).body.meta).toEqual({ total: 1, page: 1, limit: 20, totalPages: 1 });
    } finally {
      await sim.close();
    }
  });

  test('a custom set and custom people are served as given', async () => {
    const leads = [
      lead({ id: 'clone', title: 'Um', createdAt: '2026-01-01T00:00:00.000Z' }),
      lead({ id: 'cltwo', title: 'Dois', status: 'CONVERTED', createdAt: '2026-02-01T00:00:00.000Z' }),
    ];
    const sim = await startTesselysSimulator({ leads, people: [{ id: 'clperson', name: 'Mariana Albuquerque' }] });
    try {
      expect(sim.leads()).toEqual(leads);
      expect(sim.people()).toEqual([{ id: 'clperson', name: 'Mariana Albuquerque' }]);
      expect(ids((await list(sim)).body.data)).toEqual(['cltwo', 'clone']);
      expect(ids((await list(sim, '?status=CONVERTED')).body.data)).toEqual(['cltwo']);
      const created = await call<TesselysLeadDto>(sim, 'POST', LEADS, { body: { title: 'Três', personId: 'clperson' } });
      expect(created.body.personName).toBe('Mariana Albuquerque');
    } finally {
      await sim.close();
    }
  });

  test('snapshots are copies: changing them does not change the store', async () => {
    const sim = await startTesselysSimulator({ leads: [lead({ id: 'clsnap', tags: ['a'] })] });
    try {
      const snapshot = sim.leads();
      snapshot[0]!.tags.push('b');
      snapshot[0]!.title = 'changed';
      expect((await call(sim, 'GET', `${LEADS}/clsnap`)).body).toMatchObject({ title: 'Lead', tags: ['a'] });
    } finally {
      await sim.close();
    }
  });

  test('duplicate ids in a custom set are refused at start', async () => {
    await expect(startTesselysSimulator({ leads: [lead({ id: 'cldup' }), lead({ id: 'cldup' })] })).rejects.toThrow('duplicate');
  });
});
