/**
 * How every way a provider can fail reaches a client: each upstream status, broken body and
 * unreachable host maps to one documented code, names the provider, carries no stack trace, token
 * or upstream URL, and leaves one log line. Retries are turned off here (test/resilience covers
 * them), so each failure costs exactly one upstream call (a Keyspot 401 is the exception: it is
 * replayed once with a new token).
 */
import { MALFORM_KINDS } from '../../src/simulators/fault-injector';
import { startTesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import type { SimulatorServer } from '../../src/simulators/simulator-server';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

const EMAIL = 'ana@example.com';
const PHONE = '11999999999';

interface Operation {
  name: string;
  provider: 'TESSELYS' | 'KEYSPOT';
  route: string;
  sim(stack: TestStack): SimulatorServer;
  run(stack: TestStack): Promise<GraphQLResponse>;
}

const LIST: Operation = {
  name: 'Tesselys leads',
  provider: 'TESSELYS',
  route: 'GET /external/v1/leads',
  sim: (stack) => stack.tesselys,
  run: (stack) => stack.gql('{ leads(first: 5, filter: { provider: TESSELYS }) { totalCount nodes { id status providerStatus } } }'),
};

const GET: Operation = {
  name: 'Tesselys lead',
  provider: 'TESSELYS',
  route: 'GET /external/v1/leads/:id',
  sim: (stack) => stack.tesselys,
  run: (stack) =>
    stack.gql('query One($id: ID!) { lead(id: $id) { id status providerStatus } }', { id: `tesselys:${stack.tesselys.leads()[0]!.id}` }),
};

const TESSELYS_CREATE: Operation = {
  name: 'Tesselys createLead',
  provider: 'TESSELYS',
  route: 'POST /external/v1/leads',
  sim: (stack) => stack.tesselys,
  run: (stack) =>
    stack.gql('mutation C($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }', {
      input: { provider: 'TESSELYS', title: 'Apartamento na Vila Madalena' },
    }),
};

const KEYSPOT_CREATE: Operation = {
  name: 'Keyspot createLead',
  provider: 'KEYSPOT',
  route: 'POST /v1/leads',
  sim: (stack) => stack.keyspot,
  run: (stack) =>
    stack.gql('mutation C($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }', {
      input: { provider: 'KEYSPOT', description: 'Quero visitar', contact: { name: 'Ana Souza', email: EMAIL, phone: PHONE } },
    }),
};

const OPERATIONS = [LIST, GET, TESSELYS_CREATE, KEYSPOT_CREATE];

let stack: TestStack;
let logStart = 0;

/** One attempt per call, and a breaker that never opens during this file's run of failures. */
const SINGLE_ATTEMPT = { PROVIDER_RETRIES: '0', CIRCUIT_BREAKER_THRESHOLD: '1000' };

beforeAll(async () => {
  stack = await startTestStack({ env: SINGLE_ATTEMPT });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.keyspot.faults.reset();
  stack.tesselys.faults.reset();
  stack.resetCounters();
  logStart = stack.logs.lines.length;
});

/** Everything that must never reach a client or a log line. */
function secrets(s: TestStack): string[] {
  const jwts = s.keyspot.counters.history('POST /v1/leads').map((r) => String(r.headers.authorization ?? '').replace(/^Bearer /, ''));
  return [
    s.tesselys.credentials.accessToken,
    s.tesselys.credentials.companyToken,
    s.keyspot.credentials.clientSecret,
    ...jwts.filter(Boolean),
  ];
}

/** The single error of a failed operation, checked for what every provider error must (not) carry. */
function providerError(res: GraphQLResponse, op: Operation, code: string): { message: string; extensions: Record<string, any> } {
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0]!;
  expect(error.extensions).toMatchObject({ code, provider: op.provider });
  expect(error.extensions!.stacktrace).toBeUndefined();
  const shown = JSON.stringify(res.errors);
  for (const value of [...secrets(stack), stack.tesselys.url, stack.keyspot.url]) expect(shown).not.toContain(value);
  return { message: error.message, extensions: error.extensions! };
}

