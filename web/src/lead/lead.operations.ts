/** A lead's page: every field, and the update a provider that supports it accepts. */
import { graphql } from '../gql';

export const LeadDetailFields = graphql(`
  fragment LeadDetailFields on Lead {
    id
    provider
    providerLeadId
    title
    description
    contact {
      personId
      name
      email
      phone
    }
    status
    providerStatus
    source
    priority
    tags
    isActive
    property {
      id
      title
    }
    trafficOrigin
    createdAt
    updatedAt
    raw
  }
`);

export const LeadDetailQuery = graphql(`
  query LeadDetail($id: ID!) {
    lead(id: $id) {
      ...LeadDetailFields
    }
  }
`);

export const UpdateLeadMutation = graphql(`
  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {
    updateLead(id: $id, input: $input) {
      lead {
        ...LeadDetailFields
      }
    }
  }
`);
