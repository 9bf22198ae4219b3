/** Cursors are user input on the way back in: they must round-trip and refuse everything else with a short, safe message. */
import { CursorError, decodeCursor, encodeCursor, fingerprintOf, MAX_CURSOR_OFFSET } from '../../src/leads/pagination/cursor';

const fp = fingerprintOf({ filter: { status: 'NEW' }, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
/** A one-source position at `offset`. */
const at = (offset: number) => ({ offsets: [offset], source: 0 });

function decodeError(cursor: string, fingerprint = fp): CursorError {
  try {
    decodeCursor(cursor, fingerprint);
  } catch (error) {
    expect(error).toBeInstanceOf(CursorError);
    return error as CursorError;
  }
  throw new Error('expected decodeCursor to throw');
}

describe('encodeCursor / decodeCursor', () => {
  it.each([0, 1, 19, 12345, MAX_CURSOR_OFFSET])('round-trips offset %p', (offset) => {
    const cursor = encodeCursor(at(offset), fp);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, fp)).toEqual(at(offset));
  });

  it('is a compact versioned payload', () => {
    expect(JSON.parse(Buffer.from(encodeCursor(at(12), fp), 'base64url').toString('utf8'))).toEqual({ v: 2, o: [12], p: 0, f: fp });
  });

  it.each([-1, 1.5, Number.NaN])('refuses to encode offset %p', (offset) => {
    expect(() => encodeCursor(at(offset), fp)).toThrow(RangeError);
  });

  it('round-trips a position over several sources', () => {
    const position = { offsets: [3, 0, 17], source: 2 };
    expect(decodeCursor(encodeCursor(position, fp), fp, 3)).toEqual(position);
  });

  it('rejects a cursor holding positions for another number of sources', () => {
    expect(() => decodeCursor(encodeCursor({ offsets: [3, 4], source: 1 }, fp), fp, 1)).toThrow(/different filter or order/);
  });

  it('rejects a cursor from another filter or order', () => {
    const other = fingerprintOf({ filter: { status: 'CONTACTED' }, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    expect(decodeError(encodeCursor(at(5), other)).message).toMatch(/belongs to a different filter or order/);
  });

  it.each<[string, string, RegExp]>([
    ['empty', '', /expected a non-empty string, got an empty string/],
    ['not base64url', 'not a cursor!', /expected base64url text, got "not a cursor!"/],
    ['base64 of non-JSON', b64('hello there'), /expected an encoded cursor payload/],
    ['base64 of a JSON array', b64('[1,2]'), /expected an encoded cursor payload/],
    ['base64 of JSON null', b64('null'), /expected an encoded cursor payload/],
    ['wrong version', b64(JSON.stringify({ v: 1, o: 1, f: fp })), /expected version 2, got 1/],
    ['missing version', b64(JSON.stringify({ o: 1, f: fp })), /expected version 2, got nothing/],
    [
      'negative offset',
      b64(JSON.stringify({ v: 2, o: [-1], p: 0, f: fp })),
      new RegExp(`expected an integer offset from 0 to ${MAX_CURSOR_OFFSET}, got -1`),
    ],
    [
      'float offset',
      b64(JSON.stringify({ v: 2, o: [1.5], p: 0, f: fp })),
      new RegExp(`expected an integer offset from 0 to ${MAX_CURSOR_OFFSET}, got 1\\.5`),
    ],
    [
      'string offset',
      b64(JSON.stringify({ v: 2, o: ['3'], p: 0, f: fp })),
      new RegExp(`expected an integer offset from 0 to ${MAX_CURSOR_OFFSET}, got "3"`),
    ],
    ['unsafe offset', b64(JSON.stringify({ v: 2, o: [1e300], p: 0, f: fp })), /expected an integer offset from 0/],
    // A forged cursor just past the cap would otherwise overflow the page arithmetic (start = o + 1).
    [
      'offset past the cap',
      b64(JSON.stringify({ v: 2, o: [Number.MAX_SAFE_INTEGER], p: 0, f: fp })),
      new RegExp(`expected an integer offset from 0 to ${MAX_CURSOR_OFFSET}`),
    ],
    ['offsets not a list', b64(JSON.stringify({ v: 2, o: 3, p: 0, f: fp })), /expected a list of offsets, got 3/],
    ['source outside the offsets', b64(JSON.stringify({ v: 2, o: [3], p: 1, f: fp })), /expected a source index, got 1/],
    ['missing fingerprint', b64(JSON.stringify({ v: 2, o: [3], p: 0 })), /expected a fingerprint, got nothing/],
  ])('rejects garbage: %s', (_label, cursor, message) => {
    expect(decodeError(cursor).message).toMatch(message);
  });

  it('rejects huge input without echoing it', () => {
    const huge = 'A'.repeat(100_000);
    const { message } = decodeError(huge);
    expect(message).toMatch(/expected at most \d+ characters, got 100000 characters/);
    expect(message).not.toContain('AAAA');
  });

  it('never echoes more than 40 characters of the input', () => {
    const inputs = [
      'x'.repeat(60) + '!',
      b64('z'.repeat(90)),
      b64(JSON.stringify({ v: 'q'.repeat(50), o: [1], p: 0, f: fp })),
      b64(JSON.stringify({ v: 2, o: ['w'.repeat(50)], p: 0, f: fp })),
    ];
    for (const input of inputs) {
      const longestRun = Math.max(...(decodeError(input).message.match(/(.)\1*/g) ?? ['']).map((run) => run.length));
      expect(longestRun).toBeLessThanOrEqual(40);
      expect(decodeError(input).message).not.toContain(input.slice(0, 41));
    }
  });
});

describe('fingerprintOf', () => {
  it('is 16 base64url characters and stable across calls', () => {
    const a = fingerprintOf({ filter: { search: 'casa' } });
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(fingerprintOf({ filter: { search: 'casa' } })).toBe(a);
  });

  it('ignores key order at every depth', () => {
    expect(fingerprintOf({ orderBy: { direction: 'ASC', field: 'TITLE' }, filter: { status: 'NEW', search: 'x' } })).toBe(
      fingerprintOf({ filter: { search: 'x', status: 'NEW' }, orderBy: { field: 'TITLE', direction: 'ASC' } }),
    );
  });

  it('treats undefined, null and absent fields alike', () => {
    const absent = fingerprintOf({ filter: { status: 'NEW' } });
    expect(fingerprintOf({ filter: { status: 'NEW', search: undefined }, orderBy: undefined })).toBe(absent);
    expect(fingerprintOf({ filter: { status: 'NEW', search: null }, orderBy: null })).toBe(absent);
  });

  it('differs for different filters, orders and array orders', () => {
    const prints = [
      fingerprintOf({ filter: { status: 'NEW' } }),
      fingerprintOf({ filter: { status: 'CONTACTED' } }),
      fingerprintOf({ filter: { status: 'NEW' }, orderBy: { field: 'TITLE', direction: 'ASC' } }),
      fingerprintOf({ filter: { status: 'NEW' }, orderBy: { field: 'TITLE', direction: 'DESC' } }),
      fingerprintOf({ filter: { tags: ['a', 'b'] } }),
      fingerprintOf({ filter: { tags: ['b', 'a'] } }),
      fingerprintOf({}),
    ];
    expect(new Set(prints).size).toBe(prints.length);
  });
});
