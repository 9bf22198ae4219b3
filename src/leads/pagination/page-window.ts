/**
 * Maps Relay connection arguments (first/after, last/before) onto windows of absolute offsets.
 * Kept pure so every window arithmetic edge can be tested without HTTP: the pager asks the provider
 * for the window by offset and derives pageInfo from offset and total. How a provider pages
 * underneath is its adapter's business (Tesselys: providers/tesselys/tesselys.pages.ts).
 */
import { CursorError, decodeCursor } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Invalid connection arguments; `argument` names the one to blame (for BAD_USER_INPUT field paths). */
export class PaginationArgsError extends Error {
  override readonly name = 'PaginationArgsError';
  constructor(
    readonly argument: 'first' | 'last' | 'after' | 'before',
    message: string,
  ) {
    super(message);
  }
}

/** Relay arguments as GraphQL hands them over; `null` and absent mean the same. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A window in absolute offsets: items [start, start+size). For `last` without `before`, the end is the total, unknown until fetched. */
export type RequestedWindow = { kind: 'forward'; start: number; size: number } | { kind: 'backward'; end: number | 'total'; size: number };

/**
 * Validates the arguments and turns them into a window.
 * - `first`/`last` must be integers in 1..100 (default 20).
 * - Mixing directions is refused with "use first/after or last/before, not both", blamed on:
 *   `last` when first+last, `before` when first+before or after+before, `after` when last+after.
 * - Forward (default): start = after's offset + 1 (0 without `after`), size = first.
 * - Backward (`last` or `before` given): end = before's offset (exclusive), or 'total' without `before`; size = last.
 * - A cursor that does not decode (garbage, other version, other filter/order) is a
 *   PaginationArgsError on that cursor's argument, carrying the CursorError's message.
 */
export function requestedWindow(args: ConnectionArgs, fingerprint: string): RequestedWindow {
  const { first, after, last, before } = {
    first: args.first ?? undefined,
    after: args.after ?? undefined,
    last: args.last ?? undefined,
    before: args.before ?? undefined,
  };
  const mixed = 'use first/after or last/before, not both';
  if (first !== undefined && last !== undefined) throw new PaginationArgsError('last', mixed);
  if (before !== undefined && (first !== undefined || after !== undefined)) throw new PaginationArgsError('before', mixed);
  if (after !== undefined && last !== undefined) throw new PaginationArgsError('after', mixed);

  if (last !== undefined || before !== undefined) {
    const size = checkedSize('last', last);
    const end = before === undefined ? 'total' : offsetOf('before', before, fingerprint);
    return { kind: 'backward', end, size };
  }
  const size = checkedSize('first', first);
  const start = after === undefined ? 0 : offsetOf('after', after, fingerprint) + 1;
  return { kind: 'forward', start, size };
}

function checkedSize(argument: 'first' | 'last', value: number | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value))
    throw new PaginationArgsError(argument, `${argument} must be an integer between 1 and ${MAX_PAGE_SIZE}, got ${value}`);
  if (value < 1 || value > MAX_PAGE_SIZE)
    throw new PaginationArgsError(argument, `${argument} must be between 1 and ${MAX_PAGE_SIZE}, got ${value}`);
  return value;
}

function offsetOf(argument: 'after' | 'before', cursor: string, fingerprint: string): number {
  try {
    return decodeCursor(cursor, fingerprint);
  } catch (error) {
    if (error instanceof CursorError) throw new PaginationArgsError(argument, error.message);
    throw error;
  }
}

/**
 * Turns a backward window ending (exclusively) at `end` into a forward one: the `size` items just
 * before `end`, fewer when that would go below offset 0. The caller resolves `end: 'total'` first
 * (and may clamp `end` to the total).
 */
export function resolveBackward(end: number, size: number): { start: number; size: number } {
  const start = Math.max(0, end - size);
  return { start, size: Math.max(0, end - start) };
}

export interface PageInfoShape {
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

/**
 * pageInfo for `returned` items served from offset `start` of a listing of `total` items:
 * there is a previous page when the window does not start at 0 and returned something (an empty
 * page has no startCursor to page back from, so it never claims one; Relay lets a forward page say
 * false), and a next page when items remain after the window.
 */
export function pageInfoFor(start: number, returned: number, total: number): PageInfoShape {
  return { hasPreviousPage: start > 0 && returned > 0, hasNextPage: start + returned < total };
}
