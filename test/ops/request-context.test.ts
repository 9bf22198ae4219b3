/**
 * The one request context (src/graphql/request-context.ts), seen from a resolver's side over real
 * HTTP: the caller with its tenant, the request headers (Idempotency-Key, for Part 2), and a signal
 * that fires when the client goes away before its answer. An extra Apollo plugin captures the
 * context each operation runs with.
 */
import { scratchStoreEnv } from '../support/test-database';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../../src/graphql/context';
import { startGateway, type RunningGateway } from '../../src/server/gateway';
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { captureLogs } from '../support/log-capture';
import { API_KEYS, bearer, CRM_KEY, SITE_KEY } from '../security/security-harness';
import { tesselysEnv } from '../support/simulator-env';

const contexts: GatewayContext[] = [];
const capture: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart({ contextValue }) {
    contexts.push(contextValue);
  },
};

let tesselys: TesselysSimulator;
let gateway: RunningGateway;
beforeAll(async () => {
  tesselys = await startTesselysSimulator();
  gateway = await startGateway({
    env: {
      NODE_ENV: 'test',
      ...scratchStoreEnv(),
      API_KEYS,
      PROVIDER_RETRIES: '0',
      ...tesselysEnv(tesselys),
    },
    port: 0,
    logger: captureLogs().logger,
    plugins: [capture],
  });
});
afterAll(async () => {
  await gateway.close();
  await tesselys.close();
  await gateway.close();
});

function post(query: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  return fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
    ...(signal ? { signal } : {}),
  });
}

test('resolvers see the caller with its tenant, the headers and the Idempotency-Key', async () => {
  contexts.length = 0;
  const res = await post('{ __typename }', { ...bearer(CRM_KEY), 'idempotency-key': 'order-42', 'x-request-id': 'ctx-1' });
  expect(res.status).toBe(200);
  expect(contexts).toHaveLength(1);
  const context = contexts[0]!;
  expect(context.caller).toMatchObject({ name: 'crm', tenant: 'default', anonymous: false });
  expect(context.idempotencyKey).toBe('order-42');
  expect(context.headers['idempotency-key']).toBe('order-42');
  expect(context.requestId).toBe('ctx-1');
  expect(context.signal.aborted).toBe(false);
});

test('a write-only key is of the tenant default too', async () => {
  contexts.length = 0;
  await post('mutation { __typename }', bearer(SITE_KEY));
  expect(contexts[0]!.caller).toMatchObject({ name: 'site', tenant: 'default' });
  expect(contexts[0]!.idempotencyKey).toBeUndefined();
});

test('the signal fires when the client disconnects before its answer', async () => {
  contexts.length = 0;
  tesselys.faults.hangNext({ route: 'GET /external/v1/leads' });
  const client = new AbortController();
  const pending = post('{ leads(first: 1) { totalCount } }', bearer(CRM_KEY), client.signal).catch((error: unknown) => error);
  // The operation has reached the provider: its context exists and is waiting.
  while (tesselys.counters.count('GET /external/v1/leads') === 0) await new Promise((resolve) => setImmediate(resolve));
  const signal = contexts[0]!.signal;
  expect(signal.aborted).toBe(false);
  const aborted = new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  client.abort();
  await pending;
  await aborted;
  expect(signal.aborted).toBe(true);
});
