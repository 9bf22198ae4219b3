/** Window arithmetic between Relay arguments and Tesselys pages: every edge here is an off-by-one waiting to happen. */
import { encodeCursor, fingerprintOf } from '../../src/leads/pagination/cursor';
import {
  type ConnectionArgs,
  PaginationArgsError,
  pageInfoFor,
  planPages,
  requestedWindow,
  resolveBackward,
  sliceWindow,
} from '../../src/leads/pagination/page-window';

const fp = fingerprintOf({ filter: { status: 'NEW' } });
const otherFp = fingerprintOf({ filter: { status: 'CONTACTED' } });

function argsError(args: ConnectionArgs): PaginationArgsError {
  try {
    requestedWindow(args, fp);
  } catch (error) {
    expect(error).toBeInstanceOf(PaginationArgsError);
    return error as PaginationArgsError;
  }
  throw new Error('expected requestedWindow to throw');
}

describe('requestedWindow', () => {
  it('defaults to the first 20 items', () => {
    expect(requestedWindow({}, fp)).toEqual({ kind: 'forward', start: 0, size: 20 });
    expect(requestedWindow({ first: null, after: null, last: null, before: null }, fp)).toEqual({ kind: 'forward', start: 0, size: 20 });
  });

  it('reads first and after (start is the item after the cursor)', () => {
    expect(requestedWindow({ first: 5 }, fp)).toEqual({ kind: 'forward', start: 0, size: 5 });
    expect(requestedWindow({ after: encodeCursor(19, fp) }, fp)).toEqual({ kind: 'forward', start: 20, size: 20 });
    expect(requestedWindow({ first: 7, after: encodeCursor(0, fp) }, fp)).toEqual({ kind: 'forward', start: 1, size: 7 });
  });

  it('reads last and before (end is the cursor, exclusive)', () => {
    expect(requestedWindow({ last: 5 }, fp)).toEqual({ kind: 'backward', end: 'total', size: 5 });
    expect(requestedWindow({ before: encodeCursor(40, fp) }, fp)).toEqual({ kind: 'backward', end: 40, size: 20 });
    expect(requestedWindow({ last: 3, before: encodeCursor(10, fp) }, fp)).toEqual({ kind: 'backward', end: 10, size: 3 });
  });

  it.each([1, 100])('accepts bound %p for first and last', (n) => {
    expect(requestedWindow({ first: n }, fp)).toEqual({ kind: 'forward', start: 0, size: n });
    expect(requestedWindow({ last: n }, fp)).toEqual({ kind: 'backward', end: 'total', size: n });
  });

  it.each<[number, RegExp]>([
    [0, /must be between 1 and 100, got 0$/],
    [101, /must be between 1 and 100, got 101$/],
    [-1, /must be between 1 and 100, got -1$/],
    [1.5, /must be an integer between 1 and 100, got 1.5$/],
    [Number.NaN, /must be an integer between 1 and 100, got NaN$/],
  ])('rejects %p for first and last, naming the argument', (n, message) => {
    const first = argsError({ first: n });
    expect(first.argument).toBe('first');
    expect(first.message).toMatch(/^first /);
    expect(first.message).toMatch(message);
    const last = argsError({ last: n });
    expect(last.argument).toBe('last');
    expect(last.message).toMatch(/^last /);
    expect(last.message).toMatch(message);
  });

  it.each<[string, ConnectionArgs, PaginationArgsError['argument']]>([
    ['first + last', { first: 5, last: 5 }, 'last'],
    ['first + before', { first: 5, before: encodeCursor(3, fp) }, 'before'],
    ['after + last', { after: encodeCursor(3, fp), last: 5 }, 'after'],
    ['after + before', { after: encodeCursor(3, fp), before: encodeCursor(9, fp) }, 'before'],
    ['all four', { first: 1, after: encodeCursor(3, fp), last: 1, before: encodeCursor(9, fp) }, 'last'],
  ])('rejects mixed directions: %s', (_label, args, argument) => {
    const error = argsError(args);
    expect(error.argument).toBe(argument);
    expect(error.message).toBe('use first/after or last/before, not both');
  });

  it.each<['after' | 'before']>([['after'], ['before']])('turns a bad %s cursor into an error on that argument', (argument) => {
    const garbage = argsError({ [argument]: '%%%' });
    expect(garbage.argument).toBe(argument);
    expect(garbage.message).toMatch(/invalid cursor: expected base64url text/);

    const foreign = argsError({ [argument]: encodeCursor(3, otherFp) });
    expect(foreign.argument).toBe(argument);
    expect(foreign.message).toMatch(/different filter or order/);

    expect(argsError({ [argument]: '' }).argument).toBe(argument);
  });
});

