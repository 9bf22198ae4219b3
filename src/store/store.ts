/**
 * An open store: the repositories Part 2 needs over one connection (a SQLite file or a PostgreSQL
 * pool), and close(). Made by openStore() (open-store.ts), which has already migrated it.
 */
import type { Kysely } from 'kysely';
import { ApiKeyRepository } from './api-key-repository';
import { reencryptStore, type ReencryptionCounts } from './data-reencryption';
import type { Database } from './database-schema';
import { IdempotencyRepository } from './idempotency-repository';
import { LeadRecordRepository } from './lead-record-repository';
import { PollLeaseRepository } from './poll-lease-repository';
import { ProviderCredentialRepository } from './provider-credential-repository';
import { RetentionPurger } from './retention-purger';
import type { StoreContext, StoreKind } from './store-context';
import { SubmissionRepository } from './submission-repository';
import { TenantRepository } from './tenant-repository';

export interface StoreLimits {
  idempotencyTtlHours: number;
  leadRetentionDays: number;
  /** STORE_GROUP_COMMIT_MS (group-commit.ts); 0 or absent: a batch never waits. */
  groupCommitMs?: number;
}

const HOUR_MS = 60 * 60 * 1000;

export class Store {
  readonly idempotency: IdempotencyRepository;
  readonly submissions: SubmissionRepository;
  readonly leadRecords: LeadRecordRepository;
  readonly retention: RetentionPurger;
  readonly tenants: TenantRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly providerCredentials: ProviderCredentialRepository;
  readonly pollLeases: PollLeaseRepository;
  private closed = false;

  constructor(
    private readonly context: StoreContext,
    limits: StoreLimits,
    /** Where the data is, for logs and /readyz: the SQLite file path or the PostgreSQL host/database (never a password). */
    readonly location: string,
    private readonly onClose?: () => void,
  ) {
    this.idempotency = new IdempotencyRepository(context, limits.idempotencyTtlHours * HOUR_MS, limits.groupCommitMs);
    this.submissions = new SubmissionRepository(context, this.idempotency);
    this.leadRecords = new LeadRecordRepository(context);
    this.retention = new RetentionPurger(context, this.idempotency, limits.leadRetentionDays);
    this.tenants = new TenantRepository(context);
    this.apiKeys = new ApiKeyRepository(context);
    this.providerCredentials = new ProviderCredentialRepository(context);
    this.pollLeases = new PollLeaseRepository(context);
  }

  get kind(): StoreKind {
    return this.context.kind;
  }

  /** The typed query layer itself, for later Part 2 repositories (tenants, API keys). */
  get db(): Kysely<Database> {
    return this.context.db;
  }

  /**
   * Rewrites every value not under the current data key with it (data-reencryption.ts): after it,
   * the previous keys can be removed from LEADGRAPH_DATA_KEY. Idempotent; counts per table.
   */
  reencrypt(batchSize?: number): Promise<ReencryptionCounts> {
    return reencryptStore(this.context.db, this.context.cipher, batchSize);
  }

  /** True when the store answers a trivial query (for /readyz). */
  async ping(): Promise<boolean> {
    try {
      await this.context.db.selectFrom('submissions').select('id').limit(1).execute();
      return true;
    } catch {
      return false;
    }
  }

  /** Closes the file or the pool; later calls do nothing. Pending queries and group commits finish first. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.idempotency.close();
    await this.context.db.destroy();
    this.onClose?.();
  }
}
