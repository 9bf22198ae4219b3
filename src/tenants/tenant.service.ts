/**
 * Tenant administration without any request (the admin GraphQL API and the CLI both call it):
 * tenants, their provider credentials and their API keys in the store, and the provider
 * connections in the ProviderDirectory kept in step with the stored credentials.
 *
 * Contracts:
 * - The tenant `default` is the environment configuration: it is always listed, its slug is
 *   taken, and its providers come from the environment only.
 * - Credentials set or removed on another replica are picked up by syncProvider() when announced
 *   (onCredentialsChanged on the replica that changed them) and by syncFromStore() (the gateway
 *   runs it every few seconds) whatever was missed.
 * - setProviderCredentials saves nothing unless the provider accepts the credentials (probe());
 *   then the tenant's connection is replaced (the old one closed). Calls for one tenant and
 *   provider run one at a time, so the store and the directory end with the same credentials.
 * - Credentials are never returned, logged or put in an error; their secret fields are registered
 *   for redaction the moment they are seen.
 * - A key's secret is returned once, by createApiKey; only its SHA-256 digest is stored.
 */
import { randomUUID } from 'node:crypto';
import { BadUserInputError } from '../errors/bad-user-input.error';
import { registerSecrets } from '../errors/known-secrets';
import type { LeadProvider } from '../leads/enums/lead-provider.enum';
import type { Logger } from '../logging/logger';
import type { ProviderDeps, ProviderModule } from '../providers/provider-adapter';
import type { ProviderDirectory, ProviderStatus } from '../providers/provider-directory';
import { DEFAULT_TENANT } from './default-tenant';
import { SharedProviderPools } from '../providers/provider-pools';
import { Scope } from '../security/scopes';
import type { Store } from '../store';
import type { ApiKeyRow } from '../store/api-key-repository';
import type { ProviderCredentialsRow, StoredCredentials } from '../store/provider-credential-repository';
import { newApiKeySecret } from './api-key-secret';
import { configFromCredentials, credentialsOf, SECRET_CREDENTIAL_FIELDS, type CredentialField } from './provider-credentials';

export const TENANT_SLUG = /^[a-z0-9-]{2,40}$/;
const KEY_NAME = /^[\w .:-]{1,64}$/;
const MAX_TENANT_NAME = 200;

export interface TenantView {
  slug: string;
  name: string;
  createdAt: Date;
  providers: ProviderStatus[];
  apiKeys: ApiKeyRow[];
}

export interface CreatedKey {
  apiKey: ApiKeyRow;
  secret: string;
}

export interface TenantServiceDeps {
  store: Store;
  directory: ProviderDirectory;
  modules: readonly ProviderModule<any>[];
  providerDeps: ProviderDeps;
  logger: Logger;
  /** Told when a key is revoked, so this replica stops accepting it at once (and tells the others). */
  onRevoked?: (keyId: string) => void;
  /** Told when a tenant's credentials for a provider were set or removed here (to tell the other replicas). */
  onCredentialsChanged?: (tenant: string, provider: LeadProvider) => void;
}

export class TenantService {
  /** Pools for probing credentials before they are saved (kept apart from the directory's). */
  private readonly probePools: SharedProviderPools;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** `<tenant>/<provider>` → the stored version this process connected. */
  private readonly connected = new Map<string, string>();

  constructor(private readonly deps: TenantServiceDeps) {
    const resilience = deps.providerDeps.resilience;
    this.probePools = new SharedProviderPools({ timeoutMs: resilience?.timeoutMs, maxBodyBytes: resilience?.maxBodyBytes });
  }

  /** Makes sure `default` is stored (so `tenants` lists it and its slug is taken). */
  async ensureDefaultTenant(): Promise<void> {
    await this.deps.store.tenants.create(DEFAULT_TENANT, 'Default (environment configuration)');
  }

  /** Makes sure `default` is stored, then connects every stored tenant's providers (start-up). */
  async start(): Promise<void> {
    await this.ensureDefaultTenant();
    for (const row of await this.deps.store.providerCredentials.listAll()) await this.connectStored(row);
  }

