/**
 * /readyz means "this process can serve": one provider's outage must not make a load balancer drop
 * every replica at once. Provider states are reported beside it (the body, /metrics), a hanging
 * provider cannot hold the answer past the probe cap, and METRICS_TOKEN / OPS_PORT restrict the
 * detail for deployments without a private network.
 */
import { createReadinessCheck, PROBE_TIMEOUT } from '../../src/server/readiness';
import { adminQuery } from '../support/test-database';
import { startTestStack, type TestStack } from '../support/test-stack';

const TESSELYS_LIST = 'GET /external/v1/leads';
const METRICS_TOKEN = 'ops-token-3f9c2a7d81e4b6c0';

async function readyz(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/readyz`, { headers });
  return { status: res.status, body: await res.json() };
}

describe('a provider down', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { PROVIDER_RETRIES: '0' } });
  });
  afterAll(() => stack.close());

  test('/readyz stays 200 and reports that provider down, the other up', async () => {
    stack.tesselys.faults.failNext({ route: TESSELYS_LIST, status: 503, count: 5 });
    const { status, body } = await readyz(stack.gateway.url);
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.providers.TESSELYS).toMatchObject({ configured: true, up: false, code: 'PROVIDER_UNAVAILABLE', circuit: 'CLOSED' });
    expect(body.providers.KEYSPOT).toMatchObject({ configured: true, up: true, circuit: 'CLOSED' });
    expect(body.providers.KEYSPOT.code).toBeUndefined();
    // The failed probe never counted towards Tesselys's circuit breaker.
    const health = await stack.gql('{ providers { provider health { circuit consecutiveFailures } } }');
    expect(health.data!.providers).toContainEqual({ provider: 'TESSELYS', health: { circuit: 'CLOSED', consecutiveFailures: 0 } });
  });

  test('/metrics has the probe result as leadgraph_provider_up', async () => {
    const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    expect(text).toMatch(/^leadgraph_provider_up\{provider="TESSELYS"\} 0$/m);
    expect(text).toMatch(/^leadgraph_provider_up\{provider="KEYSPOT"\} 1$/m);
  });

  test('Keyspot creates still work meanwhile', async () => {
    const res = await stack.gql(
      'mutation { createLead(input: { provider: KEYSPOT, description: "Oi", contact: { name: "Ana Lima", email: "ana@example.com", phone: "11988887777" } }) { lead { id } } }',
    );
    expect(res.errors).toBeUndefined();
  });
});

describe('a provider that hangs', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // Provider calls would wait far longer than the probe cap for the hanging provider.
    stack = await startTestStack({ env: { PROVIDER_TIMEOUT_MS: '30000', PROVIDER_RETRIES: '0' } });
  });
  afterAll(async () => {
    // The simulator drops the hanging connection when it closes; the gateway can then close at once.
    await stack.tesselys.close();
    await stack.close();
  });

  test('/readyz answers 200 with that provider down although its requests may take 30 s; concurrent callers share one probe', async () => {
    stack.tesselys.faults.hangNext({ route: TESSELYS_LIST });
    const answers = await Promise.all([readyz(stack.gateway.url), readyz(stack.gateway.url), readyz(stack.gateway.url)]);
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      // The cap, or the probe's own one-shot deadline (providers' side) when that is as short: either way down, and answered.
      expect(body.providers.TESSELYS).toMatchObject({ configured: true, up: false });
      expect([PROBE_TIMEOUT, 'PROVIDER_UNAVAILABLE']).toContain(body.providers.TESSELYS.code);
      expect(body.providers.KEYSPOT).toMatchObject({ up: true });
    }
    expect(stack.tesselys.counters.count(TESSELYS_LIST)).toBe(1);
  });
});

describe('credentials a provider refuses', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { TESSELYS_ACCESS_TOKEN: 'revoked-token' } });
  });
  afterAll(() => stack.close());

  test('/readyz is 200 with that provider down for PROVIDER_AUTH_FAILED, without the credential', async () => {
    const { status, body } = await readyz(stack.gateway.url);
    expect(status).toBe(200);
    expect(body.providers.TESSELYS).toMatchObject({ up: false, code: 'PROVIDER_AUTH_FAILED' });
    expect(JSON.stringify(body)).not.toContain('revoked-token');
  });
});

describe('a provider not configured', () => {
  test('is named in the body as not configured', async () => {
    const stack = await startTestStack({ omit: ['keyspot'] });
    try {
      const { status, body } = await readyz(stack.gateway.url);
      expect(status).toBe(200);
      expect(body.providers.KEYSPOT).toEqual({ configured: false, up: null, circuit: null });
      expect(body.providers.TESSELYS).toMatchObject({ configured: true, up: true });
    } finally {
      await stack.close();
    }
  });
});

describe('METRICS_TOKEN', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { METRICS_TOKEN } });
  });
  afterAll(() => stack.close());

  test('/metrics needs the token', async () => {
    expect((await fetch(`${stack.gateway.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${stack.gateway.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-000000000' } })).status).toBe(401);
    const res = await fetch(`${stack.gateway.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('leadgraph_provider_up');
  });

  test('/readyz answers its status to anyone, the detail only with the token', async () => {
    expect(await readyz(stack.gateway.url)).toEqual({ status: 200, body: { status: 'ready' } });
    const detailed = await readyz(stack.gateway.url, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(detailed.body.providers.TESSELYS).toMatchObject({ up: true });
  });

  test('the token never reaches a log line', () => {
    expect(stack.logs.lines.join('\n')).not.toContain(METRICS_TOKEN);
  });
});

describe('OPS_PORT', () => {
  test('/readyz and /metrics move to their own port; /healthz stays on both', async () => {
    const stack = await startTestStack({ env: { OPS_PORT: '0' } });
    try {
      const opsUrl = stack.gateway.opsUrl!;
      expect(opsUrl).toBeDefined();
      expect(opsUrl).not.toBe(stack.gateway.url);
      expect((await fetch(`${stack.gateway.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${stack.gateway.url}/readyz`)).status).toBe(404);
      expect((await fetch(`${stack.gateway.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${opsUrl}/metrics`)).status).toBe(200);
      expect((await readyz(opsUrl)).status).toBe(200);
      expect((await fetch(`${opsUrl}/graphql`)).status).toBe(404);
    } finally {
      await stack.close();
    }
    await expect(fetch(`${stack.gateway.opsUrl}/healthz`)).rejects.toThrow();
  });
});

describe('shutting down', () => {
  test('while /graphql drains, /readyz on the ops port answers 503 shutting_down', async () => {
    const stack = await startTestStack({ env: { OPS_PORT: '0' } });
    const opsUrl = stack.gateway.opsUrl!;
    // An operation held by the provider keeps the gateway draining until the simulator lets go.
    stack.tesselys.faults.hangNext({ route: TESSELYS_LIST });
    const inFlight = stack.gql('{ leads(first: 1) { totalCount } }');
    while (stack.tesselys.counters.count(TESSELYS_LIST) === 0) await new Promise((resolve) => setImmediate(resolve));
    const closing = stack.gateway.close();
    const { status, body } = await readyz(opsUrl);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'not_ready', reason: 'shutting_down' });
    await stack.tesselys.close();
    await inFlight;
    await closing;
    await stack.close();
  });
});

describe('readiness itself', () => {
  test('a process shutting down is not ready, whatever its providers say', async () => {
    const check = createReadinessCheck(() => [{ provider: 'P', probe: async () => undefined, circuit: () => 'CLOSED' }], ['P']);
    expect(await check()).toMatchObject({ ready: true, providers: { P: { up: true } } });
    check.markShuttingDown();
    expect(await check()).toMatchObject({ ready: false, reason: 'shutting_down' });
  });

  test('a probe that never settles is reported PROBE_TIMEOUT when the cap passes', async () => {
    const check = createReadinessCheck(
      () => [{ provider: 'P', probe: () => new Promise<void>(() => undefined), circuit: () => 'CLOSED' }],
      ['P'],
      {
        capMs: 10,
      },
    );
    expect(await check()).toMatchObject({ ready: true, providers: { P: { up: false, code: PROBE_TIMEOUT } } });
  });
});

describe('the store', () => {
  test('a PostgreSQL store that stops answering makes /readyz 503 store_unreachable; the process still answers', async () => {
    const stack = await startTestStack({ store: 'postgres', readinessCacheMs: 0 });
    try {
      expect((await readyz(stack.gateway.url)).body.status).toBe('ready');
      // The database disappears under the running gateway (what a lost PostgreSQL looks like to it).
      const database = new URL(stack.gateway.config.store.databaseUrl!).pathname.slice(1);
      await adminQuery(`drop database ${database} with (force)`);
      const { status, body } = await readyz(stack.gateway.url);
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'not_ready', reason: 'store_unreachable' });
      expect((await fetch(`${stack.gateway.url}/healthz`)).status).toBe(200);
    } finally {
      await stack.close();
    }
  });
});
