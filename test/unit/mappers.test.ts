/**
 * The provider ⇄ unified Lead mappers and global ids: field by field, tolerant of enum values we do
 * not know yet (UNKNOWN, provider spelling kept), strict about what the provider docs promise.
 */
import { BadUserInputError } from '../../src/errors/bad-user-input.error';
import { LeadOrderField, OrderDirection } from '../../src/leads/enums/lead-order.enums';
import { LeadPriority } from '../../src/leads/enums/lead-priority.enum';
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';
import { LeadSource } from '../../src/leads/enums/lead-source.enum';
import { LeadStatus } from '../../src/leads/enums/lead-status.enum';
import type { CreateLeadInput } from '../../src/leads/inputs/create-lead.input';
import { parseGlobalId, toGlobalId } from '../../src/leads/mapping/global-id';
import { ResponseShapeError } from '../../src/leads/mapping/response-shape.error';
import type { KeyspotLeadDto } from '../../src/providers/keyspot/keyspot.dto';
import { keyspotEnvelopeToLead, keyspotLeadToLead, keyspotSourceFor, toKeyspotCreate } from '../../src/providers/keyspot/keyspot.mapper';
import type { TesselysLeadDto } from '../../src/providers/tesselys/tesselys.dto';
import {
  tesselysLeadFor,
  tesselysLeadToLead,
  tesselysPageToLeads,
  tesselysSourceChannelFor,
  toTesselysCreate,
  toTesselysListQuery,
  toTesselysUpdate,
} from '../../src/providers/tesselys/tesselys.mapper';

const tesselysLead = (overrides: Partial<Record<keyof TesselysLeadDto, unknown>> = {}): Record<string, unknown> => ({
  id: 'clx7f8g9h0i1j2k3l4m5n6o7',
  title: 'Apartamento na Vila Madalena',
  personId: 'clp1a2b3c4d5e6f7g8h9i0j1',
  personName: 'Maria Oliveira',
  status: 'QUALIFIED',
  sourceChannel: 'REFERRAL',
  description: 'Quer 2 quartos',
  tags: ['vip', 'zona-oeste'],
  isActive: true,
  createdAt: '2026-03-01T12:00:00.000Z',
  updatedAt: '2026-03-02T08:30:00.000Z',
  ...overrides,
});

const keyspotLead = (overrides: Partial<Record<keyof KeyspotLeadDto, unknown>> = {}): Record<string, unknown> => ({
  id: 'clm3k9x0a00011abcdefghijk',
  name: 'Ana Souza',
  email: 'ana@example.com',
  phone: '11999999999',
  message: 'Quero visitar',
  source: 'PORTAL_ZAPIMOVEIS',
  status: 'NEW_LEAD',
  priority: 'HIGH',
  propertyId: 'clprop0ap1021jdp7k2m',
  interestedPropertyTitle: 'Apartamento 3 quartos no Jardim Paulista',
  createdAt: '2026-03-01T12:00:00.000Z',
  updatedAt: '2026-03-01T12:00:00.000Z',
  ...overrides,
});

