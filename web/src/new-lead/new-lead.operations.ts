/** The new-lead form's operations: `submitLead` (durable delivery) and its receipt, polled until final. */
import { graphql } from '../gql';

export const SubmissionFields = graphql(`
  fragment SubmissionFields on LeadSubmission {
    id
    provider
    status
    attempts
    possibleDuplicate
    lastError {
      code
      message
    }
    nextAttemptAt
    deliveredAt
    lead {
      id
    }
  }
`);

export const SubmitLeadMutation = graphql(`
  mutation SubmitLead($input: CreateLeadInput!, $idempotencyKey: String) {
    submitLead(input: $input, idempotencyKey: $idempotencyKey) {
      replayed
      submission {
        ...SubmissionFields
      }
    }
  }
`);

export const SubmissionQuery = graphql(`
  query Submission($id: ID!) {
    submission(id: $id) {
      ...SubmissionFields
    }
  }
`);