  /**
   * Brings this process's connections in line with the store (credentials set or removed on
   * another replica): reconnects what changed, disconnects what was removed. The gateway calls it
   * periodically; returns how many connections changed.
   */
  async syncFromStore(): Promise<number> {
    const versions = await this.deps.store.providerCredentials.versions();
    const stored = new Map(versions.map(({ tenant, provider, version }) => [`${tenant}/${provider}`, { tenant, provider, version }]));
    let changed = 0;
    for (const { tenant, provider, version } of stored.values())
      if (
        tenant !== DEFAULT_TENANT &&
        this.connected.get(`${tenant}/${provider}`) !== version &&
        (await this.syncProvider(tenant, provider as LeadProvider))
      )
        changed += 1;
    for (const key of [...this.connected.keys()].filter((k) => !stored.has(k))) {
      const [tenant, provider] = key.split('/') as [string, LeadProvider];
      if (await this.syncProvider(tenant, provider)) changed += 1;
    }
    return changed;
  }

  /**
   * Brings one tenant × provider in line with the store (an announcement said it changed, or the
   * periodic sync saw it): connects the stored credentials if they differ from the connected ones,
   * disconnects when they are gone. True when the connection changed.
   */
  async syncProvider(tenant: string, provider: LeadProvider): Promise<boolean> {
    if (tenant === DEFAULT_TENANT) return false;
    const key = `${tenant}/${provider}`;
    return this.serial(key, async () => {
      const row = await this.deps.store.providerCredentials.get(tenant, provider);
      if (row) {
        if (this.connected.get(key) === row.version || !(await this.connectStored(row))) return false;
        this.deps.logger.info({ tenant, provider }, 'provider credentials synced');
        return true;
      }
      if (!this.connected.has(key)) return false;
      this.connected.delete(key);
      await this.deps.directory.disconnect(tenant, provider);
      this.deps.logger.info({ tenant, provider }, 'provider credentials removed elsewhere: disconnected');
      return true;
    });
  }

  /** Connects one stored row; false (logged, never thrown) when it no longer makes a configuration. */
  private async connectStored(row: ProviderCredentialsRow): Promise<boolean> {
    const module = this.deps.modules.find((candidate) => candidate.provider === row.provider);
    if (!module || row.tenant === DEFAULT_TENANT) return false;
    registerCredentialSecrets(row.credentials);
    try {
      await this.deps.directory.connect(row.tenant, module, configFromCredentials(module, row.credentials), { demo: false });
      this.connected.set(`${row.tenant}/${row.provider}`, row.version);
      return true;
    } catch (error) {
      // One tenant's stored credentials no longer valid (a provider's rules changed) never stop the gateway.
      this.deps.logger.error(
        { tenant: row.tenant, provider: row.provider, code: codeOf(error) },
        'stored provider credentials not connected',
      );
      return false;
    }
  }

  /** Every tenant: `default` first, then oldest first (ties by slug). */
  async list(): Promise<TenantView[]> {
    const rows = await this.deps.store.tenants.list();
    // `default` is created on first use, often in the same millisecond as the first tenant, so
    // creation time alone cannot put it first.
    const ordered = [...rows.filter((row) => row.slug === DEFAULT_TENANT), ...rows.filter((row) => row.slug !== DEFAULT_TENANT)];
    return Promise.all(ordered.map((row) => this.view(row)));
  }

