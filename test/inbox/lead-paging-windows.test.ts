/**
 * Planning Relay arguments into windows over every source's position, and the per-source fetch
 * bound: checked against in-memory sources that record every window asked for, so cost and bound
 * are exact. (Walks over random merged sets: lead-paging-walks.test.ts.)
 */
import { encodeCursor, fingerprintOf } from '../../src/leads/pagination/cursor';
import { ListingTotals } from '../../src/leads/pagination/listing-totals';
import {
  type ConnectionArgs,
  pageLeads,
  type PageSource,
  PaginationArgsError,
  planWindow,
  UNSEEN_LISTING_REACH,
} from '../../src/leads/pagination/lead-paging';
import type { ProviderWindow } from '../../src/providers/provider-adapter';
import type { Lead } from '../../src/leads/types/lead.type';

const fp = fingerprintOf({ filter: { status: 'NEW' } });
const otherFp = fingerprintOf({ filter: { status: 'CONTACTED' } });
const at = (offset: number) => encodeCursor({ offsets: [offset], source: 0 }, fp);

function argsError(args: ConnectionArgs): PaginationArgsError {
  try {
    planWindow(args, fp, 1);
  } catch (error) {
    expect(error).toBeInstanceOf(PaginationArgsError);
    return error as PaginationArgsError;
  }
  throw new Error('expected planWindow to throw');
}

describe('planWindow', () => {
  it('defaults to the first 20 items', () => {
    expect(planWindow({}, fp, 1)).toEqual({ kind: 'forward', start: [0], size: 20 });
    expect(planWindow({ first: null, after: null, last: null, before: null }, fp, 2)).toEqual({ kind: 'forward', start: [0, 0], size: 20 });
  });

  it('reads first and after: the start counts the cursor item in its own source', () => {
    expect(planWindow({ first: 5 }, fp, 1)).toEqual({ kind: 'forward', start: [0], size: 5 });
    expect(planWindow({ after: at(19) }, fp, 1)).toEqual({ kind: 'forward', start: [20], size: 20 });
    const merged = encodeCursor({ offsets: [4, 9], source: 1 }, fp);
    expect(planWindow({ first: 7, after: merged }, fp, 2)).toEqual({ kind: 'forward', start: [4, 10], size: 7 });
  });

  it('reads last and before: the end is the cursor item, excluded', () => {
    expect(planWindow({ last: 5 }, fp, 1)).toEqual({ kind: 'backward', end: 'end', size: 5 });
    expect(planWindow({ before: at(40) }, fp, 1)).toEqual({ kind: 'backward', end: [40], size: 20 });
    const merged = encodeCursor({ offsets: [4, 9], source: 0 }, fp);
    expect(planWindow({ last: 3, before: merged }, fp, 2)).toEqual({ kind: 'backward', end: [4, 9], size: 3 });
  });

  it.each<[number, RegExp]>([
    [0, /must be between 1 and 100, got 0$/],
    [101, /must be between 1 and 100, got 101$/],
    [1.5, /must be an integer between 1 and 100, got 1.5$/],
  ])('rejects %p for first and last, naming the argument', (n, message) => {
    expect(argsError({ first: n })).toMatchObject({ argument: 'first', message: expect.stringMatching(message) });
    expect(argsError({ last: n })).toMatchObject({ argument: 'last', message: expect.stringMatching(message) });
  });

  it.each<[string, ConnectionArgs, PaginationArgsError['argument']]>([
    ['first + last', { first: 5, last: 5 }, 'last'],
    ['first + before', { first: 5, before: at(3) }, 'before'],
    ['after + last', { after: at(3), last: 5 }, 'after'],
    ['after + before', { after: at(3), before: at(9) }, 'before'],
  ])('rejects mixed directions: %s', (_label, args, argument) => {
    expect(argsError(args)).toMatchObject({ argument, message: 'use first/after or last/before, not both' });
  });

  it.each<['after' | 'before']>([['after'], ['before']])('turns a bad %s cursor into an error on that argument', (argument) => {
    expect(argsError({ [argument]: '%%%' })).toMatchObject({ argument, message: expect.stringMatching(/expected base64url text/) });
    const foreign = encodeCursor({ offsets: [3], source: 0 }, otherFp);
    expect(argsError({ [argument]: foreign })).toMatchObject({ argument, message: expect.stringMatching(/different filter or order/) });
    // A cursor of the same listing but another set of providers is just as foreign.
    const twoSources = encodeCursor({ offsets: [3, 1], source: 0 }, fp);
    expect(argsError({ [argument]: twoSources }).message).toMatch(/different filter or order/);
  });
});

/** An in-memory source of `total` items sorted by id, recording every window it is asked for. */
function listing(total: number, name = 'l') {
  const leads = Array.from({ length: total }, (_, i) => ({ id: `${name}${String(i).padStart(5, '0')}` }) as Lead);
  const asked: Array<ProviderWindow & { reversed?: boolean }> = [];
  const totals = new ListingTotals();
  const source: PageSource = {
    fingerprint: `fp-${name}`,
    totals,
    fetch: async (window, reversed = false) => {
      asked.push(reversed ? { ...window, reversed } : window);
      const ordered = reversed ? [...leads].reverse() : leads;
      return { leads: ordered.slice(window.offset, window.offset + window.limit), total };
    },
  };
  return { source, asked, totals };
}

