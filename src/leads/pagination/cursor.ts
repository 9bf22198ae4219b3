/**
 * Opaque Relay cursors for the `leads` connection. `leads` merges one sorted listing per provider,
 * so a cursor carries each provider's position at its item (how many of that provider's leads come
 * before it) and which provider the item itself came from; it also carries a fingerprint of the
 * filter, order and providers it was issued under, because positions only mean something in the
 * listing they came from.
 */
import { createHash } from 'node:crypto';

/** A cursor that cannot be used. The message is safe to show a client: it echoes at most a short preview of the input. */
export class CursorError extends Error {
  override readonly name = 'CursorError';
}

const CURSOR_VERSION = 2;
/** A real cursor over two providers is ~80 characters; anything much longer is not ours and is not worth decoding. */
const MAX_CURSOR_LENGTH = 192;
/** The most providers one cursor can hold positions for (far more than LeadGraph has). */
export const MAX_CURSOR_SOURCES = 8;
const PREVIEW_LENGTH = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

interface CursorPayload {
  v: number;
  o: number[];
  p: number;
  f: string;
}

/**
 * Where an item sits in a merged listing: `offsets[i]` is how many of source i's items come before
 * it, `source` the index of the source it came from. Its absolute position is the sum of the offsets.
 */
export interface CursorPosition {
  offsets: readonly number[];
  source: number;
}

/**
 * Stable fingerprint of a listing's scope (typically `{ filter, orderBy }`).
 * The scope is turned into canonical JSON (object keys sorted at every depth; object fields that are
 * `undefined` or `null` dropped, so "absent", "undefined" and "null" fingerprint alike; array order
 * kept), hashed with SHA-256 and rendered as the first 16 base64url characters.
 */
export function fingerprintOf(scope: unknown): string {
  const json = JSON.stringify(canonical(scope)) ?? 'null';
  return createHash('sha256').update(json).digest('base64url').slice(0, 16);
}

/**
 * Encodes an item's position and the listing's `fingerprint` as an opaque base64url cursor.
 * Throws RangeError on a negative or non-integer offset, a source index outside the offsets, or an
 * empty fingerprint (a caller bug, not user input).
 */
export function encodeCursor(position: CursorPosition, fingerprint: string): string {
  const { offsets, source } = position;
  for (const offset of offsets)
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`offset must be a non-negative integer, got ${offset}`);
  if (offsets.length === 0 || offsets.length > MAX_CURSOR_SOURCES) throw new RangeError(`a cursor holds 1..${MAX_CURSOR_SOURCES} offsets`);
  if (!Number.isInteger(source) || source < 0 || source >= offsets.length)
    throw new RangeError(`source must index the offsets, got ${source}`);
  if (fingerprint.length === 0) throw new RangeError('fingerprint must not be empty');
  const payload: CursorPayload = { v: CURSOR_VERSION, o: [...offsets], p: source, f: fingerprint };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * Returns the position held by `cursor` in a listing of `sourceCount` sources. Throws CursorError
 * when the cursor is empty, too long, not base64url, not an encoded JSON object, of another
 * version, holds anything but `sourceCount` non-negative integer offsets up to MAX_CURSOR_OFFSET
 * and a source index among them, or was issued for a different listing than `expectedFingerprint`.
 */
export function decodeCursor(cursor: string, expectedFingerprint: string, sourceCount = 1): CursorPosition {
  if (typeof cursor !== 'string' || cursor.length === 0) fail('a non-empty string', cursor === '' ? 'an empty string' : typeof cursor);
  if (cursor.length > MAX_CURSOR_LENGTH) fail(`at most ${MAX_CURSOR_LENGTH} characters`, `${cursor.length} characters`);
  if (!BASE64URL.test(cursor)) fail('base64url text', preview(cursor));

  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    fail('an encoded cursor payload', preview(cursor));
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) fail('an encoded cursor payload', preview(cursor));

  const { v, o, p, f } = payload as Partial<Record<keyof CursorPayload, unknown>>;
  if (v !== CURSOR_VERSION) fail(`version ${CURSOR_VERSION}`, describe(v));
  if (!Array.isArray(o) || o.length === 0 || o.length > MAX_CURSOR_SOURCES) fail('a list of offsets', describe(o));
  for (const offset of o as unknown[])
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0 || offset > MAX_CURSOR_OFFSET)
      fail(`an integer offset from 0 to ${MAX_CURSOR_OFFSET}`, describe(offset));
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p >= o.length) fail('a source index', describe(p));
  if (typeof f !== 'string') fail('a fingerprint', describe(f));
  if (f !== expectedFingerprint || o.length !== sourceCount)
    throw new CursorError('invalid cursor: the cursor belongs to a different filter or order');
  return { offsets: o as number[], source: p };
}

/**
 * The absolute cap on a cursor's offset: no lead listing served through a gateway is this long, so
 * a larger offset is a forged cursor, refused before any arithmetic on it. Below the cap the pager
 * still bounds an offset by the listing's last known total (lead-paging.ts).
 */
export const MAX_CURSOR_OFFSET = 10_000_000;

function fail(expected: string, got: string): never {
  throw new CursorError(`invalid cursor: expected ${expected}, got ${got}`);
}

function truncate(text: string): string {
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
}

/** A bounded, quoted rendering of untrusted text for error messages. */
function preview(text: string): string {
  return JSON.stringify(truncate(text));
}

/** A bounded rendering of a decoded payload field for error messages. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return typeof value === 'string' ? preview(value) : truncate(JSON.stringify(value) ?? String(value));
}

/** Normalises a value so that equal scopes serialise identically (see fingerprintOf). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return canonical(withJson.toJSON());
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined && field !== null) out[key] = canonical(field);
  }
  return out;
}
