/**
 * Identifies callers from API_KEYS first (tenant `default`, in memory), then from the tenant keys
 * in the store, looked up by the SHA-256 digest of the presented key.
 *
 * Contract: an answer from the store (a caller, or "unknown") is reused for at most `cacheMs`
 * (default 2 s, never more than 5 s), so a key revoked on any replica stops working on every
 * replica sharing the store within that time; the replica that revokes forgets it at once
 * (forget()). The cache is bounded (`maxEntries`, emptied when full), so a flood of made-up keys
 * costs at most one store query each and never grows memory. While the store does not answer, a
 * key's last answer is reused past its period, and a key with none is StoreUnavailableError.
 */
import type { Logger } from '../logging/logger';
import type { CallerIdentifier } from '../security/caller-identifier';
import { isScope, type Caller } from '../security/scopes';
import type { ApiKeyRepository } from '../store/api-key-repository';
import { apiKeyDigest } from './api-key-secret';
import { StoreUnavailableError } from '../errors/store-unavailable.error';

export const MAX_KEY_CACHE_MS = 5_000;

export interface TenantKeyIdentifierOptions {
  /** Milliseconds since the epoch (injected so tests move time instead of waiting). */
  now?: () => number;
  cacheMs?: number;
  maxEntries?: number;
  logger: Logger;
}

interface CacheEntry {
  caller: Caller | undefined;
  keyId: string | undefined;
  expiresAt: number;
}

export class TenantKeyIdentifier implements CallerIdentifier {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly now: () => number;
  private readonly cacheMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly configured: CallerIdentifier,
    private readonly apiKeys: ApiKeyRepository,
    private readonly options: TenantKeyIdentifierOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.cacheMs = Math.min(options.cacheMs ?? 2_000, MAX_KEY_CACHE_MS);
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** Open exactly when API_KEYS is empty, as before tenants: tenant keys need an admin to exist. */
  get open(): boolean {
    return this.configured.open;
  }

  async identify(presented: string): Promise<Caller | undefined> {
    const fromConfig = await this.configured.identify(presented);
    if (fromConfig) return fromConfig;
    const digest = apiKeyDigest(presented);
    const now = this.now();
    const cached = this.cache.get(digest);
    if (cached && cached.expiresAt > now) return cached.caller;
    let row;
    try {
      row = await this.apiKeys.findByDigest(digest);
    } catch (error) {
      // The store is away: the last answer still stands (announced revocations have already
      // removed theirs); a key never seen cannot be told from a made-up one.
      if (cached) return cached.caller;
      throw new StoreUnavailableError((error as NodeJS.ErrnoException)?.code ?? (error as Error)?.name ?? 'UNKNOWN');
    }
    const caller: Caller | undefined =
      row && row.revokedAt === null
        ? { name: `key:${row.id}`, tenant: row.tenant, scopes: new Set(row.scopes.filter(isScope)), anonymous: false }
        : undefined;
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(digest, { caller, keyId: row?.id, expiresAt: now + this.cacheMs });
    // Recorded once per cache period, not per request; a failure to record never refuses the caller.
    if (caller && row)
      void this.apiKeys
        .touch(row.id)
        .catch((error: unknown) => this.options.logger.warn({ err: error, keyId: row.id }, 'api key use not recorded'));
    return caller;
  }

  /** Forgets what is cached for a key (on this replica), e.g. right after revoking it. */
  forget(keyId: string): void {
    for (const [digest, entry] of this.cache) if (entry.keyId === keyId) this.cache.delete(digest);
  }
}
