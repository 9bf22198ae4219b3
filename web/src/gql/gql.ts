/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment LeadRowFields on Lead {\n    id\n    provider\n    title\n    description\n    contact {\n      name\n    }\n    status\n    providerStatus\n    source\n    tags\n    createdAt\n  }\n": typeof types.LeadRowFieldsFragmentDoc,
    "\n  query InboxLeads($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LeadRowFields\n        }\n      }\n    }\n  }\n": typeof types.InboxLeadsDocument,
    "\n  query Providers {\n    providers {\n      provider\n      configured\n      demo\n      capabilities\n      readsFrom\n    }\n  }\n": typeof types.ProvidersDocument,
    "\n  subscription InboxLeadEvents {\n    leadEvents(filter: { types: [CREATED] }) {\n      type\n      lead {\n        ...LeadRowFields\n      }\n    }\n  }\n": typeof types.InboxLeadEventsDocument,
    "\n  fragment LeadDetailFields on Lead {\n    id\n    provider\n    providerLeadId\n    title\n    description\n    contact {\n      personId\n      name\n      email\n      phone\n    }\n    status\n    providerStatus\n    source\n    priority\n    tags\n    isActive\n    property {\n      id\n      title\n    }\n    trafficOrigin\n    createdAt\n    updatedAt\n    raw\n  }\n": typeof types.LeadDetailFieldsFragmentDoc,
    "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      ...LeadDetailFields\n    }\n  }\n": typeof types.LeadDetailDocument,
    "\n  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {\n    updateLead(id: $id, input: $input) {\n      lead {\n        ...LeadDetailFields\n      }\n    }\n  }\n": typeof types.UpdateLeadDocument,
    "\n  fragment SubmissionFields on LeadSubmission {\n    id\n    provider\n    status\n    attempts\n    possibleDuplicate\n    lastError {\n      code\n      message\n    }\n    nextAttemptAt\n    deliveredAt\n    lead {\n      id\n    }\n  }\n": typeof types.SubmissionFieldsFragmentDoc,
    "\n  mutation SubmitLead($input: CreateLeadInput!, $idempotencyKey: String) {\n    submitLead(input: $input, idempotencyKey: $idempotencyKey) {\n      replayed\n      submission {\n        ...SubmissionFields\n      }\n    }\n  }\n": typeof types.SubmitLeadDocument,
    "\n  query Submission($id: ID!) {\n    submission(id: $id) {\n      ...SubmissionFields\n    }\n  }\n": typeof types.SubmissionDocument,
};
const documents: Documents = {
    "\n  fragment LeadRowFields on Lead {\n    id\n    provider\n    title\n    description\n    contact {\n      name\n    }\n    status\n    providerStatus\n    source\n    tags\n    createdAt\n  }\n": types.LeadRowFieldsFragmentDoc,
    "\n  query InboxLeads($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LeadRowFields\n        }\n      }\n    }\n  }\n": types.InboxLeadsDocument,
    "\n  query Providers {\n    providers {\n      provider\n      configured\n      demo\n      capabilities\n      readsFrom\n    }\n  }\n": types.ProvidersDocument,
    "\n  subscription InboxLeadEvents {\n    leadEvents(filter: { types: [CREATED] }) {\n      type\n      lead {\n        ...LeadRowFields\n      }\n    }\n  }\n": types.InboxLeadEventsDocument,
    "\n  fragment LeadDetailFields on Lead {\n    id\n    provider\n    providerLeadId\n    title\n    description\n    contact {\n      personId\n      name\n      email\n      phone\n    }\n    status\n    providerStatus\n    source\n    priority\n    tags\n    isActive\n    property {\n      id\n      title\n    }\n    trafficOrigin\n    createdAt\n    updatedAt\n    raw\n  }\n": types.LeadDetailFieldsFragmentDoc,
    "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      ...LeadDetailFields\n    }\n  }\n": types.LeadDetailDocument,
    "\n  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {\n    updateLead(id: $id, input: $input) {\n      lead {\n        ...LeadDetailFields\n      }\n    }\n  }\n": types.UpdateLeadDocument,
    "\n  fragment SubmissionFields on LeadSubmission {\n    id\n    provider\n    status\n    attempts\n    possibleDuplicate\n    lastError {\n      code\n      message\n    }\n    nextAttemptAt\n    deliveredAt\n    lead {\n      id\n    }\n  }\n": types.SubmissionFieldsFragmentDoc,
    "\n  mutation SubmitLead($input: CreateLeadInput!, $idempotencyKey: String) {\n    submitLead(input: $input, idempotencyKey: $idempotencyKey) {\n      replayed\n      submission {\n        ...SubmissionFields\n      }\n    }\n  }\n": types.SubmitLeadDocument,
    "\n  query Submission($id: ID!) {\n    submission(id: $id) {\n      ...SubmissionFields\n    }\n  }\n": types.SubmissionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadRowFields on Lead {\n    id\n    provider\n    title\n    description\n    contact {\n      name\n    }\n    status\n    providerStatus\n    source\n    tags\n    createdAt\n  }\n"): (typeof documents)["\n  fragment LeadRowFields on Lead {\n    id\n    provider\n    title\n    description\n    contact {\n      name\n    }\n    status\n    providerStatus\n    source\n    tags\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxLeads($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LeadRowFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InboxLeads($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LeadRowFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Providers {\n    providers {\n      provider\n      configured\n      demo\n      capabilities\n      readsFrom\n    }\n  }\n"): (typeof documents)["\n  query Providers {\n    providers {\n      provider\n      configured\n      demo\n      capabilities\n      readsFrom\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InboxLeadEvents {\n    leadEvents(filter: { types: [CREATED] }) {\n      type\n      lead {\n        ...LeadRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription InboxLeadEvents {\n    leadEvents(filter: { types: [CREATED] }) {\n      type\n      lead {\n        ...LeadRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadDetailFields on Lead {\n    id\n    provider\n    providerLeadId\n    title\n    description\n    contact {\n      personId\n      name\n      email\n      phone\n    }\n    status\n    providerStatus\n    source\n    priority\n    tags\n    isActive\n    property {\n      id\n      title\n    }\n    trafficOrigin\n    createdAt\n    updatedAt\n    raw\n  }\n"): (typeof documents)["\n  fragment LeadDetailFields on Lead {\n    id\n    provider\n    providerLeadId\n    title\n    description\n    contact {\n      personId\n      name\n      email\n      phone\n    }\n    status\n    providerStatus\n    source\n    priority\n    tags\n    isActive\n    property {\n      id\n      title\n    }\n    trafficOrigin\n    createdAt\n    updatedAt\n    raw\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      ...LeadDetailFields\n    }\n  }\n"): (typeof documents)["\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      ...LeadDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {\n    updateLead(id: $id, input: $input) {\n      lead {\n        ...LeadDetailFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {\n    updateLead(id: $id, input: $input) {\n      lead {\n        ...LeadDetailFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubmissionFields on LeadSubmission {\n    id\n    provider\n    status\n    attempts\n    possibleDuplicate\n    lastError {\n      code\n      message\n    }\n    nextAttemptAt\n    deliveredAt\n    lead {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment SubmissionFields on LeadSubmission {\n    id\n    provider\n    status\n    attempts\n    possibleDuplicate\n    lastError {\n      code\n      message\n    }\n    nextAttemptAt\n    deliveredAt\n    lead {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitLead($input: CreateLeadInput!, $idempotencyKey: String) {\n    submitLead(input: $input, idempotencyKey: $idempotencyKey) {\n      replayed\n      submission {\n        ...SubmissionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitLead($input: CreateLeadInput!, $idempotencyKey: String) {\n    submitLead(input: $input, idempotencyKey: $idempotencyKey) {\n      replayed\n      submission {\n        ...SubmissionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Submission($id: ID!) {\n    submission(id: $id) {\n      ...SubmissionFields\n    }\n  }\n"): (typeof documents)["\n  query Submission($id: ID!) {\n    submission(id: $id) {\n      ...SubmissionFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;