const byId = (a: Lead, b: Lead): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function page(args: ConnectionArgs, ...sources: PageSource[]) {
  return pageLeads({ args, sources, compare: byId, fingerprint: fp });
}

describe('the fetch bound per source', () => {
  it('a window within the known total costs exactly one fetch of that window', async () => {
    const { source, asked, totals } = listing(64);
    totals.remember(source.fingerprint, 64);
    const result = await page({ first: 10, after: at(9) }, source);
    expect(result.nodes.map((n) => n.id)).toEqual(Array.from({ length: 10 }, (_, i) => `l${String(10 + i).padStart(5, '0')}`));
    expect(asked).toEqual([{ offset: 10, limit: 10 }]);
  });

  it('last without before asks the reversed listing once, whatever the total', async () => {
    const { source, asked } = listing(64);
    const result = await page({ last: 3 }, source);
    expect(result.nodes.map((n) => n.id)).toEqual(['l00061', 'l00062', 'l00063']);
    expect(result.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(asked).toEqual([{ offset: 0, limit: 3, reversed: true }]);
  });

  it('an offset past the known total learns the total with one one-lead fetch and asks for nothing past it', async () => {
    const { source, asked, totals } = listing(64);
    totals.remember(source.fingerprint, 64);
    const result = await page({ first: 8, after: at(5_000_000) }, source);
    expect(result.nodes).toEqual([]);
    expect(result.totalCount).toBe(64);
    expect(result.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(asked).toEqual([{ offset: 0, limit: 1 }]);
  });

  it('a listing that grew past the remembered total is still served', async () => {
    const { source, asked, totals } = listing(80);
    totals.remember(source.fingerprint, 64);
    const result = await page({ first: 5, after: at(69) }, source);
    expect(result.nodes.map((n) => n.id)).toEqual(['l00070', 'l00071', 'l00072', 'l00073', 'l00074']);
    expect(asked).toEqual([
      { offset: 0, limit: 1 },
      { offset: 70, limit: 5 },
    ]);
    expect(totals.get(source.fingerprint)).toBe(80);
  });

  it('with no total known, offsets up to UNSEEN_LISTING_REACH are fetched directly; beyond, the total comes first', async () => {
    const near = listing(64);
    await page({ first: 5, after: at(UNSEEN_LISTING_REACH - 1) }, near.source);
    expect(near.asked).toEqual([{ offset: UNSEEN_LISTING_REACH, limit: 5 }]);
    const far = listing(64);
    await page({ first: 5, after: at(UNSEEN_LISTING_REACH) }, far.source);
    expect(far.asked).toEqual([{ offset: 0, limit: 1 }]);
  });

  it('backward before a forged offset serves the last leads without asking past the end', async () => {
    const { source, asked, totals } = listing(64);
    totals.remember(source.fingerprint, 64);
    const result = await page({ last: 3, before: at(9_000_000) }, source);
    expect(result.nodes.map((n) => n.id)).toEqual(['l00061', 'l00062', 'l00063']);
    expect(asked).toEqual([
      { offset: 0, limit: 1 },
      { offset: 61, limit: 3 },
    ]);
  });

  it('a merged page asks each source for one window of the page size, from its own position', async () => {
    const a = listing(30, 'a');
    const b = listing(30, 'b');
    const first = await page({ first: 7 }, a.source, b.source);
    // Every "a…" id sorts before every "b…" id: the first page is all a.
    expect(first.nodes.map((n) => n.id)).toEqual(Array.from({ length: 7 }, (_, i) => `a${String(i).padStart(5, '0')}`));
    expect(first.totalCount).toBe(60);
    const second = await page({ first: 7, after: first.pageInfo.endCursor }, a.source, b.source);
    expect(second.nodes[0]!.id).toBe('a00007');
    expect(a.asked).toEqual([
      { offset: 0, limit: 7 },
      { offset: 7, limit: 7 },
    ]);
    expect(b.asked).toEqual([
      { offset: 0, limit: 7 },
      { offset: 0, limit: 7 },
    ]);
  });

  it('a failing source fails the page with its own error', async () => {
    const healthy = listing(5, 'a');
    const failing: PageSource = { ...listing(5, 'b').source, fetch: () => Promise.reject(new Error('b is down')) };
    await expect(page({ first: 3 }, healthy.source, failing)).rejects.toThrow('b is down');
  });
});

test('ListingTotals forgets the least recently used listing beyond its capacity', () => {
  const totals = new ListingTotals(2);
  totals.remember('a', 1);
  totals.remember('b', 2);
  expect(totals.get('a')).toBe(1); // a is now the most recent
  totals.remember('c', 3);
  expect([totals.get('a'), totals.get('b'), totals.get('c')]).toEqual([1, undefined, 3]);
  expect(totals.size).toBe(2);
});
