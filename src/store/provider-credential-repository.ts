/**
 * A tenant's credentials for one provider, encrypted at rest (data-cipher.ts) and bound to tenant
 * and provider: a value copied to another tenant's row does not decrypt. What is stored is the
 * credentials object as given (string fields only); nothing here ever logs it.
 */
import type { StoreContext } from './store-context';

export type StoredCredentials = Record<string, string>;

export interface ProviderCredentialsRow {
  tenant: string;
  provider: string;
  credentials: StoredCredentials;
  /** Opaque; changes each time the credentials are set (versions()). */
  version: string;
  updatedAt: Date;
}

export class ProviderCredentialRepository {
  constructor(private readonly context: StoreContext) {}

  /**
   * Saves (or replaces) the tenant's credentials for the provider; committed when this resolves.
   * Returns the stored value's version (see versions()).
   */
  async set(tenant: string, provider: string, credentials: StoredCredentials): Promise<string> {
    const values = {
      credentials: this.context.cipher.encryptJson(credentials, credentialsContext(tenant, provider)),
      updated_at: this.context.clock(),
    };
    await this.context.db
      .insertInto('provider_credentials')
      .values({ tenant, provider, ...values })
      .onConflict((conflict) => conflict.columns(['tenant', 'provider']).doUpdateSet(values))
      .execute();
    return values.credentials;
  }

  /**
   * Every tenant × provider with an opaque version that changes whenever its credentials are set
   * again (the ciphertext: a fresh IV each time), without decrypting anything: replicas compare it
   * to what they connected. Never log it.
   */
  async versions(): Promise<Array<{ tenant: string; provider: string; version: string }>> {
    const rows = await this.context.db.selectFrom('provider_credentials').select(['tenant', 'provider', 'credentials']).execute();
    return rows.map((row) => ({ tenant: row.tenant, provider: row.provider, version: row.credentials }));
  }

  /** True when there was something to remove. */
  async remove(tenant: string, provider: string): Promise<boolean> {
    const result = await this.context.db
      .deleteFrom('provider_credentials')
      .where('tenant', '=', tenant)
      .where('provider', '=', provider)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async get(tenant: string, provider: string): Promise<ProviderCredentialsRow | undefined> {
    const row = await this.context.db
      .selectFrom('provider_credentials')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('provider', '=', provider)
      .executeTakeFirst();
    return row ? this.toRow(row) : undefined;
  }

  /** Every tenant's credentials (for connecting them at start-up), by tenant then provider. */
  async listAll(): Promise<ProviderCredentialsRow[]> {
    const rows = await this.context.db.selectFrom('provider_credentials').selectAll().orderBy('tenant').orderBy('provider').execute();
    return rows.map((row) => this.toRow(row));
  }

  private toRow(row: { tenant: string; provider: string; credentials: string; updated_at: number }): ProviderCredentialsRow {
    return {
      tenant: row.tenant,
      provider: row.provider,
      credentials: this.context.cipher.decryptJson<StoredCredentials>(row.credentials, credentialsContext(row.tenant, row.provider)),
      version: row.credentials,
      updatedAt: new Date(Number(row.updated_at)),
    };
  }
}

function credentialsContext(tenant: string, provider: string): string {
  return `provider_credentials.credentials/${tenant}/${provider}`;
}
