/**
 * Canonical JSON and the request fingerprint of an idempotency key: object keys sorted (by UTF-16
 * code unit, like RFC 8785), no whitespace, `undefined` members dropped as JSON.stringify drops
 * them. Two requests that differ only in key order or spacing get the same fingerprint; any
 * other difference gets another one.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

/** SHA-256 (hex) of the operation name and the canonical JSON of its input. */
export function requestFingerprint(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\0').update(canonicalJson(input)).digest('hex');
}
