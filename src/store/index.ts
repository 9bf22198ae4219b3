/**
 * The store module's public face (DESIGN.md Part 2): what the gateway wires in for idempotency,
 * submitLead and lead records. Everything else in src/store is internal.
 */
export type { ApiKeyRow, NewApiKey } from './api-key-repository';
export { canonicalJson, requestFingerprint } from './canonical-json';
export { DataCipher, DataDecryptionError, dataKeyId } from './data-cipher';
export { LOCAL_KEY_FILE, resolveDataKey } from './data-key';
export { DataKeyMismatchError } from './data-key-check';
export type { SubmissionStatus } from './database-schema';
export { SUBMISSION_STATUSES } from './database-schema';
export { DEMO_SQLITE_FILE, openDemoStore } from './demo-store';
export type { IdempotencyRepository, IdempotencyRequest, Reservation } from './idempotency-repository';
export type { LeadRecord, LeadRecordInput, LeadRecordPage, LeadRecordQuery, LeadRecordRepository } from './lead-record-repository';
export { migrateToLatest } from './migrate';
export { openStore, SQLITE_FILE, type OpenStoreOptions } from './open-store';
export type { PollLeaseRepository } from './poll-lease-repository';
export type { ProviderCredentialsRow, StoredCredentials } from './provider-credential-repository';
export type { PurgeReport, RetentionPurger } from './retention-purger';
export { Store } from './store';
export { dataKeyProblem, readStoreConfig, storeSecretsInEnv, type StoreConfig, type StoreConfigResult } from './store-config';
export type { TenantRow } from './tenant-repository';
export type { StoreKind } from './store-context';
export type {
  Delivery,
  EnqueueRequest,
  EnqueueResult,
  RetryPlan,
  Submission,
  SubmissionError,
  SubmissionFilter,
  SubmissionPage,
  SubmissionPosition,
  SubmissionRepository,
} from './submission-repository';
