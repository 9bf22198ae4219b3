/**
 * The store's variables (DESIGN.md Part 2, "The store" and "Idempotency"), read apart from the
 * rest of the configuration so the gateway's loader only adds one call. Like every other variable,
 * a bad value is reported on one line naming the variable, never echoing the value: DATABASE_URL
 * holds a password and LEADGRAPH_DATA_KEY is the key to every stored lead.
 */
import { resolve } from 'node:path';
import { wholeNumberReader } from '../config/whole-number-variable';

export interface StoreConfig {
  /** PostgreSQL connection string; unset means the embedded SQLite file in `dataDir`. */
  databaseUrl?: string;
  /** Where the SQLite files (and, without LEADGRAPH_DATA_KEY, the local key file) live; absolute. */
  dataDir: string;
  /** The 32-byte AES-256-GCM key from LEADGRAPH_DATA_KEY (its first entry), when set: it encrypts every new value. */
  dataKey?: Buffer;
  /** The further entries of LEADGRAPH_DATA_KEY: they only decrypt (values written before a key rotation). */
  previousDataKeys?: Buffer[];
  leadRetentionDays: number;
  idempotencyTtlHours: number;
  submissionMaxAgeHours: number;
  /** STORE_GROUP_COMMIT_MS: how long an idempotency batch may wait for more keys under steady load. */
  groupCommitMs: number;
}

export interface StoreConfigResult {
  config: StoreConfig;
  /** One line per bad variable, naming it. */
  problems: string[];
}

export const DEFAULT_DATA_DIR = './data';
export const DATA_KEY_BYTES = 32;
/** Measured: docs/decisions/idempotency.md, "Stop 26" (the gathering window and its quiet rule). */
export const DEFAULT_GROUP_COMMIT_MS = 20;

/**
 * Reads the store's variables. `nodeEnv` decides whether a missing LEADGRAPH_DATA_KEY is a problem
 * (production) or means a local key file (development, test, demo): see dataKeyProblem.
 */
export function readStoreConfig(env: NodeJS.ProcessEnv, nodeEnv: string, cwd: string = process.cwd()): StoreConfigResult {
  const problems: string[] = [];
  const whole = wholeNumberReader(env, problems);

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl))
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL with a host (leave it unset for the embedded SQLite store)');

  const dataDirText = env.LEADGRAPH_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  if (dataDirText.includes('\0')) problems.push('LEADGRAPH_DATA_DIR must be a directory path');

  const keyText = env.LEADGRAPH_DATA_KEY?.trim() || undefined;
  const keys = keyText === undefined ? undefined : decodeDataKeyList(keyText);
  if (keyText !== undefined && keys === undefined)
    problems.push(
      `LEADGRAPH_DATA_KEY must be ${DATA_KEY_BYTES} bytes in base64 (e.g. the output of: openssl rand -base64 32), or a comma-separated list of such keys (the first encrypts, all decrypt)`,
    );
  const [dataKey, ...previousDataKeys] = keys ?? [];

  const config: StoreConfig = {
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    dataDir: resolve(cwd, dataDirText),
    ...(dataKey !== undefined ? { dataKey } : {}),
    ...(previousDataKeys.length > 0 ? { previousDataKeys } : {}),
    leadRetentionDays: whole('LEAD_RETENTION_DAYS', 90, 1, 36_500, 'days'),
    idempotencyTtlHours: whole('IDEMPOTENCY_TTL_HOURS', 24, 1, 8_760, 'hours'),
    submissionMaxAgeHours: whole('SUBMISSION_MAX_AGE_HOURS', 72, 1, 8_760, 'hours'),
    groupCommitMs: whole('STORE_GROUP_COMMIT_MS', DEFAULT_GROUP_COMMIT_MS, 0, 100, 'milliseconds'),
  };
  const keyProblem = keyText === undefined ? dataKeyProblem(config, nodeEnv) : undefined;
  if (keyProblem) problems.push(keyProblem);
  return { config, problems };
}

/**
 * Production refuses to start without LEADGRAPH_DATA_KEY: a key file made on the fly would sit on
 * the same disk as the data it protects and vanish with the container. Returns the problem line,
 * or undefined when the configuration may start.
 */
export function dataKeyProblem(config: Pick<StoreConfig, 'dataKey'>, nodeEnv: string): string | undefined {
  if (config.dataKey || nodeEnv !== 'production') return undefined;
  return `LEADGRAPH_DATA_KEY is required in production (${DATA_KEY_BYTES} bytes in base64) to encrypt personal data at rest`;
}

/** The secrets among the store's variables, for the gateway's redaction list (errors/known-secrets.ts). */
export function storeSecretsInEnv(env: NodeJS.ProcessEnv): string[] {
  const secrets: string[] = [];
  const key = env.LEADGRAPH_DATA_KEY?.trim();
  if (key)
    secrets.push(
      key,
      ...key
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    );
  const url = env.DATABASE_URL?.trim();
  if (url) {
    secrets.push(url);
    try {
      const password = decodeURIComponent(new URL(url).password);
      if (password) secrets.push(password);
    } catch {
      // A malformed URL is reported by readStoreConfig without quoting it.
    }
  }
  return secrets;
}

function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * LEADGRAPH_DATA_KEY as a key list: comma-separated base64 keys, current first (rotation: the new
 * key goes first, the old ones stay after it until `npm run tenants -- reencrypt` has run). Undefined
 * when any entry is empty or not a key, so a typo never silently drops a key.
 */
export function decodeDataKeyList(text: string): Buffer[] | undefined {
  const keys = text.split(',').map((entry) => decodeDataKey(entry.trim()));
  return keys.every((key) => key !== undefined) ? (keys as Buffer[]) : undefined;
}

/** The key bytes, or undefined when the text is not base64 of exactly DATA_KEY_BYTES bytes. */
export function decodeDataKey(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === DATA_KEY_BYTES ? bytes : undefined;
}
