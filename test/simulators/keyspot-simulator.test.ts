/**
 * The Keyspot simulator must behave like the documented API, strictly, because every gateway test
 * for Keyspot trusts it: token issue and expiry, bearer checks, validation, property linking, and
 * the shared fault/control knobs. Everything goes over real HTTP; time moves through the injected
 * clock, never by sleeping.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  DEFAULT_KEYSPOT_PROPERTIES,
  KEYSPOT_DEMO_CREDENTIALS,
  KEYSPOT_ROUTES,
  KEYSPOT_TOKEN_RESPONSE_SHAPES,
  startKeyspotSimulator,
  type KeyspotSimulator,
  type KeyspotSimulatorOptions,
  type KeyspotTokenResponseShape,
} from '../../src/providers/keyspot/simulator/keyspot.simulator';
import { KEYSPOT_DOCUMENTED_SOURCES as KEYSPOT_SOURCES } from '../../src/providers/keyspot/simulator/keyspot.documented-api';

const START = Date.parse('2026-03-13T10:30:00.000Z');
const DOCUMENTED_FIELDS = [
  'id',
  'name',
  'email',
  'phone',
  'message',
  'source',
  'status',
  'priority',
  'propertyId',
  'interestedPropertyTitle',
  'createdAt',
  'updatedAt',
];
const INVALID_TOKEN = { statusCode: 401, error: 'Unauthorized', message: 'Invalid or expired token' };
const INVALID_CREDENTIALS = { statusCode: 401, error: 'Unauthorized', message: 'Invalid client credentials' };
const VALID_LEAD = {
  name: 'João Silva',
  email: 'joao@example.com',
  phone: '11999999999',
  message: 'Tenho interesse neste imóvel, gostaria de mais informações.',
};

interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON; `any` because each test reads the fields it asserts on. */
  body: any;
}

let clock = START;
let sim: KeyspotSimulator;
const extraSims: KeyspotSimulator[] = [];

async function start(options: KeyspotSimulatorOptions = {}): Promise<KeyspotSimulator> {
  const started = await startKeyspotSimulator({ now: () => clock, ...options });
  extraSims.push(started);
  return started;
}

beforeEach(async () => {
  clock = START;
  sim = await start();
});

afterEach(async () => {
  await Promise.all(extraSims.splice(0).map((s) => s.close()));
});

async function post(target: KeyspotSimulator, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text.length > 0 ? JSON.parse(text) : undefined };
}

async function fetchToken(target: KeyspotSimulator = sim): Promise<string> {
  const answer = await post(target, '/v1/auth/token', KEYSPOT_DEMO_CREDENTIALS);
  expect(answer.status).toBe(201);
  return answer.body.data.token as string;
}

function createLead(body: unknown, token: string, target: KeyspotSimulator = sim): Promise<Answer> {
  return post(target, '/v1/leads', body, { authorization: `Bearer ${token}` });
}

/** The value at a dotted path such as `data.token`. */
function at(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
}

