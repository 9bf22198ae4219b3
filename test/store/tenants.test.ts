/**
 * Tenants, API keys and provider credentials in the store, the same on both stores: slugs are
 * unique, keys are found by digest and stay revoked, credentials are encrypted and bound to their
 * tenant and provider.
 */
import { createHash } from 'node:crypto';
import { silentLogger } from '../../src/logging/logger';
import { ApiKeyRegistry, parseApiKeys } from '../../src/security/api-keys';
import { TenantKeyIdentifier } from '../../src/tenants/tenant-key-identifier';
import { describeEachStore, TestClock } from './support/store-targets';

const digestOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

describeEachStore('tenants in the store', (target) => {
  beforeEach(() => target().reset());

  test('a slug can be created once; tenants list oldest first', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    expect(await store.tenants.create('acme', 'Acme')).toBe(true);
    clock.advance(1000);
    expect(await store.tenants.create('beta-co', 'Beta')).toBe(true);
    expect(await store.tenants.create('acme', 'Another Acme')).toBe(false);
    expect(await store.tenants.list()).toEqual([
      { slug: 'acme', name: 'Acme', createdAt: new Date(clock.now - 1000) },
      { slug: 'beta-co', name: 'Beta', createdAt: new Date(clock.now) },
    ]);
    expect(await store.tenants.get('nope')).toBeUndefined();
  });

  test('api keys are found by digest, listed per tenant, and revocation sticks at its first time', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    const created = await store.apiKeys.create({
      id: 'k1',
      tenant: 'acme',
      name: 'site',
      prefix: 'lgk_abcd',
      digest: digestOf('secret-1'),
      scopes: ['leads:submit'],
    });
    await store.apiKeys.create({
      id: 'k2',
      tenant: 'beta',
      name: 'ops',
      prefix: 'lgk_efgh',
      digest: digestOf('secret-2'),
      scopes: ['leads:read'],
    });
    expect(await store.apiKeys.findByDigest(digestOf('secret-1'))).toEqual(created);
    expect(await store.apiKeys.findByDigest(digestOf('unknown'))).toBeUndefined();
    expect((await store.apiKeys.list('acme')).map((key) => key.id)).toEqual(['k1']);

    clock.advance(5000);
    const revokedAt = new Date(clock.now);
    expect((await store.apiKeys.revoke('k1'))?.revokedAt).toEqual(revokedAt);
    clock.advance(5000);
    expect((await store.apiKeys.revoke('k1'))?.revokedAt).toEqual(revokedAt);
    expect(await store.apiKeys.revoke('missing')).toBeUndefined();
    await store.apiKeys.touch('k2');
    expect((await store.apiKeys.get('k2'))?.lastUsedAt).toEqual(new Date(clock.now));
    // Nothing stored is the secret.
    const rows = await store.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('secret-1');
  });

  test('provider credentials are encrypted, replaced, removed, and do not decrypt under another tenant', async () => {
    const store = await target().open();
    await store.providerCredentials.set('acme', 'TESSELYS', { accessToken: 'access-token-acme', companyToken: 'company-acme' });
    await store.providerCredentials.set('acme', 'TESSELYS', { accessToken: 'access-token-acme-2', companyToken: 'company-acme-2' });
    await store.providerCredentials.set('beta', 'KEYSPOT', { clientId: 'beta-client', clientSecret: 'beta-client-secret' });
    expect((await store.providerCredentials.get('acme', 'TESSELYS'))?.credentials).toEqual({
      accessToken: 'access-token-acme-2',
      companyToken: 'company-acme-2',
    });
    expect((await store.providerCredentials.listAll()).map((row) => [row.tenant, row.provider])).toEqual([
      ['acme', 'TESSELYS'],
      ['beta', 'KEYSPOT'],
    ]);
    const raw = await store.db.selectFrom('provider_credentials').selectAll().execute();
    expect(JSON.stringify(raw)).not.toMatch(/access-token-acme|beta-client-secret/);

    // A ciphertext copied into another tenant's row is refused, not read as theirs.
    const acme = raw.find((row) => row.tenant === 'acme')!;
    await store.db.updateTable('provider_credentials').set({ credentials: acme.credentials }).where('tenant', '=', 'beta').execute();
    await expect(store.providerCredentials.get('beta', 'KEYSPOT')).rejects.toThrow('could not be decrypted');

    expect(await store.providerCredentials.remove('acme', 'TESSELYS')).toBe(true);
    expect(await store.providerCredentials.remove('acme', 'TESSELYS')).toBe(false);
    expect(await store.providerCredentials.get('acme', 'TESSELYS')).toBeUndefined();
  });

  test('the caller identifier: API_KEYS first, then stored keys; a revocation elsewhere is seen within 5 s whatever cacheMs asks', async () => {
    const clock = new TestClock();
    const store = await target().open({ clock });
    const configured = new ApiKeyRegistry(
      parseApiKeys(JSON.stringify([{ name: 'env', key: 'env-key-0123456789abcdef', scopes: ['leads:read'] }])).entries,
    );
    const identifier = new TenantKeyIdentifier(configured, store.apiKeys, { now: clock.read, cacheMs: 60_000, logger: silentLogger() });
    await store.apiKeys.create({
      id: 'k1',
      tenant: 'acme',
      name: 'site',
      prefix: 'lgk_abcd',
      digest: digestOf('tenant-secret-1'),
      scopes: ['leads:submit', 'bogus'],
    });

    expect(await identifier.identify('env-key-0123456789abcdef')).toMatchObject({ name: 'env', tenant: 'default' });
    const caller = await identifier.identify('tenant-secret-1');
    expect(caller).toMatchObject({ name: 'key:k1', tenant: 'acme', anonymous: false });
    expect([...caller!.scopes]).toEqual(['leads:submit']);
    expect(await identifier.identify('no-such-key')).toBeUndefined();

    await store.apiKeys.revoke('k1');
    clock.advance(5_000);
    expect(await identifier.identify('tenant-secret-1')).toBeUndefined();
  });
});