  async createTenant(slug: string, name: string): Promise<TenantView> {
    if (!TENANT_SLUG.test(slug)) throw BadUserInputError.of('slug', 'must be 2 to 40 of a-z, 0-9 and -');
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > MAX_TENANT_NAME) throw BadUserInputError.of('name', `must be 1 to ${MAX_TENANT_NAME} characters`);
    if (!(await this.deps.store.tenants.create(slug, trimmed))) throw BadUserInputError.of('slug', 'is already taken');
    return this.get(slug);
  }

  async setProviderCredentials(
    tenant: string,
    provider: LeadProvider,
    input: Partial<Record<CredentialField, string | null | undefined>>,
  ): Promise<TenantView> {
    const credentials = credentialsOf(input);
    registerCredentialSecrets(credentials);
    await this.requireTenant(tenant);
    if (tenant === DEFAULT_TENANT) throw BadUserInputError.of('tenant', 'default takes its provider credentials from the environment');
    const module = this.module(provider);
    const config = configFromCredentials(module, credentials);
    await this.serial(`${tenant}/${provider}`, async () => {
      await this.probe(tenant, module, config);
      const version = await this.deps.store.providerCredentials.set(tenant, provider, credentials);
      await this.deps.directory.connect(tenant, module, config, { demo: false });
      this.connected.set(`${tenant}/${provider}`, version);
      this.deps.logger.info({ tenant, provider }, 'provider credentials set');
    });
    this.deps.onCredentialsChanged?.(tenant, provider);
    return this.get(tenant);
  }

  async removeProviderCredentials(tenant: string, provider: LeadProvider): Promise<TenantView> {
    await this.requireTenant(tenant);
    if (tenant === DEFAULT_TENANT) throw BadUserInputError.of('tenant', 'default takes its provider credentials from the environment');
    await this.serial(`${tenant}/${provider}`, async () => {
      await this.deps.store.providerCredentials.remove(tenant, provider);
      this.connected.delete(`${tenant}/${provider}`);
      await this.deps.directory.disconnect(tenant, provider);
      this.deps.logger.info({ tenant, provider }, 'provider credentials removed');
    });
    this.deps.onCredentialsChanged?.(tenant, provider);
    return this.get(tenant);
  }

  async createApiKey(tenant: string, name: string, scopes: readonly Scope[]): Promise<CreatedKey> {
    await this.requireTenant(tenant);
    if (!KEY_NAME.test(name)) throw BadUserInputError.of('name', 'must be 1 to 64 letters, digits, spaces, . _ : -');
    if (scopes.length === 0) throw BadUserInputError.of('scopes', 'must name at least one scope');
    // An admin key administers every tenant: only an operator's API_KEYS entry may hold that scope.
    if (scopes.includes(Scope.ADMIN)) throw BadUserInputError.of('scopes', 'TENANTS_ADMIN is only for API_KEYS entries');
    const { secret, prefix, digest } = newApiKeySecret();
    const apiKey = await this.deps.store.apiKeys.create({ id: randomUUID(), tenant, name, prefix, digest, scopes: [...new Set(scopes)] });
    this.deps.logger.info({ tenant, keyId: apiKey.id, prefix }, 'api key created');
    return { apiKey, secret };
  }

  async revokeApiKey(id: string): Promise<ApiKeyRow> {
    const revoked = await this.deps.store.apiKeys.revoke(id);
    if (!revoked) throw BadUserInputError.of('id', 'is no API key');
    this.deps.onRevoked?.(id);
    this.deps.logger.info({ tenant: revoked.tenant, keyId: id }, 'api key revoked');
    return revoked;
  }

  async close(): Promise<void> {
    await this.probePools.close();
  }

  private async get(slug: string): Promise<TenantView> {
    const row = await this.requireTenant(slug);
    return this.view(row);
  }

  private async view(row: { slug: string; name: string; createdAt: Date }): Promise<TenantView> {
    return { ...row, providers: this.deps.directory.statuses(row.slug), apiKeys: await this.deps.store.apiKeys.list(row.slug) };
  }

  private async requireTenant(slug: string): Promise<{ slug: string; name: string; createdAt: Date }> {
    const row = await this.deps.store.tenants.get(slug);
    if (!row) throw BadUserInputError.of('tenant', 'is no tenant');
    return row;
  }

  private module(provider: LeadProvider): ProviderModule<any> {
    const module = this.deps.modules.find((candidate) => candidate.provider === provider);
    if (!module) throw BadUserInputError.of('provider', 'is not a provider this gateway knows');
    return module;
  }

  /** A throwaway connection with these credentials, probed once; rejects with the provider's error (PROVIDER_AUTH_FAILED when refused). */
  private async probe<TConfig>(tenant: string, module: ProviderModule<TConfig>, config: TConfig): Promise<void> {
    const deps = { ...this.deps.providerDeps, logger: this.deps.logger.child({ tenant }) };
    const connection = module.connect(config, deps, { demo: false, pools: this.probePools });
    try {
      await connection.probe();
    } finally {
      await connection.close();
    }
  }

  private serial<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(key, next);
    void next
      .finally(() => {
        if (this.queues.get(key) === next) this.queues.delete(key);
      })
      .catch(() => undefined);
    return next;
  }
}

function registerCredentialSecrets(credentials: StoredCredentials): void {
  registerSecrets(SECRET_CREDENTIAL_FIELDS.map((field) => credentials[field]));
}

function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}
