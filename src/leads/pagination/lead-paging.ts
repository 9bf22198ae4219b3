/**
 * The one home of `leads` paging: Relay arguments are planned into a window over every source's
 * position, each source (one provider's sorted listing) is fetched once for its part, the parts are
 * merged in listing order and sliced, and cursors and PageInfo are built — all behind pageLeads().
 * A single provider is simply a merge of one.
 *
 * Merge rule: each source's stream is already in listing order; streams are interleaved with
 * `compare` (which must agree with every source's own order, ties by id in the listing direction),
 * and a cross-source tie left at 0 goes to the source listed first. Because the merged order is
 * then a total order, the items `first` after a position and the items `last` before it are each
 * found among at most `first` (`last`) items of every source, so one window per source suffices.
 *
 * Cost per source and page (see docs/one-inbox.md): one window fetch; `last` without `before` asks
 * the reversed order for its first `last` items instead. One extra one-lead fetch when a cursor
 * reaches past what this process last saw of that source's listing (a forged offset never becomes
 * an absurd upstream page), and one extra window when the listing shrank below a `before` cursor.
 */
import type { LeadListPage, ProviderWindow } from '../../providers/provider-adapter';
import type { Lead } from '../types/lead.type';
import type { LeadConnection } from '../types/lead-connection.type';
import { CursorError, decodeCursor, encodeCursor, type CursorPosition } from './cursor';
import type { ListingTotals } from './listing-totals';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * How far a cursor may reach into a source whose total this process has not seen (a restart,
 * another replica's cursor) before the total is checked first: ten full pages.
 */
export const UNSEEN_LISTING_REACH = 1_000;

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

/** One provider's listing, sorted in the requested order. */
export interface PageSource {
  /**
   * The items at [offset, offset + limit) of the listing (`reversed`: of the same listing in the
   * opposite direction), and how many there are in all. Fewer items (or none) past the end.
   */
  fetch(window: ProviderWindow, reversed?: boolean): Promise<LeadListPage>;
  /** What this process last saw of the source's listings, keyed by `fingerprint`. */
  readonly totals: ListingTotals;
  /** The source's own listing (provider, filter, order), as its key in `totals`. */
  readonly fingerprint: string;
}

export interface PageRequest {
  args: ConnectionArgs;
  /** The sources to merge, in a fixed order (a cursor's offsets follow it). */
  sources: readonly PageSource[];
  /** Negative when `a` comes before `b` in the listing; only ever asked about items of different sources. */
  compare: (a: Lead, b: Lead) => number;
  /** The merged listing's fingerprint, checked on every cursor. */
  fingerprint: string;
}

/** A window over every source: forward from (after) `start`, or backward up to (before) `end`, exclusive. */
export type PlannedWindow =
  { kind: 'forward'; start: readonly number[]; size: number } | { kind: 'backward'; end: readonly number[] | 'end'; size: number };

/**
 * The connection for `request.args`. Rejects with PaginationArgsError before any fetch when the
 * arguments are invalid; a failing source rejects with that source's own error.
 */
export async function pageLeads(request: PageRequest): Promise<LeadConnection> {
  const { sources } = request;
  const window = planWindow(request.args, request.fingerprint, sources.length);
  const slices = await Promise.all(
    sources.map((source, i) =>
      window.kind === 'forward'
        ? forwardSlice(source, window.start[i]!, window.size)
        : backwardSlice(source, window.end === 'end' ? 'end' : window.end[i]!, window.size),
    ),
  );
  const order = (a: Head, b: Head): number => request.compare(a.lead, b.lead) || a.source - b.source;
  if (window.kind === 'backward') trimToLast(slices, window.size, order);
  const merged = mergeForward(slices, window.size, order);
  const total = slices.reduce((sum, slice) => sum + slice.total, 0);
  return connectionOf(merged, slices, total, request.fingerprint);
}

/**
 * Validates the arguments and plans the window.
 * - `first`/`last` must be integers in 1..100 (default 20).
 * - Mixing directions is refused with "use first/after or last/before, not both", blamed on:
 *   `last` when first+last, `before` when first+before or after+before, `after` when last+after.
 * - Forward (default): start = after's position with its own item counted (all zero without `after`).
 * - Backward (`last` or `before` given): end = before's position (its item excluded), or the end.
 * - A cursor that does not decode is a PaginationArgsError on its argument, with the CursorError's message.
 */
export function planWindow(args: ConnectionArgs, fingerprint: string, sourceCount: number): PlannedWindow {
  const first = args.first ?? undefined;
  const after = args.after ?? undefined;
  const last = args.last ?? undefined;
  const before = args.before ?? undefined;
  const mixed = 'use first/after or last/before, not both';
  if (first !== undefined && last !== undefined) throw new PaginationArgsError('last', mixed);
  if (before !== undefined && (first !== undefined || after !== undefined)) throw new PaginationArgsError('before', mixed);
  if (after !== undefined && last !== undefined) throw new PaginationArgsError('after', mixed);

  if (last !== undefined || before !== undefined) {
    const size = checkedSize('last', last);
    if (before === undefined) return { kind: 'backward', end: 'end', size };
    return { kind: 'backward', end: positionOf('before', before, fingerprint, sourceCount).offsets, size };
  }
  const size = checkedSize('first', first);
  if (after === undefined) return { kind: 'forward', start: new Array<number>(sourceCount).fill(0), size };
  const { offsets, source } = positionOf('after', after, fingerprint, sourceCount);
  return { kind: 'forward', start: offsets.map((offset, i) => (i === source ? offset + 1 : offset)), size };
}

function checkedSize(argument: 'first' | 'last', value: number | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value))
    throw new PaginationArgsError(argument, `${argument} must be an integer between 1 and ${MAX_PAGE_SIZE}, got ${value}`);
  if (value < 1 || value > MAX_PAGE_SIZE)
    throw new PaginationArgsError(argument, `${argument} must be between 1 and ${MAX_PAGE_SIZE}, got ${value}`);
  return value;
}