describe('POST /v1/auth/token', () => {
  it('issues an HS256 JWT for the client, stamped by the injected clock, valid for an hour', async () => {
    const answer = await post(sim, '/v1/auth/token', KEYSPOT_DEMO_CREDENTIALS);

    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ data: { token: expect.any(String), expiresIn: 3600 } });
    const token = answer.body.data.token as string;
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    const claims = decodeJwt(token);
    expect(claims.sub).toBe('ks_demo_client');
    expect(claims.iat).toBe(Math.floor(START / 1000));
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(typeof claims.jti).toBe('string');
  });

  it('gives every token its own jti', async () => {
    const [a, b] = await Promise.all([fetchToken(), fetchToken()]);
    expect(decodeJwt(a).jti).not.toBe(decodeJwt(b).jti);
  });

  const LAYOUTS: Record<KeyspotTokenResponseShape, { token: string; lifetime: string }> = {
    'data.token': { token: 'data.token', lifetime: 'data.expiresIn' },
    'data.accessToken': { token: 'data.accessToken', lifetime: 'data.expiresIn' },
    'data.access_token': { token: 'data.access_token', lifetime: 'data.expires_in' },
    token: { token: 'token', lifetime: 'expiresIn' },
    accessToken: { token: 'accessToken', lifetime: 'expiresIn' },
    access_token: { token: 'access_token', lifetime: 'expires_in' },
  };

  it.each(KEYSPOT_TOKEN_RESPONSE_SHAPES.map((shape) => [shape]))('answers with the JWT at %s, and that JWT works', async (shape) => {
    const shaped = await start({ tokenResponseShape: shape });
    const answer = await post(shaped, '/v1/auth/token', KEYSPOT_DEMO_CREDENTIALS);

    expect(answer.status).toBe(201);
    const token = at(answer.body, LAYOUTS[shape].token);
    expect(typeof token).toBe('string');
    expect(decodeJwt(token as string).sub).toBe('ks_demo_client');
    expect(at(answer.body, LAYOUTS[shape].lifetime)).toBe(3600);
    expect((await createLead(VALID_LEAD, token as string, shaped)).status).toBe(201);
  });

  it.each([
    ['a wrong secret', { clientId: 'ks_demo_client', clientSecret: 'nope' }],
    ['a wrong client id', { clientId: 'someone_else', clientSecret: 'ks_demo_secret' }],
    ['both swapped', { clientId: 'ks_demo_secret', clientSecret: 'ks_demo_client' }],
  ])('refuses %s with 401', async (_label, credentials) => {
    const answer = await post(sim, '/v1/auth/token', credentials);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(INVALID_CREDENTIALS);
  });

  it('accepts custom credentials and refuses the demo ones then', async () => {
    const custom = await start({ credentials: { clientId: 'acme', clientSecret: 's3cr3t' } });
    expect(custom.credentials).toEqual({ clientId: 'acme', clientSecret: 's3cr3t' });
    expect((await post(custom, '/v1/auth/token', KEYSPOT_DEMO_CREDENTIALS)).status).toBe(401);
    const answer = await post(custom, '/v1/auth/token', { clientId: 'acme', clientSecret: 's3cr3t' });
    expect(answer.status).toBe(201);
    expect(decodeJwt(answer.body.data.token).sub).toBe('acme');
  });

  it('answers 400 naming the missing fields', async () => {
    const none = await post(sim, '/v1/auth/token', {});
    expect(none.status).toBe(400);
    expect(none.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['clientId must be a non-empty string', 'clientSecret must be a non-empty string'],
    });
    const snakeCase = await post(sim, '/v1/auth/token', { client_id: 'ks_demo_client', clientSecret: 'ks_demo_secret' });
    expect(snakeCase.status).toBe(400);
    expect(snakeCase.body.message).toEqual(['clientId must be a non-empty string']);
    expect((await post(sim, '/v1/auth/token', [1, 2])).status).toBe(400);
  });

  it('honours the lifetime option and the setTokenLifetime knob for new tokens only', async () => {
    const short = await start({ tokenLifetimeSeconds: 120 });
    const answer = await post(short, '/v1/auth/token', KEYSPOT_DEMO_CREDENTIALS);
    expect(answer.body.data.expiresIn).toBe(120);
    const first = decodeJwt(answer.body.data.token);
    expect(first.exp! - first.iat!).toBe(120);

    short.setTokenLifetime(60);
    const second = decodeJwt(await fetchToken(short));
    expect(second.exp! - second.iat!).toBe(60);

    clock += 90_000;
    expect((await createLead(VALID_LEAD, answer.body.data.token, short)).status).toBe(201);
    expect(() => short.setTokenLifetime(-1)).toThrow(RangeError);
    expect(() => short.setTokenLifetime(1.5)).toThrow(RangeError);
  });

  it('counts token calls, failed ones included, but not issueToken', async () => {
    expect(sim.tokenCalls()).toBe(0);
    await fetchToken();
    await post(sim, '/v1/auth/token', { clientId: 'x', clientSecret: 'y' });
    expect(sim.tokenCalls()).toBe(2);

    const minted = await sim.issueToken();
    expect(sim.tokenCalls()).toBe(2);
    expect(sim.counters.count(KEYSPOT_ROUTES.token)).toBe(2);
    expect((await createLead(VALID_LEAD, minted)).status).toBe(201);
    expect(sim.tokenCalls()).toBe(2);
  });
});

