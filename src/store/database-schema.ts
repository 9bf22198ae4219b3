/**
 * The tables as Kysely sees them (one typed query layer over SQLite and PostgreSQL). Every time is
 * an integer of milliseconds since the epoch (bigint on PostgreSQL, read back as a number), every
 * flag an integer 0/1, every encrypted column text (data-cipher.ts): the two stores then hold and
 * compare the same values, and no query needs a dialect branch. Every row carries its tenant.
 */

export type SubmissionStatus = 'QUEUED' | 'DELIVERING' | 'DELIVERED' | 'FAILED';
export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['QUEUED', 'DELIVERING', 'DELIVERED', 'FAILED'];

export type IdempotencyState = 'IN_PROGRESS' | 'COMPLETED';

export interface IdempotencyKeyTable {
  tenant: string;
  key: string;
  operation: string;
  /** SHA-256 (hex) of the request's canonical JSON (canonical-json.ts). */
  fingerprint: string;
  state: IdempotencyState;
  /** Encrypted JSON, once COMPLETED. */
  outcome: string | null;
  /** While IN_PROGRESS: until when the holder is presumed alive. */
  locked_until: number | null;
  created_at: number;
  expires_at: number;
}

export interface SubmissionTable {
  id: string;
  tenant: string;
  provider: string;
  status: SubmissionStatus;
  /** Encrypted JSON: the validated input. */
  input: string;
  attempts: number;
  /** 1 once an attempt whose outcome was unknown has been followed by another send. */
  possible_duplicate: number;
  /** 1 while an earlier attempt's outcome is unknown (it may have reached the provider). */
  outcome_unknown: number;
  /** Set durably before a send, cleared once its outcome is recorded: set at claim time = a worker died mid-send. */
  attempt_started_at: number | null;
  last_error_code: string | null;
  /** Encrypted (a provider's message may quote the lead). */
  last_error_message: string | null;
  next_attempt_at: number | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  provider_lead_id: string | null;
  /** Encrypted JSON: the delivered lead as the provider answered. */
  lead: string | null;
  idempotency_key: string | null;
  /** Start of the current delivery run (enqueue or requeue): SUBMISSION_MAX_AGE_HOURS counts from here. */
  queued_at: number;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
}

export interface LeadRecordTable {
  tenant: string;
  provider: string;
  provider_lead_id: string;
  /** Encrypted JSON: the unified lead (contact fields, raw payload). */
  lead: string;
  /** Plain, for filtering: the unified status. */
  status: string | null;
  /** Plain, for ordering by TITLE (null for Keyspot, which has no titles). */
  title: string | null;
  /** The lead's own creation and update times, as the provider gave them. */
  created_at: number;
  updated_at: number;
  /** When the gateway last wrote the record: LEAD_RETENTION_DAYS counts from here. */
  stored_at: number;
}

export interface TenantTable {
  slug: string;
  name: string;
  created_at: number;
}

export interface ApiKeyTable {
  id: string;
  tenant: string;
  name: string;
  /** The visible start of the secret, so an operator can tell keys apart (never enough to use one). */
  prefix: string;
  /** SHA-256 (hex) of the whole secret: the secret itself is never stored. */
  digest: string;
  /** JSON array of scope names (e.g. ["leads:read"]). */
  scopes: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface ProviderCredentialsTable {
  tenant: string;
  provider: string;
  /** Encrypted JSON: the ProviderCredentialsInput as given. */
  credentials: string;
  updated_at: number;
}

export interface PollLeaseTable {
  tenant: string;
  provider: string;
  /** The process polling this tenant × provider for the change feed. */
  holder: string;
  /** Until when it holds the lease unless it renews it. */
  expires_at: number;
}

export interface Database {
  idempotency_keys: IdempotencyKeyTable;
  submissions: SubmissionTable;
  lead_records: LeadRecordTable;
  tenants: TenantTable;
  api_keys: ApiKeyTable;
  provider_credentials: ProviderCredentialsTable;
  poll_leases: PollLeaseTable;
}
