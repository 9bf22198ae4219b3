/**
 * Two gateway replicas sharing one PostgreSQL store, through real HTTP: a tenant administered on
 * one replica is served by the other (stored credentials are connected at start-up, and later
 * changes picked up by each replica's periodic sync), and a key
 * revoked on one replica is refused by the other once its key cache period (at most 5 s, moved
 * by the injected clock here) has passed.
 */
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { startGateway, type RunningGateway } from '../../src/server/gateway';
import { captureLogs } from '../support/log-capture';
import { testStoreEnv } from '../support/test-database';
import { testClock } from '../support/test-stack';
import { until } from '../resilience/resilience-helpers';
import { gql } from './gateway-gql';
import { tesselysEnv } from '../support/simulator-env';

const ADMIN_KEY = 'replica-admin-key-0123456789';

let defaultSim: TesselysSimulator;
let acmeSim: TesselysSimulator;
let store: Awaited<ReturnType<typeof testStoreEnv>>;
const gateways: RunningGateway[] = [];
const clock = testClock();
const logs = captureLogs();

async function replica(): Promise<RunningGateway> {
  const gateway = await startGateway({
    env: {
      NODE_ENV: 'test',
      ...store.env,
      API_KEYS: JSON.stringify([{ name: 'admin', key: ADMIN_KEY, scopes: ['tenants:admin'] }]),
      ...tesselysEnv(defaultSim),
    } as NodeJS.ProcessEnv,
    port: 0,
    logger: logs.logger,
    now: clock.now,
    tenantSyncMs: 20,
  });
  gateways.push(gateway);
  return gateway;
}

beforeAll(async () => {
  defaultSim = await startTesselysSimulator({ now: clock.now, leadCount: 3 });
  acmeSim = await startTesselysSimulator({
    now: clock.now,
    seed: 7,
    leadCount: 6,
    accessToken: 'replica-acme-access-token',
    companyToken: 'replica-acme-company-token',
  });
  store = await testStoreEnv('postgres');
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  await store?.remove();
  await Promise.all([defaultSim?.close(), acmeSim?.close()]);
});

test('a tenant set up on one replica is served by another (at start-up and by its sync); a key revoked on one is refused by the other within 5 s', async () => {
  const first = await replica();
  expect((await gql(first, ADMIN_KEY, 'mutation { createTenant(slug: "acme", name: "Acme") { slug } }')).errors).toBeUndefined();
  const set = await gql(
    first,
    ADMIN_KEY,
    'mutation($input: ProviderCredentialsInput!) { setProviderCredentials(tenant: "acme", provider: TESSELYS, input: $input) { slug } }',
    { input: { baseUrl: acmeSim.url, ...acmeSim.credentials } },
  );
  expect(set.errors).toBeUndefined();
  const created = await gql(
    first,
    ADMIN_KEY,
    'mutation { createApiKey(tenant: "acme", name: "reader", scopes: [LEADS_READ]) { secret apiKey { id } } }',
  );
  const { secret, apiKey } = created.data.createApiKey as { secret: string; apiKey: { id: string } };

  // The second replica starts after the tenant exists: it connects the stored credentials.
  const second = await replica();
  const leads = '{ leads(filter: { provider: TESSELYS }) { totalCount } }';
  expect((await gql(second, secret, leads)).data).toEqual({ leads: { totalCount: 6 } });
  expect((await gql(first, secret, leads)).data).toEqual({ leads: { totalCount: 6 } });

  const revoked = await gql(first, ADMIN_KEY, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: apiKey.id });
  expect(revoked.errors).toBeUndefined();
  expect((await gql(first, secret, leads)).status).toBe(401);
  clock.advance(5_000);
  expect((await gql(second, secret, leads)).status).toBe(401);

  // Credentials set on the first replica after the second started reach the second by its sync.
  await gql(first, ADMIN_KEY, 'mutation { createTenant(slug: "beta", name: "Beta") { slug } }');
  const setBeta = await gql(
    first,
    ADMIN_KEY,
    'mutation($input: ProviderCredentialsInput!) { setProviderCredentials(tenant: "beta", provider: TESSELYS, input: $input) { slug } }',
    { input: { baseUrl: acmeSim.url, ...acmeSim.credentials } },
  );
  expect(setBeta.errors).toBeUndefined();
  const betaKey = (await gql(first, ADMIN_KEY, 'mutation { createApiKey(tenant: "beta", name: "r", scopes: [LEADS_READ]) { secret } }'))
    .data.createApiKey.secret as string;
  const synced = (msg: string) => () => logs.records().some((r) => r.msg === msg && r.tenant === 'beta');
  await until(synced('provider credentials synced'));
  expect((await gql(second, betaKey, leads)).data).toEqual({ leads: { totalCount: 6 } });

  await gql(first, ADMIN_KEY, 'mutation { removeProviderCredentials(tenant: "beta", provider: TESSELYS) { slug } }');
  await until(synced('provider credentials removed elsewhere: disconnected'));
  const afterRemoval = await gql(second, betaKey, '{ providers { provider configured } }');
  expect(afterRemoval.data.providers).toContainEqual({ provider: 'TESSELYS', configured: false });

  const lines = logs.lines.join('\n');
  for (const value of [secret, ADMIN_KEY, acmeSim.credentials.accessToken, acmeSim.credentials.companyToken])
    expect(lines).not.toContain(value);
});
