/**
 * Announcements between replicas (src/announcements), on both transports: PostgreSQL LISTEN/NOTIFY
 * (no Redis) and Redis pub/sub (REDIS_URL). Two gateways share one PostgreSQL store; their clock is
 * frozen (the key cache never expires) and their periodic credentials sync is an hour apart, so
 * the only way the second replica can learn of a revocation or a credentials change is the
 * announcement of the first (or of `npm run tenants`, which announces too).
 */
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { startGateway, type RunningGateway } from '../../src/server/gateway';
import { eventually } from '../support/eventually';
import { captureLogs } from '../support/log-capture';
import { testStoreEnv } from '../support/test-database';
import { REDIS_TEST_URL, testRedisPrefix } from '../support/test-redis';
import { testClock } from '../support/test-stack';
import { runTsChild } from '../store/support/ts-child';
import { gql } from './gateway-gql';
import { tesselysEnv } from '../support/simulator-env';

const ADMIN_KEY = 'announce-admin-key-0123456789';
const LEADS = '{ leads(filter: { provider: TESSELYS }) { totalCount } }';

let defaultSim: TesselysSimulator;
let acmeSim: TesselysSimulator;
const clock = testClock();

beforeAll(async () => {
  defaultSim = await startTesselysSimulator({ now: clock.now, leadCount: 3 });
  acmeSim = await startTesselysSimulator({
    now: clock.now,
    seed: 7,
    leadCount: 6,
    accessToken: 'announce-acme-access',
    companyToken: 'announce-acme-company',
  });
});
afterAll(() => Promise.all([defaultSim?.close(), acmeSim?.close()]));

describe.each(['postgres', 'redis'] as const)('over %s', (transport) => {
  test('a key revoked on one replica is refused by the other at once; credentials set and removed on one are picked up by the other', async () => {
    const store = await testStoreEnv('postgres');
    const redis = transport === 'redis' ? await testRedisPrefix() : undefined;
    const logs = captureLogs();
    const gateways: RunningGateway[] = [];
    try {
      const replica = async () => {
        const gateway = await startGateway({
          env: {
            NODE_ENV: 'test',
            ...store.env,
            ...(redis ? { REDIS_URL: REDIS_TEST_URL, REDIS_KEY_PREFIX: redis.prefix } : {}),
            API_KEYS: JSON.stringify([{ name: 'admin', key: ADMIN_KEY, scopes: ['tenants:admin'] }]),
            ...tesselysEnv(defaultSim),
          } as NodeJS.ProcessEnv,
          port: 0,
          logger: logs.logger,
          now: clock.now,
          apiKeyCacheMs: 5_000,
          tenantSyncMs: 3_600_000,
        });
        gateways.push(gateway);
        return gateway;
      };
      const [first, second] = [await replica(), await replica()];
      if (!redis)
        await eventually(
          'both listening',
          () => logs.records().filter((r) => r.msg === 'announcements: listening to PostgreSQL').length === 2,
        );
      else
        await eventually(
          'both subscribed',
          () => logs.records().filter((r) => r.msg === 'announcements: subscribed to Redis').length === 2,
        );

      await gql(first, ADMIN_KEY, 'mutation { createTenant(slug: "acme", name: "Acme") { slug } }');
      const created = await gql(
        first,
        ADMIN_KEY,
        'mutation { createApiKey(tenant: "acme", name: "r", scopes: [LEADS_READ]) { secret apiKey { id } } }',
      );
      const { secret, apiKey } = created.data.createApiKey as { secret: string; apiKey: { id: string } };
      // The second replica has the key cached (no provider yet: acme has no credentials).
      expect((await gql(second, secret, '{ providers { provider configured } }')).status).toBe(200);

      // Credentials set on the first: the second connects them on the announcement (its sync is an hour away).
      const set = await gql(
        first,
        ADMIN_KEY,
        'mutation($input: ProviderCredentialsInput!) { setProviderCredentials(tenant: "acme", provider: TESSELYS, input: $input) { slug } }',
        { input: { baseUrl: acmeSim.url, ...acmeSim.credentials } },
      );
      expect(set.errors).toBeUndefined();
      await eventually('the second replica connected acme', async () => (await gql(second, secret, LEADS)).data?.leads?.totalCount === 6);

      await gql(first, ADMIN_KEY, 'mutation { removeProviderCredentials(tenant: "acme", provider: TESSELYS) { slug } }');
      await eventually('the second replica disconnected acme', async () => {
        const providers = (await gql(second, secret, '{ providers { provider configured } }')).data?.providers as unknown[];
        return providers.some((p) => JSON.stringify(p) === JSON.stringify({ provider: 'TESSELYS', configured: false }));
      });

      // Revoked on the first; the clock is frozen, so only the announcement can end the second's cache entry.
      expect(
        (await gql(first, ADMIN_KEY, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: apiKey.id })).errors,
      ).toBeUndefined();
      await eventually('the second replica refuses the revoked key', async () => (await gql(second, secret, LEADS)).status === 401);
      expect((await gql(first, secret, LEADS)).status).toBe(401);

      // `npm run tenants -- revoke-key` announces too: both replicas refuse at once.
      const other = await gql(
        first,
        ADMIN_KEY,
        'mutation { createApiKey(tenant: "acme", name: "r2", scopes: [LEADS_READ]) { secret apiKey { id } } }',
      );
      const { secret: otherSecret, apiKey: otherKey } = other.data.createApiKey as { secret: string; apiKey: { id: string } };
      for (const gateway of [first, second]) expect((await gql(gateway, otherSecret, '{ providers { provider } }')).status).toBe(200);
      const cli = runTsChild('../../../src/tenants/tenants-main.ts', ['revoke-key', otherKey.id], {
        ...store.env,
        ...(redis ? { REDIS_URL: REDIS_TEST_URL, REDIS_KEY_PREFIX: redis.prefix } : {}),
      });
      expect(await cli.exited).toBe(0);
      await eventually('both replicas refuse the key revoked from the shell', async () =>
        (await Promise.all([first, second].map((gateway) => gql(gateway, otherSecret, '{ providers { provider } }')))).every(
          (answer) => answer.status === 401,
        ),
      );

      const lines = logs.lines.join('\n');
      for (const value of [secret, ADMIN_KEY, acmeSim.credentials.accessToken, acmeSim.credentials.companyToken])
        expect(lines).not.toContain(value);
    } finally {
      for (const gateway of gateways) await gateway.close();
      await store.remove();
      await redis?.clean();
    }
  }, 30_000);
});