/** The log lines this test wrote with the given message, none of them carrying a secret. */
function newLogRecords(msg: string): Array<Record<string, unknown>> {
  const lines = stack.logs.lines.slice(logStart);
  for (const line of lines) {
    for (const value of [...secrets(stack), EMAIL, PHONE]) expect(line).not.toContain(value);
    // pino writes a repeated key twice; log stores then reject the line or keep either value.
    expect((line.match(/"provider":/g) ?? []).length).toBeLessThanOrEqual(1);
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((record) => record.msg === msg);
}

function expectUpstreamErrorLogged(op: Operation, status: number, code: string): void {
  const records = newLogRecords('upstream error').filter((r) => r.status === status);
  expect(records.length).toBeGreaterThanOrEqual(1);
  expect(records[0]).toMatchObject({ provider: op.provider, code, status, level: 40 });
}

describe.each(OPERATIONS)('$name', (op) => {
  /** Keyspot replays a 401 once with a fresh token, so it takes two refusals to fail. */
  const callsFor401 = op.provider === 'KEYSPOT' ? 2 : 1;

  test.each([400, 422])('upstream %i → PROVIDER_REJECTED with the sanitized provider message', async (status) => {
    op.sim(stack).faults.failNext({
      route: op.route,
      status,
      body: {
        statusCode: status,
        error: 'Bad Request',
        message: [
          'title must be shorter than or equal to 255 characters',
          `contact ${EMAIL} / +55 11 99999-9999 was refused`,
          'see https://admin:hunter2@internal.example/leads',
        ],
      },
    });
    const res = await op.run(stack);
    const { message, extensions } = providerError(res, op, 'PROVIDER_REJECTED');
    expect(extensions.upstreamStatus).toBe(status);
    expect(message).toContain('title must be shorter than or equal to 255 characters');
    for (const leaked of [EMAIL, '99999-9999', 'hunter2', 'internal.example']) expect(message).not.toContain(leaked);
    expect(op.sim(stack).counters.count(op.route)).toBe(1);
    expectUpstreamErrorLogged(op, status, 'PROVIDER_REJECTED');
  });

  test('upstream 401 → PROVIDER_AUTH_FAILED', async () => {
    op.sim(stack).faults.failNext({
      route: op.route,
      status: 401,
      count: callsFor401,
      body: { statusCode: 401, message: 'Invalid or missing credentials' },
    });
    const { extensions } = providerError(await op.run(stack), op, 'PROVIDER_AUTH_FAILED');
    expect(extensions.upstreamStatus).toBe(401);
    expect(op.sim(stack).counters.count(op.route)).toBe(callsFor401);
    expectUpstreamErrorLogged(op, 401, 'PROVIDER_AUTH_FAILED');
  });

  // 403: our credentials were accepted but this action is forbidden, so it is a rejection carrying
  // the provider's (sanitized) reason, not a credentials problem.
  test('upstream 403 → PROVIDER_REJECTED with the sanitized provider message', async () => {
    op.sim(stack).faults.failNext({
      route: op.route,
      status: 403,
      body: { statusCode: 403, message: `Forbidden for this plan; contact ${EMAIL}` },
    });
    const { message, extensions } = providerError(await op.run(stack), op, 'PROVIDER_REJECTED');
    expect(extensions.upstreamStatus).toBe(403);
    expect(message).toContain('Forbidden for this plan');
    expect(message).not.toContain(EMAIL);
    expect(op.sim(stack).counters.count(op.route)).toBe(1);
    expectUpstreamErrorLogged(op, 403, 'PROVIDER_REJECTED');
  });

  test('upstream 429 with Retry-After: 7 → PROVIDER_RATE_LIMITED with retryAfterSeconds 7', async () => {
    op.sim(stack).faults.failNext({
      route: op.route,
      status: 429,
      headers: { 'retry-after': '7' },
      body: { statusCode: 429, message: 'Too Many Requests' },
    });
    const { extensions } = providerError(await op.run(stack), op, 'PROVIDER_RATE_LIMITED');
    expect(extensions).toMatchObject({ upstreamStatus: 429, retryAfterSeconds: 7 });
    expect(op.sim(stack).counters.count(op.route)).toBe(1);
    expectUpstreamErrorLogged(op, 429, 'PROVIDER_RATE_LIMITED');
  });

  test.each([500, 502, 503])('upstream %i → PROVIDER_UNAVAILABLE', async (status) => {
    op.sim(stack).faults.failNext({ route: op.route, status, body: { statusCode: status, message: 'Internal server error' } });
    const { extensions } = providerError(await op.run(stack), op, 'PROVIDER_UNAVAILABLE');
    expect(extensions.upstreamStatus).toBe(status);
    expect(op.sim(stack).counters.count(op.route)).toBe(1);
    expectUpstreamErrorLogged(op, status, 'PROVIDER_UNAVAILABLE');
  });

  test.each(MALFORM_KINDS)('a %s body → PROVIDER_BAD_RESPONSE', async (kind) => {
    op.sim(stack).faults.malformNext({ route: op.route, kind });
    const { extensions } = providerError(await op.run(stack), op, 'PROVIDER_BAD_RESPONSE');
    expect(extensions.upstreamStatus).toBeUndefined();
    expect(op.sim(stack).counters.count(op.route)).toBe(1);
    const records = newLogRecords('upstream bad response');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ provider: op.provider, code: 'PROVIDER_BAD_RESPONSE' });
  });
});

