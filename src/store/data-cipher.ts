/**
 * Encryption of personal data at rest (DESIGN.md Part 2, "The store"): AES-256-GCM from node:crypto,
 * a fresh random 12-byte IV per value, the 16-byte auth tag kept with it. A stored value reads
 * `lg1.<keyId>.<base64url(iv | tag | ciphertext)>`: the key id (derived from the key, never the key)
 * lets a later key rotation decrypt old rows with the old key while writing with the new one.
 *
 * Every value is bound to a context (e.g. "submissions.input/<tenant>") as GCM associated data, so a
 * ciphertext copied into another column or another tenant's row fails to decrypt instead of
 * being read as theirs. A failed decryption throws DataDecryptionError, which says nothing of
 * the value.
 */
import { createCipheriv, createDecipheriv, createHash, randomFillSync } from 'node:crypto';
import { DATA_KEY_BYTES } from './store-config';

const FORMAT = 'lg1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** IVs drawn from the CSPRNG at once, then handed out one by one (one call instead of one per value). */
const IV_POOL_BYTES = IV_BYTES * 256;

export class DataDecryptionError extends Error {
  constructor(reason: string) {
    super(`A stored value could not be decrypted (${reason})`);
    this.name = 'DataDecryptionError';
  }
}

/** A short, stable id for a key: the first 8 hex digits of a SHA-256 over a label and the key. */
export function dataKeyId(key: Buffer): string {
  return createHash('sha256').update('leadgraph-data-key-id\0').update(key).digest('hex').slice(0, 8);
}

export class DataCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentId: string;
  private readonly ivPool = Buffer.allocUnsafeSlow(IV_POOL_BYTES);
  private ivOffset = IV_POOL_BYTES;

  /** `key` encrypts and decrypts; `previousKeys` only decrypt (rows written before a rotation). */
  constructor(key: Buffer, previousKeys: readonly Buffer[] = []) {
    for (const k of [key, ...previousKeys]) {
      if (k.length !== DATA_KEY_BYTES) throw new Error(`A data key must be ${DATA_KEY_BYTES} bytes`);
      this.keys.set(dataKeyId(k), Buffer.from(k));
    }
    this.currentId = dataKeyId(key);
  }

  get keyId(): string {
    return this.currentId;
  }

  /** True when a value written under `keyId` can be decrypted here. */
  canDecryptKeyId(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  encrypt(plaintext: string, context: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${FORMAT}.${this.currentId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** A fresh random IV: never handed out twice (each pool is refilled whole before reuse). */
  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > IV_POOL_BYTES) {
      randomFillSync(this.ivPool);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }

  decrypt(stored: string, context: string): string {
    const [format, keyId, data, extra] = stored.split('.');
    if (format !== FORMAT || !keyId || data === undefined || extra !== undefined) throw new DataDecryptionError('unknown format');
    const key = this.keys.get(keyId);
    if (!key) throw new DataDecryptionError(`no key with id ${keyId}`);
    const bytes = Buffer.from(data, 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new DataDecryptionError('truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DataDecryptionError('authentication failed: wrong key, context or tampered value');
    }
  }

  encryptJson(value: unknown, context: string): string {
    return this.encrypt(JSON.stringify(value), context);
  }

  decryptJson<T = unknown>(stored: string, context: string): T {
    return JSON.parse(this.decrypt(stored, context)) as T;
  }
}