describe('bearer checks on POST /v1/leads', () => {
  it('accepts a token until the clock reaches its exp, then answers 401', async () => {
    const token = await fetchToken();
    clock = START + 3599_000;
    expect((await createLead(VALID_LEAD, token)).status).toBe(201);

    clock = START + 3600_000;
    const expired = await createLead(VALID_LEAD, token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(INVALID_TOKEN);
    expect(sim.leads()).toHaveLength(1);
  });

  it('rejects a token minted with lifetime 0, or with a negative lifetime via issueToken', async () => {
    sim.setTokenLifetime(0);
    expect((await createLead(VALID_LEAD, await fetchToken())).status).toBe(401);
    expect((await createLead(VALID_LEAD, await sim.issueToken(-60))).status).toBe(401);
    expect((await createLead(VALID_LEAD, await sim.issueToken(60))).status).toBe(201);
  });

  it('revokeToken rejects that token only', async () => {
    const revoked = await fetchToken();
    const kept = await fetchToken();
    sim.revokeToken(revoked);

    const answer = await createLead(VALID_LEAD, revoked);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(INVALID_TOKEN);
    expect((await createLead(VALID_LEAD, kept)).status).toBe(201);
  });

  it('revokeAllTokens rejects every earlier token, static ones included, but not later ones', async () => {
    const fetched = await fetchToken();
    const minted = await sim.issueToken();
    sim.revokeAllTokens();

    expect((await createLead(VALID_LEAD, fetched)).status).toBe(401);
    expect((await createLead(VALID_LEAD, minted)).status).toBe(401);
    expect((await createLead(VALID_LEAD, await fetchToken())).status).toBe(201);
  });

  it('rejects a token from another simulator', async () => {
    const other = await start();
    const foreign = await fetchToken(other);
    expect((await createLead(VALID_LEAD, foreign)).status).toBe(401);
  });

  it('rejects a token whose signature was tampered with', async () => {
    const token = await fetchToken();
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...decodeJwt(token), exp: 9_999_999_999 })).toString('base64url');
    expect((await createLead(VALID_LEAD, `${header}.${forgedPayload}.${signature}`)).status).toBe(401);
  });

  it.each([
    ['no Authorization header', undefined],
    ['an empty header', ''],
    ['a bare Bearer', 'Bearer'],
    ['Basic auth', `Basic ${Buffer.from('ks_demo_client:ks_demo_secret').toString('base64')}`],
    ['a non-JWT bearer', 'Bearer not-a-jwt'],
  ])('answers 401 to %s', async (_label, authorization) => {
    const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
    const answer = await post(sim, '/v1/leads', VALID_LEAD, headers);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(INVALID_TOKEN);
  });

  it('checks the token before the body, so a bad token with a bad body is 401', async () => {
    const answer = await post(sim, '/v1/leads', {}, { authorization: 'Bearer nope' });
    expect(answer.status).toBe(401);
  });

  it('takes the scheme case-insensitively', async () => {
    const token = await fetchToken();
    expect((await post(sim, '/v1/leads', VALID_LEAD, { authorization: `bearer ${token}` })).status).toBe(201);
  });
});

