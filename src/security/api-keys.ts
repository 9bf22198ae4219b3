/**
 * The API keys allowed to call the gateway, read from `API_KEYS`. Keys are held only as SHA-256
 * digests (an entry may give the digest instead of the key, so plain keys need not sit in
 * configuration), and a presented key is compared against every digest in constant time: neither
 * the response time nor an early exit tells a caller how close a guess was.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CallerIdentifier } from './caller-identifier';
import { DEFAULT_TENANT } from '../tenants/default-tenant';
import { isScope, type Caller, type Scope } from './scopes';

export interface ApiKeyEntry {
  name: string;
  digest: Buffer;
  scopes: ReadonlySet<Scope>;
}

/** Shorter keys are refused at start-up: they can be guessed. */
export const MIN_KEY_LENGTH = 16;
const SHA256_HEX = /^[0-9a-f]{64}$/i;
/**
 * A key must travel in an HTTP header: anything but printable ASCII (a space, an accented letter,
 * a control character) could never be presented intact, so it is a configuration mistake.
 */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Parses `API_KEYS`; problems never quote a key or digest, only the entry's position and name.
 * Empty or `[]` means no keys.
 */
export function parseApiKeys(text: string | undefined): { entries: ApiKeyEntry[]; problems: string[] } {
  const trimmed = text?.trim() ?? '';
  if (!trimmed) return { entries: [], problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    return { entries: [], problems: ['is not valid JSON'] };
  }
  if (!Array.isArray(raw)) return { entries: [], problems: ['must be a JSON array of {name, key | sha256, scopes}'] };

  const problems: string[] = [];
  const entries: ApiKeyEntry[] = [];
  const names = new Set<string>();
  const digests = new Set<string>();
  raw.forEach((item: unknown, index) => {
    const where = `entry ${index + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(`${where} must be an object`);
      return;
    }
    const { name, key, sha256: digestHex, scopes } = item as Record<string, unknown>;
    const label = typeof name === 'string' && /^[\w.:-]{1,64}$/.test(name) ? `${where} ("${name}")` : where;
    const before = problems.length;
    if (typeof name !== 'string' || !/^[\w.:-]{1,64}$/.test(name)) problems.push(`${where} needs a name of 1-64 letters, digits, . _ : -`);
    else if (names.has(name)) problems.push(`${label} repeats a name`);
    if ((key === undefined) === (digestHex === undefined)) problems.push(`${label} needs exactly one of key or sha256`);
    else if (key !== undefined && (typeof key !== 'string' || key.trim().length < MIN_KEY_LENGTH))
      problems.push(`${label} has a key shorter than ${MIN_KEY_LENGTH} characters`);
    else if (typeof key === 'string' && !PRINTABLE_ASCII.test(key.trim()))
      problems.push(`${label} has a key with characters other than printable ASCII (no spaces)`);
    else if (digestHex !== undefined && (typeof digestHex !== 'string' || !SHA256_HEX.test(digestHex.trim())))
      problems.push(`${label} has a sha256 that is not 64 hex digits`);
    if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every(isScope))
      problems.push(`${label} needs scopes, a non-empty list of leads:read, leads:write, leads:submit, tenants:admin`);
    if (problems.length > before) return;

    const digest = typeof key === 'string' ? sha256(key.trim()) : Buffer.from((digestHex as string).trim(), 'hex');
    const digestText = digest.toString('hex');
    if (digests.has(digestText)) {
      problems.push(`${label} repeats the key of another entry`);
      return;
    }
    names.add(name as string);
    digests.add(digestText);
    entries.push({ name: name as string, digest, scopes: new Set(scopes as Scope[]) });
  });
  return { entries, problems };
}

/** The keys of API_KEYS, all of the tenant `default`, held in memory. */
export class ApiKeyRegistry implements CallerIdentifier {
  constructor(private readonly entries: readonly ApiKeyEntry[]) {}

  get size(): number {
    return this.entries.length;
  }

  get open(): boolean {
    return this.entries.length === 0;
  }

  /** The caller a presented key belongs to, or undefined. Every digest is compared, always. */
  async identify(presented: string): Promise<Caller | undefined> {
    const digest = sha256(presented);
    let match: ApiKeyEntry | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(digest, entry.digest) && !match) match = entry;
    }
    return match ? { name: match.name, tenant: DEFAULT_TENANT, scopes: match.scopes, anonymous: false } : undefined;
  }
}

/** The key a request presents: `Authorization: Bearer <key>`, else `x-api-key: <key>`. */
export function presentedKey(headers: {
  authorization?: string | undefined;
  'x-api-key'?: string | string[] | undefined;
}): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer) return bearer;
  const header = headers['x-api-key'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value || undefined;
}
