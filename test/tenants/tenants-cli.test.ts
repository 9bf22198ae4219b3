/**
 * `npm run tenants -- <command>` in real child processes on a real SQLite store and a real
 * Tesselys simulator: create, set-credentials (checked with the provider; stdin only), create-key
 * (secret printed once), list (no secret), revoke-key, refusals with exit 1 and no secret, and
 * reencrypt after a LEADGRAPH_DATA_KEY rotation.
 */
import { randomBytes } from 'node:crypto';
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { runTsChild } from '../store/support/ts-child';
import { testStoreEnv } from '../support/test-database';

let sim: TesselysSimulator;
let store: Awaited<ReturnType<typeof testStoreEnv>>;

beforeAll(async () => {
  sim = await startTesselysSimulator({ accessToken: 'cli-access-token-secret', companyToken: 'cli-company-token-secret' });
  store = await testStoreEnv('sqlite');
});

afterAll(async () => {
  await sim?.close();
  await store?.remove();
});

async function tenants(args: string[], stdin?: string): Promise<{ exit: number | string; out: string; err: string }> {
  const child = runTsChild('../../../src/tenants/tenants-main.ts', args, store.env, stdin);
  const exit = await child.exited;
  return { exit, out: child.lines.join('\n'), err: child.stderr() };
}

test('create, set credentials, create a key, list, revoke; refusals exit 1 without quoting a secret', async () => {
  expect(await tenants(['create', 'acme', 'Acme Ltd'])).toMatchObject({ exit: 0 });
  expect(await tenants(['create', 'acme', 'Again'])).toMatchObject({ exit: 1, err: expect.stringContaining('BAD_USER_INPUT') });

  const bad = await tenants(
    ['set-credentials', 'acme', 'TESSELYS'],
    JSON.stringify({ baseUrl: sim.url, accessToken: 'cli-access-token-secret', companyToken: 'cli-wrong-token-secret' }),
  );
  expect(bad).toMatchObject({ exit: 1, err: expect.stringContaining('PROVIDER_AUTH_FAILED') });
  expect(bad.err + bad.out).not.toContain('cli-wrong-token-secret');

  const good = await tenants(['set-credentials', 'acme', 'tesselys'], JSON.stringify({ baseUrl: sim.url, ...sim.credentials }));
  expect(good.exit).toBe(0);
  expect(JSON.parse(good.out)).toMatchObject({ slug: 'acme', providers: ['TESSELYS'] });

  const key = await tenants(['create-key', 'acme', 'website', 'leads:submit']);
  expect(key.exit).toBe(0);
  const created = JSON.parse(key.out) as { secret: string; apiKey: { id: string } };
  expect(created.secret).toMatch(/^lgk_/);

  const listed = await tenants(['list']);
  expect(listed.exit).toBe(0);
  const all = JSON.parse(listed.out) as Array<{ slug: string; providers: string[]; apiKeys: Array<{ id: string }> }>;
  expect(all.map((t) => t.slug)).toEqual(['default', 'acme']);
  expect(all[1]).toMatchObject({ providers: ['TESSELYS'], apiKeys: [{ id: created.apiKey.id }] });
  for (const secret of [created.secret, 'cli-access-token-secret', 'cli-company-token-secret'])
    expect(listed.out + listed.err).not.toContain(secret);

  const revoked = await tenants(['revoke-key', created.apiKey.id]);
  expect(JSON.parse(revoked.out)).toMatchObject({ id: created.apiKey.id, revokedAt: expect.any(String) });
  expect((await tenants(['nonsense'])).exit).toBe(2);
});

test('reencrypt after a key rotation: counts per table, idempotent, and the old key can then be dropped', async () => {
  // Runs after the test above: the store holds a tenant with Tesselys credentials under the old key.
  const oldKey = store.env.LEADGRAPH_DATA_KEY!;
  const newKey = randomBytes(32).toString('base64');
  const run = async (key: string, args: string[]): Promise<{ exit: number | string; out: string; err: string }> => {
    const child = runTsChild('../../../src/tenants/tenants-main.ts', args, { ...store.env, LEADGRAPH_DATA_KEY: key });
    return { exit: await child.exited, out: child.lines.join('\n'), err: child.stderr() };
  };

  const first = await run(`${newKey},${oldKey}`, ['reencrypt']);
  expect(first.exit).toBe(0);
  expect(JSON.parse(first.out)).toEqual({
    reencrypted: { submissions: 0, lead_records: 0, idempotency_keys: 0, provider_credentials: 1 },
  });
  expect(first.out + first.err).not.toContain('cli-access-token-secret');
  const again = await run(`${newKey},${oldKey}`, ['reencrypt']);
  expect(JSON.parse(again.out)).toMatchObject({ reencrypted: { provider_credentials: 0 } });

  const listed = await run(newKey, ['list']);
  expect(listed.exit).toBe(0);
  expect((JSON.parse(listed.out) as Array<{ slug: string; providers: string[] }>).find((t) => t.slug === 'acme')?.providers).toEqual([
    'TESSELYS',
  ]);
  const bad = await run(`${newKey},not-a-key`, ['list']);
  expect(bad).toMatchObject({ exit: 1, err: expect.stringContaining('LEADGRAPH_DATA_KEY must be') });
  expect(bad.err).not.toContain(newKey);
});