function positionOf(argument: 'after' | 'before', cursor: string, fingerprint: string, sourceCount: number): CursorPosition {
  try {
    return decodeCursor(cursor, fingerprint, sourceCount);
  } catch (error) {
    if (error instanceof CursorError) throw new PaginationArgsError(argument, error.message);
    throw error;
  }
}

/** One source's fetched run: its items from absolute offset `start` (in listing order), and its total. */
interface Slice {
  leads: Lead[];
  start: number;
  total: number;
}

interface Head {
  lead: Lead;
  source: number;
}

/** Fetches through `source`, remembering the total it answers with. */
async function fetchFrom(source: PageSource, window: ProviderWindow, reversed = false): Promise<LeadListPage> {
  const page = await source.fetch(window, reversed);
  source.totals.remember(source.fingerprint, page.total);
  return page;
}

/** The total, by a one-lead fetch, when `position` reaches past what this process last saw of the listing; else undefined. */
async function totalIfBeyondKnown(source: PageSource, position: number): Promise<number | undefined> {
  if (position <= (source.totals.get(source.fingerprint) ?? UNSEEN_LISTING_REACH)) return undefined;
  return (await fetchFrom(source, { offset: 0, limit: 1 })).total;
}

/** Items [start, start + size) of the source, never asking for a window past a total it had to learn. */
async function forwardSlice(source: PageSource, start: number, size: number): Promise<Slice> {
  const total = await totalIfBeyondKnown(source, start);
  if (total !== undefined && start >= total) return { leads: [], start, total };
  return windowAt(source, start, size);
}

/** The (up to) `size` items just before `end` (exclusive), or the last `size` items. */
async function backwardSlice(source: PageSource, end: number | 'end', size: number): Promise<Slice> {
  if (end === 'end') {
    // The last items are the first of the reversed listing: one aligned window, which also tells the total.
    const page = await fetchFrom(source, { offset: 0, limit: size }, true);
    const leads = page.leads.slice(0, size).reverse();
    return { leads, start: Math.max(0, page.total - leads.length), total: page.total };
  }
  const known = await totalIfBeyondKnown(source, end);
  const bounded = known === undefined ? end : Math.min(end, known);
  const slice = await windowAt(source, Math.max(0, bounded - size), Math.min(bounded, size));
  if (bounded <= slice.total) return slice;
  // The listing shrank since the cursor was issued (e.g. leads left a status filter): the items
  // before it are now the last ones. Serving the stale window could yield an empty page claiming
  // hasPreviousPage with no startCursor to page on from.
  return windowAt(source, Math.max(0, slice.total - size), Math.min(slice.total, size));
}

/** Items [start, start + size); an empty window still asks for one item, to learn the total. */
async function windowAt(source: PageSource, start: number, size: number): Promise<Slice> {
  const page = await fetchFrom(source, { offset: start, limit: Math.max(size, 1) });
  return { leads: page.leads.slice(0, size), start, total: page.total };
}

/**
 * Keeps, across all slices, only the `size` items that come last in listing order: drops items
 * from the front of the slices (moving their start) so that what remains is exactly those items.
 */
function trimToLast(slices: Slice[], size: number, order: (a: Head, b: Head) => number): void {
  const kept = slices.map((slice) => slice.leads.length);
  for (let taken = 0; taken < size; taken++) {
    let best = -1;
    for (let i = 0; i < slices.length; i++) {
      if (kept[i]! === 0) continue;
      if (best < 0 || order(headAt(slices, i, kept[i]! - 1), headAt(slices, best, kept[best]! - 1)) > 0) best = i;
    }
    if (best < 0) break;
    kept[best]!--;
  }
  slices.forEach((slice, i) => {
    const drop = kept[i]!;
    slice.leads = slice.leads.slice(drop);
    slice.start += drop;
  });
}

interface MergedItem {
  lead: Lead;
  position: CursorPosition;
}

/** The first `size` items of the slices in listing order, each with its position. */
function mergeForward(slices: readonly Slice[], size: number, order: (a: Head, b: Head) => number): MergedItem[] {
  const next = slices.map(() => 0);
  const out: MergedItem[] = [];
  while (out.length < size) {
    let best = -1;
    for (let i = 0; i < slices.length; i++) {
      if (next[i]! >= slices[i]!.leads.length) continue;
      if (best < 0 || order(headAt(slices, i, next[i]!), headAt(slices, best, next[best]!)) < 0) best = i;
    }
    if (best < 0) break;
    out.push({
      lead: slices[best]!.leads[next[best]!]!,
      position: { offsets: slices.map((slice, i) => slice.start + next[i]!), source: best },
    });
    next[best]!++;
  }
  return out;
}

function headAt(slices: readonly Slice[], source: number, index: number): Head {
  return { lead: slices[source]!.leads[index]!, source };
}

/**
 * Builds the connection. There is a previous page when the window does not start at the very
 * beginning and returned something (an empty page has no startCursor to page back from, so it
 * never claims one; Relay lets a forward page say false), and a next page when items remain after it.
 */
function connectionOf(items: MergedItem[], slices: readonly Slice[], total: number, fingerprint: string): LeadConnection {
  const start = slices.reduce((sum, slice) => sum + slice.start, 0);
  const edges = items.map((item) => ({ cursor: encodeCursor(item.position, fingerprint), node: item.lead }));
  return {
    edges,
    nodes: items.map((item) => item.lead),
    totalCount: total,
    pageInfo: {
      hasPreviousPage: start > 0 && items.length > 0,
      hasNextPage: start + items.length < total,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