describe('planPages', () => {
  it('fetches one page of limit=size for aligned windows', () => {
    expect(planPages(40, 20)).toEqual({ limit: 20, pages: [3] });
    expect(planPages(0, 20)).toEqual({ limit: 20, pages: [1] });
    expect(planPages(0, 100)).toEqual({ limit: 100, pages: [1] });
    expect(planPages(7, 1)).toEqual({ limit: 1, pages: [8] });
  });

  it('widens the limit to cover a misaligned window with one page when it can', () => {
    expect(planPages(1, 20)).toEqual({ limit: 21, pages: [1] });
    expect(planPages(25, 20)).toEqual({ limit: 23, pages: [2] }); // 21 and 22 would split [25, 45)
    expect(planPages(30, 20)).toEqual({ limit: 25, pages: [2] });
  });

  it('falls back to two pages of limit=size when no single page fits', () => {
    expect(planPages(50, 60)).toEqual({ limit: 60, pages: [1, 2] });
    expect(planPages(130, 80)).toEqual({ limit: 80, pages: [2, 3] });
  });

  it('handles a misaligned full-size window with two pages of 100', () => {
    expect(planPages(50, 100)).toEqual({ limit: 100, pages: [1, 2] });
    expect(planPages(1, 100)).toEqual({ limit: 100, pages: [1, 2] });
    expect(planPages(199, 100)).toEqual({ limit: 100, pages: [2, 3] });
  });

  it('plans one minimal fetch for an empty window so the total is still known', () => {
    expect(planPages(0, 0)).toEqual({ limit: 1, pages: [1] });
  });

  it.each<[number, number]>([
    [-1, 5],
    [1.5, 5],
    [0, 101],
    [0, -1],
    [0, 2.5],
  ])('refuses start %p size %p', (start, size) => {
    expect(() => planPages(start, size)).toThrow(RangeError);
  });

  it('covers every window (start 0..300, size 1..100) with at most two pages of one limit ≤ 100', () => {
    const total = 450;
    const items = Array.from({ length: total }, (_, i) => i);
    const providerPage = (page: number, limit: number): number[] => items.slice((page - 1) * limit, page * limit);
    const failures: string[] = [];
    for (let start = 0; start <= 300; start++) {
      for (let size = 1; size <= 100; size++) {
        const plan = planPages(start, size);
        const firstOffset = (plan.pages[0]! - 1) * plan.limit;
        const endOffset = plan.pages[plan.pages.length - 1]! * plan.limit;
        const consecutive = plan.pages.every((page, i) => i === 0 || page === plan.pages[i - 1]! + 1);
        const ok =
          plan.limit >= 1 &&
          plan.limit <= 100 &&
          plan.pages.length >= 1 &&
          plan.pages.length <= 2 &&
          consecutive &&
          plan.pages[0]! >= 1 &&
          firstOffset <= start &&
          endOffset >= start + size &&
          (start % size !== 0 || (plan.pages.length === 1 && plan.limit === size));
        const sliced = sliceWindow(
          plan,
          plan.pages.map((page) => providerPage(page, plan.limit)),
          start,
          size,
        );
        const expected = items.slice(start, start + size);
        if (!ok || sliced.length !== expected.length || sliced.some((v, i) => v !== expected[i]))
          failures.push(`${start}/${size} → ${JSON.stringify(plan)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('sliceWindow', () => {
  const items = Array.from({ length: 45 }, (_, i) => `lead-${i}`);
  const page = (p: number, limit: number): string[] => items.slice((p - 1) * limit, p * limit);

  it('slices a single widened page', () => {
    const plan = planPages(25, 20);
    expect(
      sliceWindow(
        plan,
        plan.pages.map((p) => page(p, plan.limit)),
        25,
        20,
      ),
    ).toEqual(items.slice(25, 45));
  });

  it('joins two pages', () => {
    const plan = { limit: 10, pages: [2, 3] };
    expect(sliceWindow(plan, [page(2, 10), page(3, 10)], 15, 10)).toEqual(items.slice(15, 25));
  });

  it('returns what exists when the last page is short', () => {
    const plan = planPages(40, 10);
    expect(plan).toEqual({ limit: 10, pages: [5] });
    expect(sliceWindow(plan, [page(5, 10)], 40, 10)).toEqual(items.slice(40, 45));

    const twoPages = { limit: 20, pages: [2, 3] };
    expect(sliceWindow(twoPages, [page(2, 20), page(3, 20)], 30, 20)).toEqual(items.slice(30, 45));
  });

  it('returns nothing past the end and tolerates a missing second page', () => {
    expect(sliceWindow({ limit: 20, pages: [4] }, [[]], 60, 20)).toEqual([]);
    expect(sliceWindow({ limit: 10, pages: [4, 5] }, [page(4, 10)], 35, 10)).toEqual(items.slice(35, 40));
  });

  it('places second-page items by their own offset even if the first page came back short', () => {
    const plan = { limit: 10, pages: [1, 2] };
    expect(sliceWindow(plan, [items.slice(0, 7), page(2, 10)], 5, 10)).toEqual([...items.slice(5, 7), ...items.slice(10, 15)]);
  });
});

describe('resolveBackward', () => {
  it('takes the size items before end', () => {
    expect(resolveBackward(40, 20)).toEqual({ start: 20, size: 20 });
    expect(resolveBackward(45, 5)).toEqual({ start: 40, size: 5 });
  });

  it('stops at offset 0', () => {
    expect(resolveBackward(3, 20)).toEqual({ start: 0, size: 3 });
    expect(resolveBackward(0, 20)).toEqual({ start: 0, size: 0 });
  });
});

describe('pageInfoFor', () => {
  it('reports nothing around an empty listing', () => {
    expect(pageInfoFor(0, 0, 0)).toEqual({ hasPreviousPage: false, hasNextPage: false });
    expect(pageInfoFor(20, 0, 0)).toEqual({ hasPreviousPage: false, hasNextPage: false });
  });

  it('first page', () => {
    expect(pageInfoFor(0, 20, 45)).toEqual({ hasPreviousPage: false, hasNextPage: true });
    expect(pageInfoFor(0, 45, 45)).toEqual({ hasPreviousPage: false, hasNextPage: false });
  });

  it('middle and last page', () => {
    expect(pageInfoFor(20, 20, 45)).toEqual({ hasPreviousPage: true, hasNextPage: true });
    expect(pageInfoFor(40, 5, 45)).toEqual({ hasPreviousPage: true, hasNextPage: false });
    expect(pageInfoFor(25, 20, 45)).toEqual({ hasPreviousPage: true, hasNextPage: false });
  });

  it('past the end', () => {
    expect(pageInfoFor(60, 0, 45)).toEqual({ hasPreviousPage: true, hasNextPage: false });
  });
});