describe('POST /v1/leads', () => {
  let token: string;
  beforeEach(async () => {
    token = await sim.issueToken();
  });

  it('creates a NEW_LEAD / MEDIUM / API lead with exactly the documented fields', async () => {
    const answer = await createLead(VALID_LEAD, token);

    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body)).toEqual(['data']);
    const lead = answer.body.data;
    expect(Object.keys(lead)).toEqual(DOCUMENTED_FIELDS);
    expect(lead).toEqual({
      id: expect.stringMatching(/^cl[a-z0-9]{13,}$/),
      ...VALID_LEAD,
      source: 'API',
      status: 'NEW_LEAD',
      priority: 'MEDIUM',
      propertyId: null,
      interestedPropertyTitle: null,
      createdAt: '2026-03-13T10:30:00.000Z',
      updatedAt: '2026-03-13T10:30:00.000Z',
    });
    expect(sim.leads()).toEqual([{ ...lead, trafficOrigin: null }]);
  });

  it('keeps the given source and gives each lead its own id, in creation order', async () => {
    const first = await createLead({ ...VALID_LEAD, source: 'WHATSAPP' }, token);
    clock += 5_000;
    const second = await createLead({ ...VALID_LEAD, source: 'PORTAL_ZAPIMOVEIS' }, token);

    expect(first.body.data.source).toBe('WHATSAPP');
    expect(second.body.data.source).toBe('PORTAL_ZAPIMOVEIS');
    expect(second.body.data.createdAt).toBe('2026-03-13T10:30:05.000Z');
    expect(first.body.data.id).not.toBe(second.body.data.id);
    expect(sim.leads().map((lead) => lead.id)).toEqual([first.body.data.id, second.body.data.id]);
  });

  it('accepts every documented source', async () => {
    const answers = await Promise.all(KEYSPOT_SOURCES.map((source) => createLead({ ...VALID_LEAD, source }, token)));
    expect(answers.map((a) => a.body.data.source)).toEqual([...KEYSPOT_SOURCES]);
  });

  it('lists every missing required field in a 400', async () => {
    const answer = await createLead({}, token);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['name must be a string', 'email must be a string', 'phone must be a string', 'message must be a string'],
    });
    expect(sim.leads()).toHaveLength(0);
  });

  it.each(['name', 'email', 'phone', 'message'])('names %s alone when only it is missing, empty or not a string', async (field) => {
    const { [field as keyof typeof VALID_LEAD]: _dropped, ...rest } = VALID_LEAD;
    for (const body of [rest, { ...VALID_LEAD, [field]: '' }, { ...VALID_LEAD, [field]: 42 }, { ...VALID_LEAD, [field]: null }]) {
      const answer = await createLead(body, token);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toHaveLength(1);
      expect(answer.body.message[0]).toMatch(new RegExp(`^${field} `));
    }
    expect(sim.leads()).toHaveLength(0);
  });

  it.each(['joao', 'joao@', '@example.com', 'joao@example', 'joao silva@example.com', 'joao@exa mple.com', 'joao@@example.com'])(
    'refuses the e-mail %j',
    async (email) => {
      const answer = await createLead({ ...VALID_LEAD, email }, token);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toEqual(['email must be an email']);
    },
  );

  it.each(['maria.souza+imoveis@imobiliaria.com.br', 'contato@corretora-sp.com'])('accepts the e-mail %j', async (email) => {
    expect((await createLead({ ...VALID_LEAD, email }, token)).status).toBe(201);
  });

  it.each(['website', 'EVENT', 'TIKTOK', 7])('refuses the source %j', async (source) => {
    const answer = await createLead({ ...VALID_LEAD, source }, token);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toHaveLength(1);
    expect(answer.body.message[0]).toMatch(/^source must be one of the following values: WEBSITE, /);
  });

  it('lists every bad optional field and every bad required field together', async () => {
    const answer = await createLead(
      { name: 'Ana', email: 'nope', phone: '', message: 'Oi', propertyCode: 1021, interestedPropertyTitle: ['x'], trafficOrigin: {} },
      token,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual([
      'email must be an email',
      'phone should not be empty',
      'propertyCode must be a string',
      'interestedPropertyTitle must be a string',
      'trafficOrigin must be a string',
    ]);
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"lead"'],
    ['null', 'null'],
    ['no body', ''],
  ])('answers 400 listing the required fields when the body is %s', async (_label, raw) => {
    const answer = await createLead(raw, token);
    expect(answer.status).toBe(400);
    expect(answer.body.message.map((m: string) => m.split(' ')[0])).toEqual(['name', 'email', 'phone', 'message']);
  });

  it('answers 400 to malformed JSON', async () => {
    const answer = await createLead('{"name": ', token);
    expect(answer.status).toBe(400);
    expect(sim.leads()).toHaveLength(0);
  });

  it('links a lead to the property with that code and fills the title from it', async () => {
    const property = sim.properties().find((p) => p.code === 'AP-1021')!;
    const answer = await createLead({ ...VALID_LEAD, propertyCode: 'AP-1021' }, token);

    expect(answer.status).toBe(201);
    expect(answer.body.data.propertyId).toBe(property.id);
    expect(answer.body.data.interestedPropertyTitle).toBe('Apartamento 3 quartos no Jardim Paulista');
  });

  it('keeps an explicit interestedPropertyTitle even when the code matches', async () => {
    const answer = await createLead({ ...VALID_LEAD, propertyCode: 'CA-2045', interestedPropertyTitle: 'Casa em condomínio' }, token);
    expect(answer.body.data.propertyId).toBe(DEFAULT_KEYSPOT_PROPERTIES.find((p) => p.code === 'CA-2045')!.id);
    expect(answer.body.data.interestedPropertyTitle).toBe('Casa em condomínio');
  });

  it('leaves an unknown code unlinked, keeping any given title', async () => {
    const unknown = await createLead({ ...VALID_LEAD, propertyCode: 'XX-0000' }, token);
    expect(unknown.status).toBe(201);
    expect(unknown.body.data.propertyId).toBeNull();
    expect(unknown.body.data.interestedPropertyTitle).toBeNull();

    const wrongCase = await createLead({ ...VALID_LEAD, propertyCode: 'ap-1021', interestedPropertyTitle: 'Apê' }, token);
    expect(wrongCase.body.data.propertyId).toBeNull();
    expect(wrongCase.body.data.interestedPropertyTitle).toBe('Apê');
  });

  it('seeds a few Brazilian properties and accepts a custom catalogue', async () => {
    expect(sim.properties().length).toBeGreaterThanOrEqual(3);
    for (const property of sim.properties()) expect(property.id).toMatch(/^cl[a-z0-9]{13,}$/);

    const custom = await start({ properties: [{ id: 'clpropcustom00000001', code: 'LJ-1', title: 'Loja no centro de Curitiba' }] });
    expect(custom.properties()).toEqual([{ id: 'clpropcustom00000001', code: 'LJ-1', title: 'Loja no centro de Curitiba' }]);
    const answer = await createLead({ ...VALID_LEAD, propertyCode: 'LJ-1' }, await custom.issueToken(), custom);
    expect(answer.body.data.propertyId).toBe('clpropcustom00000001');
    expect(
      (await createLead({ ...VALID_LEAD, propertyCode: 'AP-1021' }, await custom.issueToken(), custom)).body.data.propertyId,
    ).toBeNull();
  });

  it('stores trafficOrigin but answers it only when echoTrafficOrigin is on', async () => {
    const plain = await createLead({ ...VALID_LEAD, trafficOrigin: 'utm_source=google&utm_campaign=jardins' }, token);
    expect(plain.body.data).not.toHaveProperty('trafficOrigin');
    expect(sim.leads()[0]!.trafficOrigin).toBe('utm_source=google&utm_campaign=jardins');

    const echoing = await start({ echoTrafficOrigin: true });
    const answer = await createLead({ ...VALID_LEAD, trafficOrigin: 'meta_ads' }, await echoing.issueToken(), echoing);
    expect(answer.body.data.trafficOrigin).toBe('meta_ads');
    expect(Object.keys(answer.body.data)).toEqual([...DOCUMENTED_FIELDS.slice(0, 10), 'trafficOrigin', 'createdAt', 'updatedAt']);
  });

  it('hands out copies, so callers cannot rewrite what was recorded', async () => {
    await createLead(VALID_LEAD, token);
    sim.leads()[0]!.name = 'changed';
    sim.properties()[0]!.title = 'changed';
    expect(sim.leads()[0]!.name).toBe('João Silva');
    expect(sim.properties()[0]!.title).toBe(DEFAULT_KEYSPOT_PROPERTIES[0]!.title);
  });
});

