/**
 * Serves a Relay window from a page/limit provider: plans the one or two provider pages that cover
 * the window, fetches them in parallel, slices, and builds cursors and PageInfo. Backward paging
 * from the end needs the total first, which the first fetch provides.
 */
import { encodeCursor } from '../pagination/cursor';
import { pageInfoFor, planPages, resolveBackward, sliceWindow, type RequestedWindow } from '../pagination/page-window';
import type { LeadListPage, ProviderPageRequest } from '../../providers/provider-adapter';
import type { Lead } from '../types/lead.type';
import type { LeadConnection } from '../types/lead-connection.type';

export type FetchPage = (page: ProviderPageRequest) => Promise<LeadListPage>;

export async function pageLeads(window: RequestedWindow, fingerprint: string, fetchPage: FetchPage): Promise<LeadConnection> {
  if (window.kind === 'forward') return fetchWindow(window.start, window.size, fingerprint, fetchPage);
  if (window.end !== 'total') {
    const { start, size } = resolveBackward(window.end, window.size);
    const connection = await fetchWindow(start, size, fingerprint, fetchPage);
    if (window.end <= connection.totalCount) return connection;
    // The listing shrank since the cursor was issued (e.g. leads left a status filter): the leads before it
    // are now the last ones. Serving the stale window instead could yield an empty page claiming
    // hasPreviousPage with no startCursor to page on from.
    const clamped = resolveBackward(connection.totalCount, window.size);
    return fetchWindow(clamped.start, clamped.size, fingerprint, fetchPage);
  }
  // The last `size` leads: the first page tells the total, and is the answer when everything fits.
  const first = await fetchPage({ page: 1, limit: window.size });
  if (first.total <= window.size) return connectionOf(first.leads, 0, first.total, fingerprint);
  const { start, size } = resolveBackward(first.total, window.size);
  return fetchWindow(start, size, fingerprint, fetchPage);
}

async function fetchWindow(start: number, size: number, fingerprint: string, fetchPage: FetchPage): Promise<LeadConnection> {
  const plan = planPages(start, size);
  const pages = await Promise.all(plan.pages.map((page) => fetchPage({ page, limit: plan.limit })));
  const leads = sliceWindow(
    plan,
    pages.map((p) => p.leads),
    start,
    size,
  );
  // Pages fetched together may disagree on the total if leads arrive in between; the larger is safer for hasNextPage.
  const total = Math.max(...pages.map((p) => p.total));
  return connectionOf(leads, start, total, fingerprint);
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
