/** The inbox's operations: one page of the merged `leads` list, with what a row shows. */
import { graphql } from '../gql';

export const LeadRowFields = graphql(`
  fragment LeadRowFields on Lead {
    id
    provider
    title
    description
    contact {
      name
    }
    status
    providerStatus
    source
    tags
    createdAt
  }
`);

export const InboxLeadsQuery = graphql(`
  query InboxLeads($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...LeadRowFields
        }
      }
    }
  }
`);

export const ProvidersQuery = graphql(`
  query Providers {
    providers {
      provider
      configured
      demo
      capabilities
      readsFrom
    }
  }
`);

export const InboxLeadEventsSubscription = graphql(`
  subscription InboxLeadEvents {
    leadEvents(filter: { types: [CREATED] }) {
      type
      lead {
        ...LeadRowFields
      }
    }
  }
`);