describe('faults and control API', () => {
  it('acts out an armed 429 with Retry-After on POST /v1/leads once, leaving the token route alone', async () => {
    const token = await sim.issueToken();
    sim.faults.failNext({
      route: KEYSPOT_ROUTES.createLead,
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { statusCode: 429, message: 'Too Many Requests' },
    });

    expect((await post(sim, '/v1/auth/token', KEYSPOT_DEMO_CREDENTIALS)).status).toBe(201);
    const limited = await createLead(VALID_LEAD, token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body).toEqual({ statusCode: 429, message: 'Too Many Requests' });
    expect(sim.leads()).toHaveLength(0);

    expect((await createLead(VALID_LEAD, token)).status).toBe(201);
    expect(sim.faults.pending).toBe(0);
    expect(sim.counters.count(KEYSPOT_ROUTES.createLead)).toBe(2);
  });

  it('does not mount /__control unless asked', async () => {
    for (const path of ['/__control/token-lifetime', '/__control/revoke-all', '/__control/fail']) {
      expect((await post(sim, path, { seconds: 5 })).status).toBe(404);
    }
    const fresh = decodeJwt(await fetchToken());
    expect(fresh.exp! - fresh.iat!).toBe(3600);
  });

  it('sets the token lifetime and revokes every token through /__control when mounted', async () => {
    const controlled = await start({ control: true });
    const before = await fetchToken(controlled);

    expect((await post(controlled, '/__control/token-lifetime', { seconds: 30 })).status).toBe(204);
    const after = decodeJwt(await fetchToken(controlled));
    expect(after.exp! - after.iat!).toBe(30);
    for (const seconds of [-1, 2.5, '30', undefined]) {
      expect((await post(controlled, '/__control/token-lifetime', { seconds })).status).toBe(400);
    }

    expect((await createLead(VALID_LEAD, before, controlled)).status).toBe(201);
    expect((await post(controlled, '/__control/revoke-all', {})).status).toBe(204);
    expect((await createLead(VALID_LEAD, before, controlled)).status).toBe(401);
  });
});
