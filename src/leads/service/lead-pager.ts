/**
 * Serves a Relay window from a provider that lists by `{ offset, limit }`: resolves the window to
 * offsets, asks the provider for it, and builds cursors and PageInfo. Backward paging from the end
 * needs the total first, which the first fetch provides.
 *
 * Cost: one provider window per page (the adapter turns it into at most two provider calls), plus
 * one one-lead call to learn the total when a cursor points past what this connection last saw of
 * the listing. An offset is the client's word: it is bounded by the provider's last known total
 * (ListingTotals) before any page is asked for, so a forged cursor never becomes an absurd
 * upstream page.
 */
import type { LeadListPage, ProviderWindow } from '../../providers/provider-adapter';
import { encodeCursor } from '../pagination/cursor';
import type { ListingTotals } from '../pagination/listing-totals';
import { pageInfoFor, resolveBackward, type RequestedWindow } from '../pagination/page-window';
import type { Lead } from '../types/lead.type';
import type { LeadConnection } from '../types/lead-connection.type';

export type FetchWindow = (window: ProviderWindow) => Promise<LeadListPage>;

/**
 * How far a cursor may reach into a listing whose total this connection has not seen (a restart,
 * another replica's cursor) before the total is checked first: ten full pages.
 */
export const UNSEEN_LISTING_REACH = 1_000;

export async function pageLeads(
  window: RequestedWindow,
  fingerprint: string,
  fetchWindow: FetchWindow,
  totals: ListingTotals,
): Promise<LeadConnection> {
  const fetch = async (request: ProviderWindow): Promise<LeadListPage> => {
    const page = await fetchWindow(request);
    totals.remember(fingerprint, page.total);
    return page;
  };

  if (window.kind === 'forward') {
    if (window.start > (totals.get(fingerprint) ?? UNSEEN_LISTING_REACH)) {
      const total = (await fetch({ offset: 0, limit: 1 })).total;
      // Nothing there: an empty last page, without asking for a page past the end.
      if (window.start >= total) return connectionOf([], window.start, total, fingerprint);
    }
    return fetchConnection(window.start, window.size, fingerprint, fetch);
  }
  if (window.end !== 'total') {
    let end = window.end;
    if (end > (totals.get(fingerprint) ?? UNSEEN_LISTING_REACH)) end = Math.min(end, (await fetch({ offset: 0, limit: 1 })).total);
    const { start, size } = resolveBackward(end, window.size);
    const connection = await fetchConnection(start, size, fingerprint, fetch);
    if (end <= connection.totalCount) return connection;
    // The listing shrank since the cursor was issued (e.g. leads left a status filter): the leads before it
    // are now the last ones. Serving the stale window instead could yield an empty page claiming
    // hasPreviousPage with no startCursor to page on from.
    const clamped = resolveBackward(connection.totalCount, window.size);
    return fetchConnection(clamped.start, clamped.size, fingerprint, fetch);
  }
  // The last `size` leads: the first window tells the total, and is the answer when everything fits.
  const first = await fetch({ offset: 0, limit: window.size });
  if (first.total <= window.size) return connectionOf(first.leads, 0, first.total, fingerprint);
  const { start, size } = resolveBackward(first.total, window.size);
  return fetchConnection(start, size, fingerprint, fetch);
}

async function fetchConnection(start: number, size: number, fingerprint: string, fetch: FetchWindow): Promise<LeadConnection> {
  // An empty window (a backward one ending at offset 0) still asks for one lead, to learn the total.
  const page = await fetch({ offset: start, limit: Math.max(size, 1) });
  return connectionOf(page.leads.slice(0, size), start, page.total, fingerprint);
}

function connectionOf(leads: Lead[], start: number, total: number, fingerprint: string): LeadConnection {
  const edges = leads.map((node, index) => ({ cursor: encodeCursor(start + index, fingerprint), node }));
  return {
    edges,
    nodes: leads,
    totalCount: total,
    pageInfo: {
      ...pageInfoFor(start, leads.length, total),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
