/**
 * Keyspot's token life cycle, end to end over real HTTP: one JWT shared by every request, renewed
 * shortly before `exp` (moved by the injected clock, never by sleeping), replaced once on a 401,
 * fetched once for a burst of concurrent requests, and never written to a log.
 */
import { scratchStoreEnv } from '../support/test-database';
import {
  startKeyspotSimulator,
  KEYSPOT_ROUTES,
  KEYSPOT_TOKEN_RESPONSE_SHAPES,
} from '../../src/providers/keyspot/simulator/keyspot.simulator';
import { startGateway } from '../../src/server/gateway';
import { captureLogs, type CapturedLogs } from '../support/log-capture';
import { startTestStack, type GraphQLResponse, type TestStack, type TestStackOptions } from '../support/test-stack';

const EMAIL = 'ana@example.com';
const PHONE = '11999999999';
const CREATE = /* GraphQL */ `
  mutation Create($input: CreateLeadInput!) {
    createLead(input: $input) {
      lead {
        id
        provider
        providerLeadId
        status
        description
        contact {
          name
          email
          phone
        }
      }
    }
  }
`;
const INPUT = {
  provider: 'KEYSPOT',
  description: 'Quero visitar o apartamento',
  contact: { name: 'Ana Souza', email: EMAIL, phone: PHONE },
};
const LEADS = KEYSPOT_ROUTES.createLead;
const TOKEN_LIFETIME_MS = 3600_000;

interface CreateData {
  createLead: { lead: { id: string; provider: string; status: string; contact: { email: string } } };
}

/** Every stack a test starts; closed after it, once its logs have been checked for secrets. */
const opened: Array<{ logs: CapturedLogs; secrets: () => string[]; close: () => Promise<void> }> = [];

async function stackFor(options: TestStackOptions = {}): Promise<TestStack> {
  const stack = await startTestStack({ omit: ['tesselys'], ...options });
  opened.push({
    logs: stack.logs,
    secrets: () => [
      stack.keyspot.credentials.clientSecret,
      ...(options.env?.KEYSPOT_CLIENT_SECRET ? [options.env.KEYSPOT_CLIENT_SECRET] : []),
      ...jwtsSentTo(stack.keyspot),
    ],
    close: () => stack.close(),
  });
  return stack;
}

/** The JWTs the gateway presented to Keyspot (the simulator keeps the last 200 requests). */
function jwtsSentTo(sim: { counters: { history(route?: string): Array<{ headers: Record<string, unknown> }> } }): string[] {
  return sim.counters
    .history(LEADS)
    .map((request) => String(request.headers.authorization ?? '').replace(/^Bearer\s+/i, ''))
    .filter(Boolean);
}

function create(stack: TestStack): Promise<GraphQLResponse<CreateData>> {
  return stack.gql<CreateData>(CREATE, { input: INPUT });
}

function expectCreated(res: GraphQLResponse<CreateData>): void {
  expect(res.errors).toBeUndefined();
  expect(res.data!.createLead.lead).toMatchObject({ provider: 'KEYSPOT', status: 'NEW_LEAD', contact: { email: EMAIL } });
}

function expectError(res: GraphQLResponse, code: string): Record<string, any> {
  expect(res.data).toBeNull();
  expect(res.errors).toHaveLength(1);
  const extensions = res.errors![0]!.extensions!;
  expect(extensions).toMatchObject({ code, provider: 'KEYSPOT' });
  expect(extensions.stacktrace).toBeUndefined();
  return extensions;
}

function bearerOfLastCreate(stack: TestStack): string {
  const authorization = stack.keyspot.counters.last(LEADS)?.headers.authorization;
  expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  return String(authorization).slice('Bearer '.length);
}

afterEach(async () => {
  const stacks = opened.splice(0);
  try {
    for (const { logs, secrets } of stacks) {
      const forbidden = [...secrets(), EMAIL, PHONE];
      for (const line of logs.lines) for (const value of forbidden) expect(line).not.toContain(value);
    }
  } finally {
    await Promise.all(stacks.map((s) => s.close()));
  }
});

