/**
 * Outage isolation between tenants through real HTTP: tenant A's Tesselys hangs and fills A's
 * bulkhead (one slot, no queue), so A's next call is shed at once; tenant B, on its own Tesselys,
 * is answered as usual with its circuit closed. The hung call is released by closing A's
 * simulator, so nothing depends on timing.
 */
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { ROUTES, until } from '../resilience/resilience-helpers';
import { startTestStack, type TestStack } from '../support/test-stack';

const ADMIN_KEY = 'outage-admin-key-0123456789';
let stack: TestStack;
const sims: Record<string, TesselysSimulator> = {};
const keys: Record<string, string> = {};

const LIST = '{ leads(filter: { provider: TESSELYS }) { totalCount } providers { provider health { circuit } } }';

async function gql(key: string, query: string, variables?: Record<string, unknown>) {
  return stack.gql(query, variables, { authorization: `Bearer ${key}` });
}

beforeAll(async () => {
  stack = await startTestStack({
    env: {
      API_KEYS: JSON.stringify([{ name: 'admin', key: ADMIN_KEY, scopes: ['tenants:admin'] }]),
      PROVIDER_MAX_CONCURRENCY: '1',
      PROVIDER_MAX_QUEUE: '0',
    },
  });
  for (const [tenant, leadCount] of [
    ['tenant-a', 4],
    ['tenant-b', 9],
  ] as const) {
    sims[tenant] = await startTesselysSimulator({ now: stack.clock.now, leadCount, seed: leadCount });
    await gql(ADMIN_KEY, 'mutation($t: String!) { createTenant(slug: $t, name: $t) { slug } }', { t: tenant });
    const set = await gql(
      ADMIN_KEY,
      'mutation($t: String!, $i: ProviderCredentialsInput!) { setProviderCredentials(tenant: $t, provider: TESSELYS, input: $i) { slug } }',
      { t: tenant, i: { baseUrl: sims[tenant].url, ...sims[tenant].credentials } },
    );
    expect(set.errors).toBeUndefined();
    const key = await gql(
      ADMIN_KEY,
      'mutation($t: String!) { createApiKey(tenant: $t, name: "reader", scopes: [LEADS_READ]) { secret } }',
      {
        t: tenant,
      },
    );
    keys[tenant] = key.data!.createApiKey.secret as string;
  }
});

afterAll(async () => {
  await stack?.close();
  await Promise.all(Object.values(sims).map((sim) => sim.close()));
});

test("tenant A's hung Tesselys fills only A's bulkhead: B is answered as usual", async () => {
  sims['tenant-a']!.faults.hangNext({ route: ROUTES.list, count: 10 });
  let hungSettled = false;
  const hung = gql(keys['tenant-a']!, LIST).finally(() => (hungSettled = true));
  await until(() => sims['tenant-a']!.counters.count(ROUTES.list) === 1);

  // Another read (an identical one would join the hung call): shed at once, nothing sent.
  const shed = await gql(keys['tenant-a']!, '{ lead(id: "tesselys:clx7f8g9h0i1j2k3l4m5n6o7") { id } }');
  expect(shed.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'TESSELYS' });
  expect(shed.errors?.[0]?.message).toContain('too many requests in flight');
  expect(sims['tenant-a']!.counters.count(ROUTES.get)).toBe(0);

  for (let i = 0; i < 3; i++) {
    const b = await gql(keys['tenant-b']!, LIST);
    expect(b.errors).toBeUndefined();
    expect(b.data!.leads.totalCount).toBe(9);
    expect(b.data!.providers).toContainEqual({ provider: 'TESSELYS', health: { circuit: 'CLOSED' } });
  }
  expect(hungSettled).toBe(false);

  await sims['tenant-a']!.close();
  expect((await hung).errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'TESSELYS' });
});
