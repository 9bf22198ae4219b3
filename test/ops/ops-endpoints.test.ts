/**
 * What operators rely on: liveness, readiness that really probes the providers, Prometheus
 * metrics that move with traffic, and request ids that round-trip into errors and logs.
 */
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { PROVIDER_MODULES } from '../../src/providers/registry';
import { startGateway } from '../../src/server/gateway';
import { scratchStoreEnv } from '../support/test-database';
import { captureLogs } from '../support/log-capture';
import { startTestStack, type TestStack } from '../support/test-stack';

const KEYSPOT_CREATE = `mutation Create($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }`;
const keyspotInput = {
  provider: 'KEYSPOT',
  description: 'Quero agendar uma visita',
  contact: { name: 'Carla Dias', email: 'carla.dias@example.com', phone: '31977776666' },
};

describe('with working providers', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  test('/healthz answers without calling any provider', async () => {
    stack.resetCounters();
    const res = await fetch(`${stack.gateway.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('/readyz probes each configured provider once, then serves the cached result', async () => {
    stack.resetCounters();
    const first = await fetch(`${stack.gateway.url}/readyz`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      status: 'ready',
      providers: {
        KEYSPOT: { configured: true, up: true, circuit: 'CLOSED' },
        TESSELYS: { configured: true, up: true, circuit: 'CLOSED' },
      },
    });
    expect(stack.tesselys.counters.count('GET /external/v1/leads')).toBe(1);
    const second = await fetch(`${stack.gateway.url}/readyz`);
    expect(second.status).toBe(200);
    expect(stack.tesselys.counters.count('GET /external/v1/leads')).toBe(1);
  });

  test('/metrics counts operations by name and outcome, upstream requests by route and status, and token refreshes', async () => {
    await stack.gql('query ListForMetrics { leads(first: 2) { totalCount } }');
    await stack.gql(KEYSPOT_CREATE, { input: keyspotInput });
    await stack.gql('query BadForMetrics { lead(id: "nope") { id } }');
    const res = await fetch(`${stack.gateway.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/leadgraph_graphql_operations_total\{operation="ListForMetrics",outcome="success"\} 1/);
    expect(text).toMatch(/leadgraph_graphql_operations_total\{operation="BadForMetrics",outcome="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/leadgraph_graphql_operation_duration_seconds_count\{operation="ListForMetrics",outcome="success"\} 1/);
    expect(text).toMatch(/leadgraph_upstream_requests_total\{provider="TESSELYS",route="GET \/external\/v1\/leads",status="200"\} \d+/);
    expect(text).toMatch(/leadgraph_upstream_requests_total\{provider="KEYSPOT",route="POST \/v1\/leads",status="201"\} 1/);
    expect(text).toMatch(
      /leadgraph_upstream_request_duration_seconds_bucket\{le="[^"]+",provider="KEYSPOT",route="POST \/v1\/auth\/token",status="201"\} 1/,
    );
    expect(text).toMatch(/leadgraph_token_refreshes_total\{provider="KEYSPOT",outcome="success"\} 1/);
  });

  test('a sane x-request-id is echoed back and stamped on errors and on the operation log line', async () => {
    const res = await stack.gql('query Broken { lead(id: "nope") { id } }', undefined, { 'x-request-id': 'test-req-42' });
    expect(res.headers.get('x-request-id')).toBe('test-req-42');
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'test-req-42' });
    const line = stack.logs.records().find((r) => r.requestId === 'test-req-42' && r.msg === 'graphql operation');
    expect(line).toMatchObject({ operationName: 'Broken', outcome: 'error', errorCodes: ['BAD_USER_INPUT'], upstreamCalls: 0 });
  });

  test('without (or with an unusable) x-request-id, the gateway makes one up', async () => {
    const plain = await stack.gql('{ providers { provider } }');
    expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await stack.gql('{ providers { provider } }', undefined, { 'x-request-id': 'a b\u00e7<script>' });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('the operation log line counts the upstream calls the operation made', async () => {
    const ids = stack.tesselys
      .leads()
      .slice(0, 3)
      .map((l) => `tesselys:${l.id}`);
    await stack.gql(
      'query ThreeLeads($a: ID!, $b: ID!, $c: ID!) { a: lead(id: $a) { id } b: lead(id: $b) { id } c: lead(id: $c) { id } }',
      { a: ids[0], b: ids[1], c: ids[2] },
      { 'x-request-id': 'three-leads' },
    );
    const line = stack.logs.records().find((r) => r.requestId === 'three-leads' && r.msg === 'graphql operation');
    expect(line).toMatchObject({ operationName: 'ThreeLeads', outcome: 'success', upstreamCalls: 3 });
  });

  test('no captured log line carries a token, a secret, an e-mail or a phone number', async () => {
    await stack.gql(KEYSPOT_CREATE, { input: keyspotInput });
    stack.keyspot.faults.failNext({
      route: 'POST /v1/leads',
      status: 422,
      body: { message: 'carla.dias@example.com with phone 31977776666 exists' },
    });
    await stack.gql(KEYSPOT_CREATE, { input: keyspotInput });
    const jwt = String(stack.keyspot.counters.last('POST /v1/leads')!.headers.authorization).replace('Bearer ', '');
    const secrets = [
      jwt,
      stack.keyspot.credentials.clientSecret,
      stack.tesselys.credentials.accessToken,
      stack.tesselys.credentials.companyToken,
      keyspotInput.contact.email,
      keyspotInput.contact.phone,
    ];
    expect(stack.logs.lines.length).toBeGreaterThan(5);
    for (const line of stack.logs.lines) for (const secret of secrets) expect(line).not.toContain(secret);
  });
});

describe('graceful close', () => {
  test('a request in flight when the gateway closes still completes', async () => {
    const stack = await startTestStack();
    stack.tesselys.faults.setLatency(150);
    const inFlight = stack.gql('{ leads(first: 3) { totalCount } }');
    // Wait until the request has reached the provider, so it is truly in flight.
    while (stack.tesselys.counters.count('GET /external/v1/leads') === 0) await new Promise((resolve) => setImmediate(resolve));
    const closed = stack.close();
    const res = await inFlight;
    await closed;
    expect(res.status).toBe(200);
    expect(res.data!.leads.totalCount).toBe(64);
    await expect(fetch(`${stack.gateway.url}/healthz`)).rejects.toThrow();
  });
});

describe('with Keyspot down', () => {
  test('/readyz asks Keyspot for a fresh token rather than trusting a cached one, and reports it down (still ready)', async () => {
    const stack = await startTestStack({ env: { PROVIDER_RETRIES: '0' } });
    try {
      // A token is cached by a first successful create...
      const created = await stack.gql(KEYSPOT_CREATE, { input: keyspotInput });
      expect(created.errors).toBeUndefined();
      // ...then Keyspot goes down: readiness must notice despite the cached token.
      stack.keyspot.faults.failNext({ route: 'POST /v1/auth/token', status: 503 });
      const res = await fetch(`${stack.gateway.url}/readyz`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { providers: Record<string, unknown> }).providers.KEYSPOT).toMatchObject({
        up: false,
        code: 'PROVIDER_UNAVAILABLE',
      });
      expect(stack.keyspot.tokenCalls()).toBe(2);
    } finally {
      await stack.close();
    }
  });
});

describe('start-up failure', () => {
  test('a taken port rejects start-up and leaves no demo simulator running', async () => {
    const first = await startGateway({
      env: { NODE_ENV: 'test', LEADGRAPH_DEMO: '1', ...scratchStoreEnv() },
      port: 0,
      logger: captureLogs().logger,
    });
    try {
      const port = Number(new URL(first.url).port);
      // Record where the failing gateway's simulators listen.
      const simulatorUrls: string[] = [];
      const modules = PROVIDER_MODULES.map((module) => ({
        ...module,
        startDemo: async (options?: Parameters<typeof module.startDemo>[0]) => {
          const demo = await module.startDemo(options);
          simulatorUrls.push(demo.url);
          return demo;
        },
      }));
      await expect(
        startGateway({ env: { NODE_ENV: 'test', LEADGRAPH_DEMO: '1', ...scratchStoreEnv() }, port, logger: captureLogs().logger, modules }),
      ).rejects.toThrow(/EADDRINUSE/);
      expect(simulatorUrls).toHaveLength(2);
      for (const url of simulatorUrls) await expect(fetch(`${url}/`)).rejects.toThrow();
    } finally {
      await first.close();
    }
  });

  test('a failed Apollo start closes the listener and the demo simulators', async () => {
    const free = createServer().listen(0, '127.0.0.1');
    await once(free, 'listening');
    const port = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));

    const simulatorUrls: string[] = [];
    const modules = PROVIDER_MODULES.map((module) => ({
      ...module,
      startDemo: async (options?: Parameters<typeof module.startDemo>[0]) => {
        const demo = await module.startDemo(options);
        simulatorUrls.push(demo.url);
        return demo;
      },
    }));
    const failing = {
      async serverWillStart() {
        throw new Error('plugin failed to start');
      },
    };
    await expect(
      startGateway({
        env: { NODE_ENV: 'test', LEADGRAPH_DEMO: '1', ...scratchStoreEnv() },
        port,
        logger: captureLogs().logger,
        modules,
        plugins: [failing],
      }),
    ).rejects.toThrow(/plugin failed to start/);
    expect(simulatorUrls).toHaveLength(2);
    for (const url of [...simulatorUrls, `http://127.0.0.1:${port}`]) await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
