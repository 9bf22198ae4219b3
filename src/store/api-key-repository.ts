/**
 * Tenant API keys (DESIGN.md Part 2, "Tenants"): only a SHA-256 digest of each secret is kept,
 * with a short visible prefix. A key is looked up by the digest of what a caller presents; a
 * revoked key stays (for the audit trail) with `revokedAt` set and never identifies anyone again.
 */
import type { Selectable } from 'kysely';
import type { ApiKeyTable } from './database-schema';
import type { StoreContext } from './store-context';

export interface ApiKeyRow {
  id: string;
  tenant: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewApiKey {
  id: string;
  tenant: string;
  name: string;
  prefix: string;
  /** SHA-256 of the secret, hex. */
  digest: string;
  scopes: readonly string[];
}

export class ApiKeyRepository {
  constructor(private readonly context: StoreContext) {}

  async create(key: NewApiKey): Promise<ApiKeyRow> {
    const row = {
      id: key.id,
      tenant: key.tenant,
      name: key.name,
      prefix: key.prefix,
      digest: key.digest,
      scopes: JSON.stringify(key.scopes),
      created_at: this.context.clock(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.context.db.insertInto('api_keys').values(row).execute();
    return toRow(row);
  }

  /** The key whose secret has this digest (revoked or not), or undefined. */
  async findByDigest(digest: string): Promise<ApiKeyRow | undefined> {
    const row = await this.context.db.selectFrom('api_keys').selectAll().where('digest', '=', digest).executeTakeFirst();
    return row ? toRow(row) : undefined;
  }

  async get(id: string): Promise<ApiKeyRow | undefined> {
    const row = await this.context.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRow(row) : undefined;
  }

  /** A tenant's keys, oldest first, revoked ones included. */
  async list(tenant: string): Promise<ApiKeyRow[]> {
    const rows = await this.context.db
      .selectFrom('api_keys')
      .selectAll()
      .where('tenant', '=', tenant)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toRow);
  }

  /** Revokes the key (the first revocation time is kept); undefined when there is no such key. */
  async revoke(id: string): Promise<ApiKeyRow | undefined> {
    await this.context.db
      .updateTable('api_keys')
      .set({ revoked_at: this.context.clock() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    return this.get(id);
  }

  /** Records a use of the key now. */
  async touch(id: string): Promise<void> {
    await this.context.db.updateTable('api_keys').set({ last_used_at: this.context.clock() }).where('id', '=', id).execute();
  }
}

function toRow(row: Selectable<ApiKeyTable>): ApiKeyRow {
  return {
    id: row.id,
    tenant: row.tenant,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: new Date(Number(row.created_at)),
    lastUsedAt: row.last_used_at === null ? null : new Date(Number(row.last_used_at)),
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)),
  };
}
