/**
 * Maps Relay connection arguments (first/after, last/before) onto Tesselys's page/limit list API.
 * Kept pure so every window arithmetic edge can be tested without HTTP: the service asks for the
 * window, fetches the planned pages, slices, and derives pageInfo from offset and total.
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

/** Which provider pages (1-based) to fetch, all with the same `limit`. */
export interface PagePlan {
  limit: number;
  pages: number[];
}

/**
 * Plans the provider fetches covering items [start, start+size).
 * Inputs: start a non-negative integer, size an integer in 0..100 (RangeError otherwise).
 * Prefers one page: the smallest limit L in [size, 100] for which the window falls inside a single
 * page; else two consecutive pages with limit = size. Aligned windows (start % size === 0) thus cost
 * one page with limit = size. An empty window (size 0) still plans one minimal fetch
 * ({limit 1, pages [1]}) so the caller learns `meta.total` for pageInfo and totalCount.
 */
export function planPages(start: number, size: number): PagePlan {
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`start must be a non-negative integer, got ${start}`);
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE)
    throw new RangeError(`size must be an integer in 0..${MAX_PAGE_SIZE}, got ${size}`);
  if (size === 0) return { limit: 1, pages: [1] };

  const lastOffset = start + size - 1;
  for (let limit = size; limit <= MAX_PAGE_SIZE; limit++) {
    const page = Math.floor(start / limit);
    if (page === Math.floor(lastOffset / limit)) return { limit, pages: [page + 1] };
  }
  const firstPage = Math.floor(start / size) + 1;
  return { limit: size, pages: [firstPage, firstPage + 1] };
}

/**
 * Picks items [start, start+size) out of the fetched pages. `fetched[i]` holds the items of
 * `plan.pages[i]` in provider order; a missing or short page (end of the list) just yields fewer
 * items. Each item is placed by its own page's offset, so a short first page never shifts the second.
 * Returns the items in offset order.
 */
export function sliceWindow<T>(plan: PagePlan, fetched: T[][], start: number, size: number): T[] {
  const out: T[] = [];
  plan.pages.forEach((page, i) => {
    const pageStart = (page - 1) * plan.limit;
    const items = (fetched[i] ?? []).slice(0, plan.limit);
    const from = Math.max(0, start - pageStart);
    const to = Math.min(items.length, start + size - pageStart);
    for (let j = from; j < to; j++) out.push(items[j] as T);
  });
  return out;
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
 * there is a previous page when the window does not start at 0 (and the listing is not empty),
 * and a next page when items remain after the window.
 */
export function pageInfoFor(start: number, returned: number, total: number): PageInfoShape {
  return { hasPreviousPage: start > 0 && total > 0, hasNextPage: start + returned < total };
}