describe('token reuse and refresh', () => {
  test('three sequential creates share one token, each sent as a bearer JWT', async () => {
    const stack = await stackFor();
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      expectCreated(await create(stack));
      tokens.push(bearerOfLastCreate(stack));
    }
    expect(stack.keyspot.tokenCalls()).toBe(1);
    expect(stack.keyspot.counters.count(LEADS)).toBe(3);
    expect(new Set(tokens).size).toBe(1);
  });

  test('a token past its exp is replaced by exactly one new token call', async () => {
    const stack = await stackFor();
    expectCreated(await create(stack));
    const first = bearerOfLastCreate(stack);
    stack.clock.advance(TOKEN_LIFETIME_MS);
    expectCreated(await create(stack));
    expect(stack.keyspot.tokenCalls()).toBe(2);
    expect(stack.keyspot.counters.count(LEADS)).toBe(2);
    expect(bearerOfLastCreate(stack)).not.toBe(first);
  });

  test('renews one minute ahead of exp, not earlier', async () => {
    const stack = await stackFor();
    expectCreated(await create(stack));
    const first = bearerOfLastCreate(stack);

    stack.clock.advance(30 * 60_000);
    expectCreated(await create(stack));
    // 3600 s lifetime: a tenth is 6 min, capped at 60 s, so renewal starts at exp - 60 s.
    stack.clock.advance(TOKEN_LIFETIME_MS - 30 * 60_000 - 60_000 - 1);
    expectCreated(await create(stack));
    expect(stack.keyspot.tokenCalls()).toBe(1);
    expect(bearerOfLastCreate(stack)).toBe(first);

    // At exp - 60 s the still-valid token keeps serving while one renewal runs in the background...
    stack.clock.advance(1);
    expectCreated(await create(stack));
    expect(bearerOfLastCreate(stack)).toBe(first);
    while (stack.keyspot.tokenCalls() < 2) await new Promise((resolve) => setImmediate(resolve));
    // ...and once it has landed, the next create uses the new token, with no further token call.
    expectCreated(await create(stack));
    expect(bearerOfLastCreate(stack)).not.toBe(first);
    expect(stack.keyspot.tokenCalls()).toBe(2);
    expect(stack.keyspot.counters.count(LEADS)).toBe(5);
  });
});

describe('401 on a call', () => {
  test('a revoked token is replaced once and the create replayed, creating one lead', async () => {
    const stack = await stackFor();
    expectCreated(await create(stack));
    const revoked = bearerOfLastCreate(stack);
    stack.keyspot.revokeAllTokens();

    expectCreated(await create(stack));
    // One call for the first create, then the refused one and its replay.
    expect(stack.keyspot.counters.count(LEADS)).toBe(3);
    expect(stack.keyspot.tokenCalls()).toBe(2);
    const [, refused, replayed] = stack.keyspot.counters.history(LEADS);
    expect(refused!.headers.authorization).toBe(`Bearer ${revoked}`);
    expect(replayed!.headers.authorization).not.toBe(`Bearer ${revoked}`);
    // The refused call stored nothing: the second create added exactly one lead.
    expect(stack.keyspot.leads()).toHaveLength(2);
  });

  test('a second 401 is final: PROVIDER_AUTH_FAILED after exactly two calls, never a loop', async () => {
    const stack = await stackFor();
    stack.keyspot.faults.failNext({ route: LEADS, status: 401, count: 5, body: { statusCode: 401, message: 'Invalid or expired token' } });
    const extensions = expectError(await create(stack), 'PROVIDER_AUTH_FAILED');
    expect(extensions.upstreamStatus).toBe(401);
    expect(stack.keyspot.counters.count(LEADS)).toBe(2);
    expect(stack.keyspot.tokenCalls()).toBe(2);
    expect(stack.keyspot.leads()).toHaveLength(0);
  });

  test('403 is not replayed (the token was accepted; the action is forbidden: PROVIDER_REJECTED)', async () => {
    const stack = await stackFor();
    stack.keyspot.faults.failNext({ route: LEADS, status: 403 });
    expect(expectError(await create(stack), 'PROVIDER_REJECTED').upstreamStatus).toBe(403);
    expect(stack.keyspot.counters.count(LEADS)).toBe(1);
    expect(stack.keyspot.tokenCalls()).toBe(1);
  });
});

test('20 concurrent creates on a cold gateway share one token call', async () => {
  const stack = await stackFor();
  const results = await Promise.all(Array.from({ length: 20 }, () => create(stack)));
  for (const res of results) expectCreated(res);
  expect(stack.keyspot.tokenCalls()).toBe(1);
  expect(stack.keyspot.counters.count(LEADS)).toBe(20);
  expect(new Set(results.map((r) => r.data!.createLead.lead.id)).size).toBe(20);
  expect(new Set(jwtsSentTo(stack.keyspot)).size).toBe(1);
});

