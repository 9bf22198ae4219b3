/**
 * The inbox: every provider's leads in one list (the merged `leads` connection), filtered and
 * ordered, with pages appended as the reader scrolls (or presses "Load more").
 */
import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useRef } from 'react';
import type { LeadFilter, LeadOrder } from '../gql/graphql';
import { ORDER_CHOICES } from '../shared/enums';
import { ErrorNotice } from '../shared/ErrorNotice';
import { LeadFilters, type InboxFilter } from './LeadFilters';
import { leadHeadline, LeadRow } from './LeadRow';
import { InboxLeadsQuery } from './inbox.operations';
import { useInfiniteScroll } from './use-infinite-scroll';
import { useLiveLeads } from './use-live-leads';

export const PAGE_SIZE = 20;

export function inboxVariables(filter: InboxFilter): { filter: LeadFilter; orderBy: LeadOrder } {
  const order = ORDER_CHOICES.find((choice) => choice.value === filter.order) ?? ORDER_CHOICES[0]!;
  const search = filter.search.trim();
  return {
    filter: {
      ...(filter.provider ? { provider: filter.provider } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(search ? { search } : {}),
    },
    orderBy: { field: order.field, direction: order.direction },
  };
}

export interface InboxPageProps {
  filter: InboxFilter;
  onFilterChange: (filter: InboxFilter) => void;
}

export function InboxPage({ filter, onFilterChange }: InboxPageProps) {
  const variables = useMemo(() => ({ first: PAGE_SIZE, ...inboxVariables(filter) }), [filter]);
  const { data, error, loading, fetchMore, refetch } = useQuery(InboxLeadsQuery, { variables });
  const live = useLiveLeads(variables);
  const fetching = useRef(false);
  const connection = data?.leads;
  const hasNextPage = connection?.pageInfo.hasNextPage ?? false;

  const loadMore = useCallback(() => {
    if (fetching.current || !connection?.pageInfo.hasNextPage) return;
    fetching.current = true;
    fetchMore({ variables: { after: connection.pageInfo.endCursor } })
      .catch(() => undefined) // shown through `error`
      .finally(() => (fetching.current = false));
  }, [connection, fetchMore]);
  const sentinel = useInfiniteScroll<HTMLDivElement>(loadMore, hasNextPage && !error);

  // A lead that moved between two pages' fetches (a new lead pushed it down) is shown once.
  const leads = useMemo(() => {
    const seen = new Set<string>();
    return (connection?.edges ?? []).map((edge) => edge.node).filter((lead) => !seen.has(lead.id) && seen.add(lead.id));
  }, [connection]);

  return (
    <section aria-labelledby="inbox-heading">
      <h1 id="inbox-heading">Inbox</h1>
      <LeadFilters value={filter} onChange={onFilterChange} />
      <p className="list-status" role="status" aria-live="polite">
        {connection
          ? hasNextPage
            ? `Showing ${leads.length} of ${connection.totalCount} leads`
            : `All ${connection.totalCount} leads shown`
          : loading
            ? 'Loading leads…'
            : ''}
      </p>
      <p className="live-status" role="status" aria-live="polite">
        {live.lastArrived ? `New lead: ${leadHeadline(live.lastArrived)}` : ''}
      </p>
      {live.pending > 0 ? (
        <p className="notice">
          {live.pending === 1 ? '1 new lead arrived.' : `${live.pending} new leads arrived.`}{' '}
          <button
            type="button"
            onClick={() => {
              live.clearPending();
              void refetch();
            }}
          >
            Show
          </button>
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} onRetry={() => void (connection ? loadMore() : refetch())} /> : null}
      {connection && leads.length === 0 ? <p className="empty">No lead matches these filters.</p> : null}
      <ul className="lead-list" aria-label="Leads">
        {leads.map((lead) => (
          <LeadRow key={lead.id} lead={lead} />
        ))}
      </ul>
      {hasNextPage ? (
        <div ref={sentinel} className="load-more">
          <button type="button" onClick={loadMore} disabled={loading}>
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