describe('404', () => {
  test('on the list → PROVIDER_REJECTED', async () => {
    stack.tesselys.faults.failNext({
      route: LIST.route,
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Cannot GET /external/v1/leads' },
    });
    const { extensions } = providerError(await LIST.run(stack), LIST, 'PROVIDER_REJECTED');
    expect(extensions.upstreamStatus).toBe(404);
    expect(stack.tesselys.counters.count(LIST.route)).toBe(1);
    expectUpstreamErrorLogged(LIST, 404, 'PROVIDER_REJECTED');
  });

  test('on one lead → null, not an error', async () => {
    const res = await stack.gql('{ lead(id: "tesselys:doesnotexist") { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ lead: null });
    expect(stack.tesselys.counters.count(GET.route)).toBe(1);
  });

  test('on a create → PROVIDER_REJECTED', async () => {
    stack.tesselys.faults.failNext({ route: TESSELYS_CREATE.route, status: 404, body: { statusCode: 404, message: 'Not Found' } });
    expect(providerError(await TESSELYS_CREATE.run(stack), TESSELYS_CREATE, 'PROVIDER_REJECTED').extensions.upstreamStatus).toBe(404);
  });
});

describe('payloads that break the documented shape', () => {
  const aLead = () => stack.tesselys.leads()[0]!;

  test('a list without meta.total → PROVIDER_BAD_RESPONSE', async () => {
    stack.tesselys.faults.failNext({
      route: LIST.route,
      status: 200,
      body: { data: [aLead()], meta: { page: 1, limit: 5, totalPages: 1 } },
    });
    providerError(await LIST.run(stack), LIST, 'PROVIDER_BAD_RESPONSE');
    expect(newLogRecords('upstream bad response')).toHaveLength(1);
  });

  test('a list with a lead missing its id → PROVIDER_BAD_RESPONSE', async () => {
    const { id: _id, ...withoutId } = aLead();
    stack.tesselys.faults.failNext({
      route: LIST.route,
      status: 200,
      body: { data: [withoutId], meta: { total: 1, page: 1, limit: 5, totalPages: 1 } },
    });
    const { message } = providerError(await LIST.run(stack), LIST, 'PROVIDER_BAD_RESPONSE');
    expect(message).toContain('"id"');
  });

  test('a status outside the enum → UNKNOWN with the provider spelling kept, no error', async () => {
    const lead = aLead();
    stack.tesselys.faults.failNext({ route: GET.route, status: 200, body: { ...lead, status: 'ARCHIVED' } });
    const res = await stack.gql('query One($id: ID!) { lead(id: $id) { id status providerStatus } }', { id: `tesselys:${lead.id}` });
    expect(res.errors).toBeUndefined();
    expect(res.data!.lead).toEqual({ id: `tesselys:${lead.id}`, status: 'UNKNOWN', providerStatus: 'ARCHIVED' });
  });
});

test('an unreachable provider → PROVIDER_UNAVAILABLE, for every operation', async () => {
  const gone = await startTesselysSimulator();
  const closedUrl = gone.url;
  await gone.close();
  const unreachable = await startTestStack({ env: { ...SINGLE_ATTEMPT, TESSELYS_BASE_URL: closedUrl, KEYSPOT_BASE_URL: closedUrl } });
  try {
    for (const op of OPERATIONS) {
      const res = await op.run(unreachable);
      expect(res.errors).toHaveLength(1);
      const error = res.errors![0]!;
      expect(error.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: op.provider });
      expect(error.extensions!.stacktrace).toBeUndefined();
      expect(error.extensions!.upstreamStatus).toBeUndefined();
      expect(JSON.stringify(res.errors)).not.toContain(closedUrl);
    }
    const failures = unreachable.logs.records().filter((r) => r.msg === 'upstream request failed');
    expect(failures.map((r) => r.provider).sort()).toEqual(['KEYSPOT', 'TESSELYS', 'TESSELYS', 'TESSELYS']);
    const tesselysSecrets = [
      unreachable.tesselys.credentials.accessToken,
      unreachable.tesselys.credentials.companyToken,
      unreachable.keyspot.credentials.clientSecret,
    ];
    for (const line of unreachable.logs.lines) for (const value of tesselysSecrets) expect(line).not.toContain(value);
  } finally {
    await unreachable.close();
  }
});
