/**
 * New leads on top of the inbox as they are created (`Subscription.leadEvents`, CREATED), by this
 * app, another client, or on a provider (found by the gateway's poll). A lead that matches the
 * list's filter is written at the head of the cached list, which relayStylePagination keeps with
 * the pages already loaded, when the list is newest first; in any other order its place is not
 * known here, so the reader is offered a reload instead.
 */
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import type { InboxLeadsQueryVariables, LeadRowFieldsFragment } from '../gql/graphql';
import { InboxLeadEventsSubscription, InboxLeadsQuery } from './inbox.operations';

export function matchesFilter(lead: LeadRowFieldsFragment, variables: InboxLeadsQueryVariables): boolean {
  const filter = variables.filter ?? {};
  if (filter.provider && lead.provider !== filter.provider) return false;
  if (filter.status && lead.status !== filter.status) return false;
  if (filter.search && !lead.title?.toLocaleLowerCase().includes(filter.search.toLocaleLowerCase())) return false;
  return true;
}

export interface LiveLeads {
  /** The last lead that arrived, for the live region. */
  lastArrived?: LeadRowFieldsFragment;
  /** Leads that arrived for a list not ordered newest first: a reload shows them. */
  pending: number;
  clearPending(): void;
}

export function useLiveLeads(variables: InboxLeadsQueryVariables): LiveLeads {
  const client = useApolloClient();
  const [lastArrived, setLastArrived] = useState<LeadRowFieldsFragment>();
  const [pending, setPending] = useState(0);
  const newestFirst = (variables.orderBy?.field ?? 'CREATED_AT') === 'CREATED_AT' && (variables.orderBy?.direction ?? 'DESC') === 'DESC';

  useSubscription(InboxLeadEventsSubscription, {
    onData: ({ data }) => {
      const lead = data.data?.leadEvents.lead;
      if (!lead || !matchesFilter(lead, variables)) return;
      if (!newestFirst) {
        setPending((count) => count + 1);
        return;
      }
      client.cache.updateQuery({ query: InboxLeadsQuery, variables }, (cached) => {
        if (!cached || cached.leads.edges.some((edge) => edge.node.id === lead.id)) return cached;
        return {
          leads: {
            ...cached.leads,
            totalCount: cached.leads.totalCount + 1,
            edges: [{ __typename: 'LeadEdge' as const, cursor: '', node: lead }, ...cached.leads.edges],
          },
        };
      });
      setLastArrived(lead);
    },
  });
  return { lastArrived, pending, clearPending: () => setPending(0) };
}