describe('token endpoint failures', () => {
  const WRONG_SECRET = 'wrong-secret-9f2c41d7';

  test('refused credentials: PROVIDER_AUTH_FAILED without calling /v1/leads, and the next request tries again', async () => {
    const stack = await stackFor({ env: { KEYSPOT_CLIENT_SECRET: WRONG_SECRET } });
    const res = await create(stack);
    const extensions = expectError(res, 'PROVIDER_AUTH_FAILED');
    expect(extensions.upstreamStatus).toBe(401);
    expect(JSON.stringify(res.errors)).not.toContain(WRONG_SECRET);
    expect(stack.keyspot.tokenCalls()).toBe(1);
    expect(stack.keyspot.counters.count(LEADS)).toBe(0);

    // A failed token call is not cached: no stuck promise, the next request asks again.
    expectError(await create(stack), 'PROVIDER_AUTH_FAILED');
    expect(stack.keyspot.tokenCalls()).toBe(2);
    expect(stack.keyspot.counters.count(LEADS)).toBe(0);
  });

  test('token endpoint 503 once: PROVIDER_UNAVAILABLE, then the next create succeeds', async () => {
    // Without retries (test/resilience covers the token call's retries).
    const stack = await stackFor({ env: { PROVIDER_RETRIES: '0' } });
    stack.keyspot.faults.failNext({ route: KEYSPOT_ROUTES.token, status: 503 });
    expect(expectError(await create(stack), 'PROVIDER_UNAVAILABLE').upstreamStatus).toBe(503);
    expect(stack.keyspot.counters.count(LEADS)).toBe(0);

    expectCreated(await create(stack));
    expect(stack.keyspot.tokenCalls()).toBe(2);
    expect(stack.keyspot.counters.count(LEADS)).toBe(1);
  });

  test('a token response without a token is PROVIDER_BAD_RESPONSE and is retried next time', async () => {
    const stack = await stackFor();
    stack.keyspot.faults.failNext({ route: KEYSPOT_ROUTES.token, status: 201, body: { data: { expiresIn: 3600 } } });
    expectError(await create(stack), 'PROVIDER_BAD_RESPONSE');
    expectCreated(await create(stack));
    expect(stack.keyspot.tokenCalls()).toBe(2);
  });
});

test.each(KEYSPOT_TOKEN_RESPONSE_SHAPES)('reads the token from a %s response', async (tokenResponseShape) => {
  const stack = await stackFor({ keyspot: { tokenResponseShape } });
  expectCreated(await create(stack));
  expectCreated(await create(stack));
  expect(stack.keyspot.tokenCalls()).toBe(1);
  expect(stack.keyspot.counters.count(LEADS)).toBe(2);
});

test('a static KEYSPOT_API_TOKEN is used as is, and a refusal is final after one call', async () => {
  const sim = await startKeyspotSimulator();
  const logs = captureLogs();
  try {
    const token = await sim.issueToken();
    const gateway = await startGateway({
      env: {
        NODE_ENV: 'test',
        ...scratchStoreEnv(),
        KEYSPOT_BASE_URL: sim.url,
        KEYSPOT_CLIENT_ID: '',
        KEYSPOT_CLIENT_SECRET: '',
        KEYSPOT_API_TOKEN: token,
      },
      port: 0,
      logger: logs.logger,
    });
    opened.push({ logs, secrets: () => [token, sim.credentials.clientSecret], close: () => gateway.close() });
    expect(gateway.config.providers.map((p) => p.config)).toEqual([{ baseUrl: sim.url, auth: { kind: 'static-token', token } }]);
    const gql = async (): Promise<GraphQLResponse<CreateData>> => {
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: CREATE, variables: { input: INPUT } }),
      });
      return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
    };

    expectCreated(await gql());
    expectCreated(await gql());
    expect(sim.tokenCalls()).toBe(0);
    expect(sim.counters.last(LEADS)?.headers.authorization).toBe(`Bearer ${token}`);

    sim.revokeAllTokens();
    sim.counters.reset();
    const extensions = expectError(await gql(), 'PROVIDER_AUTH_FAILED');
    expect(extensions.upstreamStatus).toBe(401);
    expect(sim.counters.count(LEADS)).toBe(1);
    expect(sim.tokenCalls()).toBe(0);
  } finally {
    // The gateway (registered above) is closed and its logs checked in afterEach.
    await sim.close();
  }
});

test('no log line carries the client secret, a JWT, the e-mail or the phone', async () => {
  const stack = await stackFor();
  expectCreated(await create(stack));
  stack.keyspot.revokeAllTokens();
  expectCreated(await create(stack));
  stack.clock.advance(TOKEN_LIFETIME_MS);
  expectCreated(await create(stack));
  stack.keyspot.faults.failNext({
    route: LEADS,
    status: 400,
    body: { statusCode: 400, message: [`email ${EMAIL} is taken`, `phone ${PHONE} is taken`] },
  });
  const rejected = await create(stack);
  expectError(rejected, 'PROVIDER_REJECTED');
  expect(JSON.stringify(rejected.errors)).not.toContain(EMAIL);
  expect(JSON.stringify(rejected.errors)).not.toContain(PHONE);

  const jwts = [...new Set(jwtsSentTo(stack.keyspot))];
  expect(jwts).toHaveLength(3);
  expect(stack.logs.lines.length).toBeGreaterThan(0);
  // The refreshes were logged (so the check below looks at lines written on the token path).
  expect(stack.logs.lines.filter((line) => line.includes('keyspot token refresh') && line.includes('"outcome":"success"'))).toHaveLength(3);
  for (const line of stack.logs.lines) {
    for (const value of [stack.keyspot.credentials.clientSecret, ...jwts, EMAIL, PHONE]) expect(line).not.toContain(value);
  }
});