function shapeError(map: () => unknown): string {
  expect(map).toThrow(ResponseShapeError);
  try {
    map();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('tesselysLeadToLead', () => {
  test('maps every documented field and keeps the payload as raw', () => {
    const payload = tesselysLead();
    expect(tesselysLeadToLead(payload)).toEqual({
      id: 'tesselys:clx7f8g9h0i1j2k3l4m5n6o7',
      provider: LeadProvider.TESSELYS,
      providerLeadId: 'clx7f8g9h0i1j2k3l4m5n6o7',
      title: 'Apartamento na Vila Madalena',
      description: 'Quer 2 quartos',
      contact: { personId: 'clp1a2b3c4d5e6f7g8h9i0j1', name: 'Maria Oliveira', email: null, phone: null },
      status: LeadStatus.QUALIFIED,
      providerStatus: 'QUALIFIED',
      source: LeadSource.REFERRAL,
      priority: null,
      tags: ['vip', 'zona-oeste'],
      isActive: true,
      property: null,
      trafficOrigin: null,
      createdAt: new Date('2026-03-01T12:00:00.000Z'),
      updatedAt: new Date('2026-03-02T08:30:00.000Z'),
      raw: payload,
    });
  });

  test('nulls and absent optional fields', () => {
    const lead = tesselysLeadToLead(
      tesselysLead({ personId: null, personName: null, sourceChannel: null, description: null, tags: undefined, isActive: undefined }),
    );
    expect(lead).toMatchObject({
      contact: { personId: null, name: null, email: null, phone: null },
      source: null,
      description: null,
      tags: [],
      isActive: null,
    });
  });

  test('unknown enum values become UNKNOWN, the provider spelling is kept', () => {
    const lead = tesselysLeadToLead(tesselysLead({ status: 'ARCHIVED', sourceChannel: 'TIKTOK' }));
    expect(lead).toMatchObject({ status: LeadStatus.UNKNOWN, providerStatus: 'ARCHIVED', source: LeadSource.UNKNOWN });
  });

  test('enum lookups only match own values, not object properties', () => {
    expect(tesselysLeadToLead(tesselysLead({ status: 'constructor', sourceChannel: 'toString' }))).toMatchObject({
      status: LeadStatus.UNKNOWN,
      source: LeadSource.UNKNOWN,
    });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['missing id', { id: undefined }, /"id"/],
    ['empty id', { id: '' }, /"id"/],
    ['numeric id', { id: 42 }, /"id"/],
    ['missing title', { title: undefined }, /"title"/],
    ['missing status', { status: undefined }, /"status"/],
    ['a bad createdAt', { createdAt: 'yesterday' }, /"createdAt"/],
    [
      'a createdAt on a day that does not exist (JavaScript rolls it over to 3 March)',
      { createdAt: '2026-02-31T10:00:00.000Z' },
      /"createdAt"/,
    ],
    ['a createdAt that is not ISO 8601 (JavaScript reads it anyway)', { createdAt: 'March 3, 2026' }, /"createdAt"/],
    ['an updatedAt without a time zone (read as local time)', { updatedAt: '2026-03-03T10:00:00' }, /"updatedAt"/],
    ['a missing updatedAt', { updatedAt: undefined }, /"updatedAt"/],
    ['tags that are not strings', { tags: ['ok', 7] }, /"tags"/],
    ['tags that are not a list', { tags: 'vip' }, /"tags"/],
    ['isActive that is not a boolean', { isActive: 'yes' }, /"isActive"/],
    ['a description that is not a string', { description: 12 }, /"description"/],
  ])('%s → ResponseShapeError naming the field', (_name, overrides, field) => {
    expect(shapeError(() => tesselysLeadToLead(tesselysLead(overrides)))).toMatch(field);
  });

  test.each([null, 'lead', [tesselysLead()], 3])('a non-object payload (%p) → ResponseShapeError', (payload) => {
    shapeError(() => tesselysLeadToLead(payload));
  });
});

describe('tesselysPageToLeads', () => {
  const meta = { total: 64, page: 1, limit: 2, totalPages: 32 };

  test('maps every lead and reads the total', () => {
    const page = tesselysPageToLeads({ data: [tesselysLead(), tesselysLead({ id: 'second' })], meta });
    expect(page.total).toBe(64);
    expect(page.leads.map((l) => l.id)).toEqual(['tesselys:clx7f8g9h0i1j2k3l4m5n6o7', 'tesselys:second']);
  });

  test('an empty page', () => {
    expect(tesselysPageToLeads({ data: [], meta: { ...meta, total: 0 } })).toEqual({ leads: [], total: 0 });
  });

  test.each<[string, unknown]>([
    ['no data', { meta }],
    ['data not a list', { data: {}, meta }],
    ['no meta', { data: [] }],
    ['no meta.total', { data: [], meta: { page: 1 } }],
    ['a negative total', { data: [], meta: { ...meta, total: -1 } }],
    ['a fractional total', { data: [], meta: { ...meta, total: 1.5 } }],
    ['a total as a string', { data: [], meta: { ...meta, total: '64' } }],
    ['a lead without id', { data: [tesselysLead({ id: undefined })], meta }],
    ['not an object', []],
  ])('%s → ResponseShapeError', (_name, payload) => {
    shapeError(() => tesselysPageToLeads(payload));
  });
});

describe('provider answers are untrusted', () => {
  const meta = { total: 64, page: 1, limit: 3, totalPages: 22 };
  const leads = (count: number) => Array.from({ length: count }, (_, i) => tesselysLead({ id: `cl${i}` }));

  test('GET /leads/:id: the lead asked for passes, another one does not (and is not named)', () => {
    expect(tesselysLeadFor('clx7f8g9h0i1j2k3l4m5n6o7', tesselysLead()).providerLeadId).toBe('clx7f8g9h0i1j2k3l4m5n6o7');
    expect(shapeError(() => tesselysLeadFor('clother', tesselysLead()))).not.toContain('clx7f8g9h0i1j2k3l4m5n6o7');
  });

  test.each(['../../x y', 'a'.repeat(129), 'tab\tid', 'ünï'])('an id %j → ResponseShapeError without the id', (id) => {
    expect(shapeError(() => tesselysLeadToLead(tesselysLead({ id })))).not.toContain(id);
    expect(shapeError(() => keyspotLeadToLead(keyspotLead({ id })))).not.toContain(id);
  });

  test('the longest safe id (128) passes', () => {
    expect(tesselysLeadToLead(tesselysLead({ id: 'a'.repeat(128) })).providerLeadId).toHaveLength(128);
  });

  test.each([1e308, 2 ** 31, Number.MAX_SAFE_INTEGER + 2])('meta.total %p → ResponseShapeError', (total) => {
    shapeError(() => tesselysPageToLeads({ data: [], meta: { ...meta, total } }));
  });

  test('a page never holds more than meta.limit, the documented 100, or the limit asked', () => {
    shapeError(() => tesselysPageToLeads({ data: leads(4), meta }));
    shapeError(() => tesselysPageToLeads({ data: leads(101), meta: { ...meta, limit: 200 } }));
    shapeError(() => tesselysPageToLeads({ data: leads(3), meta }, 2));
    expect(tesselysPageToLeads({ data: leads(3), meta }, 3).leads).toHaveLength(3);
  });

  test('huge strings, too many tags and deep undocumented fields → ResponseShapeError', () => {
    shapeError(() => tesselysLeadToLead(tesselysLead({ title: 'x'.repeat(2_001) })));
    shapeError(() => tesselysLeadToLead(tesselysLead({ description: 'x'.repeat(100_001) })));
    shapeError(() => tesselysLeadToLead(tesselysLead({ tags: Array.from({ length: 501 }, () => 't') })));
    let deep: unknown = 'leaf';
    for (let i = 0; i < 20; i++) deep = { deep };
    shapeError(() => tesselysLeadToLead({ ...tesselysLead(), extra: deep }));
    shapeError(() => keyspotLeadToLead({ ...keyspotLead(), extra: 'x'.repeat(100_001) }));
    expect(tesselysLeadToLead(tesselysLead({ description: 'x'.repeat(100_000) })).description).toHaveLength(100_000);
  });
});

describe('to Tesselys', () => {
  test('create: title, personId, description, mapped source, tags; nothing Tesselys cannot take', () => {
    const input: CreateLeadInput = {
      provider: LeadProvider.TESSELYS,
      title: 'Casa em Pinheiros',
      description: 'Indicação',
      contact: { personId: 'clp1' },
      source: LeadSource.INSTAGRAM,
      tags: ['vip'],
    };
    expect(toTesselysCreate(input)).toEqual({
      title: 'Casa em Pinheiros',
      personId: 'clp1',
      description: 'Indicação',
      sourceChannel: 'SOCIAL_MEDIA',
      tags: ['vip'],
    });
  });

  test('create: optional fields left out when absent or null', () => {
    expect(
      toTesselysCreate({ provider: LeadProvider.TESSELYS, title: 'Só título', description: null, source: null, tags: null, contact: null }),
    ).toEqual({ title: 'Só título' });
  });

  test('update: only what changes; an empty description and empty tags are changes', () => {
    expect(toTesselysUpdate({ status: LeadStatus.CONTACTED })).toEqual({ status: 'CONTACTED' });
    expect(toTesselysUpdate({ title: 'Novo', description: '', tags: [] })).toEqual({ title: 'Novo', description: '', tags: [] });
    expect(toTesselysUpdate({ title: null, status: null, description: null, tags: null })).toEqual({});
  });

  test('list query: page, limit, filters and order', () => {
    expect(
      toTesselysListQuery(
        { search: 'casa', status: LeadStatus.NEW, orderBy: LeadOrderField.TITLE, direction: OrderDirection.ASC },
        { page: 3, limit: 20 },
      ),
    ).toEqual({ page: 3, limit: 20, search: 'casa', status: 'NEW', orderBy: 'title', order: 'ASC' });
    expect(toTesselysListQuery({ orderBy: LeadOrderField.CREATED_AT, direction: OrderDirection.DESC }, { page: 1, limit: 100 })).toEqual({
      page: 1,
      limit: 100,
      orderBy: 'createdAt',
      order: 'DESC',
    });
  });

  test.each<[LeadSource, string]>([
    [LeadSource.WEBSITE, 'WEBSITE'],
    [LeadSource.PHONE, 'PHONE'],
    [LeadSource.EMAIL, 'EMAIL'],
    [LeadSource.REFERRAL, 'REFERRAL'],
    [LeadSource.SOCIAL_MEDIA, 'SOCIAL_MEDIA'],
    [LeadSource.EVENT, 'EVENT'],
    [LeadSource.OTHER, 'OTHER'],
    [LeadSource.INSTAGRAM, 'SOCIAL_MEDIA'],
    [LeadSource.FACEBOOK, 'SOCIAL_MEDIA'],
    [LeadSource.WHATSAPP, 'SOCIAL_MEDIA'],
    [LeadSource.PORTAL_OLX, 'OTHER'],
    [LeadSource.GOOGLE_ADS, 'OTHER'],
    [LeadSource.API, 'OTHER'],
  ])('source %s → sourceChannel %s', (source, channel) => {
    expect(tesselysSourceChannelFor(source)).toBe(channel);
  });
});

describe('keyspotLeadToLead / keyspotEnvelopeToLead', () => {
  test('maps message, contact, property, priority and source', () => {
    const payload = keyspotLead({ trafficOrigin: 'utm_source=google' });
    expect(keyspotLeadToLead(payload)).toEqual({
      id: 'keyspot:clm3k9x0a00011abcdefghijk',
      provider: LeadProvider.KEYSPOT,
      providerLeadId: 'clm3k9x0a00011abcdefghijk',
      title: null,
      description: 'Quero visitar',
      contact: { personId: null, name: 'Ana Souza', email: 'ana@example.com', phone: '11999999999' },
      status: LeadStatus.NEW_LEAD,
      providerStatus: 'NEW_LEAD',
      source: LeadSource.PORTAL_ZAPIMOVEIS,
      priority: LeadPriority.HIGH,
      tags: [],
      isActive: null,
      property: { id: 'clprop0ap1021jdp7k2m', title: 'Apartamento 3 quartos no Jardim Paulista' },
      trafficOrigin: 'utm_source=google',
      createdAt: new Date('2026-03-01T12:00:00.000Z'),
      updatedAt: new Date('2026-03-01T12:00:00.000Z'),
      raw: payload,
    });
  });

  test('the envelope is unwrapped', () => {
    expect(keyspotEnvelopeToLead({ data: keyspotLead() }).providerLeadId).toBe('clm3k9x0a00011abcdefghijk');
  });

  test('no property at all → null; a title alone → a property without id', () => {
    expect(keyspotLeadToLead(keyspotLead({ propertyId: null, interestedPropertyTitle: null })).property).toBeNull();
    expect(keyspotLeadToLead(keyspotLead({ propertyId: null, interestedPropertyTitle: 'Casa' })).property).toEqual({
      id: null,
      title: 'Casa',
    });
  });

  test('absent trafficOrigin (the documented response) → null', () => {
    expect(keyspotLeadToLead(keyspotLead()).trafficOrigin).toBeNull();
  });

  test('unknown status, priority and source → UNKNOWN, provider status kept; null priority/source stay null', () => {
    expect(keyspotLeadToLead(keyspotLead({ status: 'IN_NEGOTIATION', priority: 'CRITICAL', source: 'TIKTOK' }))).toMatchObject({
      status: LeadStatus.UNKNOWN,
      providerStatus: 'IN_NEGOTIATION',
      priority: LeadPriority.UNKNOWN,
      source: LeadSource.UNKNOWN,
    });
    expect(keyspotLeadToLead(keyspotLead({ priority: null, source: null }))).toMatchObject({ priority: null, source: null });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['missing id', { id: undefined }, /"id"/],
    ['missing status', { status: undefined }, /"status"/],
    ['a bad createdAt', { createdAt: 'not a date' }, /"createdAt"/],
    ['a numeric email', { email: 5 }, /"email"/],
  ])('%s → ResponseShapeError naming the field', (_name, overrides, field) => {
    expect(shapeError(() => keyspotLeadToLead(keyspotLead(overrides)))).toMatch(field);
  });

  test.each<[string, unknown]>([
    ['no envelope', keyspotLead()],
    ['data null', { data: null }],
    ['an empty object', {}],
    ['a string', 'created'],
  ])('an envelope with %s → ResponseShapeError', (_name, payload) => {
    shapeError(() => keyspotEnvelopeToLead(payload));
  });
});

describe('to Keyspot', () => {
  test('create: contact, message, mapped source, property code and title, traffic origin', () => {
    const input: CreateLeadInput = {
      provider: LeadProvider.KEYSPOT,
      description: 'Quero visitar',
      contact: { name: 'Ana Souza', email: 'ana@example.com', phone: '11999999999' },
      source: LeadSource.EVENT,
      property: { code: 'AP-1021', title: 'Apartamento' },
      trafficOrigin: 'utm_campaign=verao',
    };
    expect(toKeyspotCreate(input)).toEqual({
      name: 'Ana Souza',
      email: 'ana@example.com',
      phone: '11999999999',
      message: 'Quero visitar',
      source: 'OTHER',
      propertyCode: 'AP-1021',
      interestedPropertyTitle: 'Apartamento',
      trafficOrigin: 'utm_campaign=verao',
    });
  });

  test('create: optional fields left out when absent', () => {
    const dto = toKeyspotCreate({
      provider: LeadProvider.KEYSPOT,
      description: 'Oi',
      contact: { name: 'Ana', email: 'ana@example.com', phone: '11999999999' },
      property: { code: null, title: null },
    });
    expect(dto).toEqual({ name: 'Ana', email: 'ana@example.com', phone: '11999999999', message: 'Oi' });
  });

  test('every LeadSource but EVENT (and UNKNOWN) is sent as it is', () => {
    for (const source of Object.values(LeadSource).filter((s) => s !== LeadSource.EVENT && s !== LeadSource.UNKNOWN))
      expect(keyspotSourceFor(source)).toBe(source);
    expect(keyspotSourceFor(LeadSource.EVENT)).toBe('OTHER');
  });
});

describe('global ids', () => {
  test('round trip for each provider', () => {
    for (const provider of Object.values(LeadProvider)) {
      const id = toGlobalId(provider, 'clx7f8g9h0');
      expect(id).toBe(`${provider.toLowerCase()}:clx7f8g9h0`);
      expect(parseGlobalId(id)).toEqual({ provider, providerLeadId: 'clx7f8g9h0' });
    }
  });

  test('the provider prefix is case-insensitive', () => {
    expect(parseGlobalId('TESSELYS:abc_1-2')).toEqual({ provider: LeadProvider.TESSELYS, providerLeadId: 'abc_1-2' });
  });

  test.each(['', 'abc', ':abc', 'tesselys:', 'acme:abc', 'tesselys:a:b', 'tesselys:a b', 'tesselys:../x', `tesselys:${'a'.repeat(129)}`])(
    '%p → BAD_USER_INPUT on the argument',
    (id) => {
      let thrown: unknown;
      try {
        parseGlobalId(id, 'input.id');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(BadUserInputError);
      expect((thrown as BadUserInputError).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.id', message: expect.stringContaining('tesselys:<id>') }],
      });
    },
  );

  test('a long bad id is shortened in the message', () => {
    const id = `nope:${'x'.repeat(500)}`;
    let message = '';
    try {
      parseGlobalId(id);
    } catch (error) {
      message = (error as BadUserInputError).fields[0]!.message;
    }
    expect(message).toContain(`${id.slice(0, 40)}…`);
    expect(message).not.toContain(id.slice(0, 41));
  });

  test('a 128-character provider id is accepted', () => {
    expect(parseGlobalId(`keyspot:${'a'.repeat(128)}`).providerLeadId).toHaveLength(128);
  });
});
