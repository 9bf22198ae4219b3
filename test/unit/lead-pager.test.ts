/**
 * The pager speaks offsets only, and bounds a client's offset by the provider's last known total
 * before asking for any window. Checked against an in-memory listing that records every window
 * asked for, so the cost and the bound are exact.
 */
import type { ProviderWindow } from '../../src/providers/provider-adapter';
import { encodeCursor } from '../../src/leads/pagination/cursor';
import { ListingTotals } from '../../src/leads/pagination/listing-totals';
import { requestedWindow } from '../../src/leads/pagination/page-window';
import { pageLeads, UNSEEN_LISTING_REACH } from '../../src/leads/service/lead-pager';
import type { Lead } from '../../src/leads/types/lead.type';

const FP = 'fp-test';

function listing(total: number) {
  const leads = Array.from({ length: total }, (_, i) => ({ id: `l${i}` }) as Lead);
  const asked: ProviderWindow[] = [];
  const fetch = async (window: ProviderWindow) => {
    asked.push(window);
    return { leads: leads.slice(window.offset, window.offset + window.limit), total };
  };
  return { fetch, asked };
}

const forward = (after: number, first: number) => requestedWindow({ first, after: encodeCursor(after, FP) }, FP);
const backward = (before: number, last: number) => requestedWindow({ last, before: encodeCursor(before, FP) }, FP);

test('a window within the known total costs exactly one fetch of that window', async () => {
  const { fetch, asked } = listing(64);
  const totals = new ListingTotals();
  totals.remember(FP, 64);
  const page = await pageLeads(forward(9, 10), FP, fetch, totals);
  expect(page.nodes.map((n) => n.id)).toEqual(['l10', 'l11', 'l12', 'l13', 'l14', 'l15', 'l16', 'l17', 'l18', 'l19']);
  expect(asked).toEqual([{ offset: 10, limit: 10 }]);
});

test('an offset past the known total learns the total with one one-lead fetch and asks for nothing past it', async () => {
  const { fetch, asked } = listing(64);
  const totals = new ListingTotals();
  totals.remember(FP, 64);
  const page = await pageLeads(forward(5_000_000, 8), FP, fetch, totals);
  expect(page.nodes).toEqual([]);
  expect(page.totalCount).toBe(64);
  expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  expect(asked).toEqual([{ offset: 0, limit: 1 }]);
});

test('a listing that grew past the remembered total is still served', async () => {
  const { fetch, asked } = listing(80);
  const totals = new ListingTotals();
  totals.remember(FP, 64);
  const page = await pageLeads(forward(69, 5), FP, fetch, totals);
  expect(page.nodes.map((n) => n.id)).toEqual(['l70', 'l71', 'l72', 'l73', 'l74']);
  expect(asked).toEqual([
    { offset: 0, limit: 1 },
    { offset: 70, limit: 5 },
  ]);
  expect(totals.get(FP)).toBe(80);
});

test('with no total known, offsets up to UNSEEN_LISTING_REACH are fetched directly; beyond, the total comes first', async () => {
  const near = listing(64);
  await pageLeads(forward(UNSEEN_LISTING_REACH - 1, 5), FP, near.fetch, new ListingTotals());
  expect(near.asked).toEqual([{ offset: UNSEEN_LISTING_REACH, limit: 5 }]);

  const far = listing(64);
  await pageLeads(forward(UNSEEN_LISTING_REACH, 5), FP, far.fetch, new ListingTotals());
  expect(far.asked).toEqual([{ offset: 0, limit: 1 }]);
});

test('backward before a forged offset serves the last leads without asking past the end', async () => {
  const { fetch, asked } = listing(64);
  const totals = new ListingTotals();
  totals.remember(FP, 64);
  const page = await pageLeads(backward(9_000_000, 3), FP, fetch, totals);
  expect(page.nodes.map((n) => n.id)).toEqual(['l61', 'l62', 'l63']);
  expect(asked).toEqual([
    { offset: 0, limit: 1 },
    { offset: 61, limit: 3 },
  ]);
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
