/**
 * Tesselys lists by page/limit; the gateway asks for windows by offset. This plans the one or two
 * Tesselys pages that cover a window and picks the window's leads out of them. Pure, so every
 * arithmetic edge is tested without HTTP (test/unit/tesselys-pages.test.ts).
 */

/** The most leads Tesselys returns in one page. */
export const TESSELYS_MAX_LIMIT = 100;

/** Which Tesselys pages (1-based) to fetch, all with the same `limit`. */
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
 * ({limit 1, pages [1]}) so the caller learns `meta.total`.
 */
export function planPages(start: number, size: number): PagePlan {
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`start must be a non-negative integer, got ${start}`);
  if (!Number.isInteger(size) || size < 0 || size > TESSELYS_MAX_LIMIT)
    throw new RangeError(`size must be an integer in 0..${TESSELYS_MAX_LIMIT}, got ${size}`);
  if (size === 0) return { limit: 1, pages: [1] };

  const lastOffset = start + size - 1;
  for (let limit = size; limit <= TESSELYS_MAX_LIMIT; limit++) {
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
