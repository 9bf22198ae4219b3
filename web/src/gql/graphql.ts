/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A new lead. Which fields are required depends on the provider (see each field). Text is counted in Unicode code points; control characters are refused (a description may hold line breaks and tabs). */
export type CreateLeadInput = {
  /** KEYSPOT: name, email (valid e-mail) and phone required. TESSELYS: personId. */
  contact?: LeadContactInput | null | undefined;
  /** KEYSPOT: required (sent as message). TESSELYS: optional description. At most 10000 characters. */
  description?: string | null | undefined;
  /** KEYSPOT: the property of interest ({ code, title }). */
  property?: LeadPropertyInput | null | undefined;
  /** The provider to create the lead in. */
  provider: LeadProvider;
  /** Where the lead came from; mapped to the closest value the provider accepts. UNKNOWN is refused. */
  source?: LeadSource | null | undefined;
  /** TESSELYS: free tags, at most 50, each at most 100 characters. */
  tags?: Array<string> | null | undefined;
  /** TESSELYS: required, at most 255 characters. KEYSPOT has no title: leave it out. */
  title?: string | null | undefined;
  /** KEYSPOT: traffic origin for tracking (UTM, campaign), at most 500 characters. */
  trafficOrigin?: string | null | undefined;
};

/** The person behind a new lead. KEYSPOT: name, email and phone are required. TESSELYS: personId links an existing person. */
export type LeadContactInput = {
  /** KEYSPOT (required): the contact's e-mail address, at most 254 characters. */
  email?: string | null | undefined;
  /** KEYSPOT (required): the contact's name, at most 200 characters. */
  name?: string | null | undefined;
  /** TESSELYS: id of an existing person to link (at most 128 characters). */
  personId?: string | null | undefined;
  /** KEYSPOT (required): the contact's phone, e.g. "11999999999" or "+55 11 99999-9999"; at most 32 characters. */
  phone?: string | null | undefined;
};

/** What happened to a lead or a submission. */
export type LeadEventType =
  /** A lead was created: by `createLead`, by a delivered submission, or on a listing provider by anyone else (found by polling). */
  | 'CREATED'
  /** A submission changed status (QUEUED, DELIVERING, DELIVERED, FAILED); `submission` says how it is now. */
  | 'SUBMISSION_CHANGED'
  /** A lead was changed: by `updateLead`, or on a listing provider by anyone else (found by polling). */
  | 'UPDATED';

/** Which leads to list. */
export type LeadFilter = {
  /** Only this provider (it must support LIST_LEADS). Default: every provider that can list. */
  provider?: LeadProvider | null | undefined;
  /** Only leads whose title contains this text (case-insensitive); at most 200 characters. */
  search?: string | null | undefined;
  /** Only leads with this status (one the listed provider uses). */
  status?: LeadStatus | null | undefined;
};

/** The order of `leads`. */
export type LeadOrder = {
  /** The direction. */
  direction?: OrderDirection;
  /** The field to order by. */
  field?: LeadOrderField;
};

/** The field `leads` is ordered by. */
export type LeadOrderField =
  /** Creation time. */
  | 'CREATED_AT'
  /** Title, alphabetically. */
  | 'TITLE';

/** A lead's priority (KEYSPOT only; new leads are MEDIUM). */
export type LeadPriority =
  /** High priority. */
  | 'HIGH'
  /** Low priority. */
  | 'LOW'
  /** Medium priority (the default for new KEYSPOT leads). */
  | 'MEDIUM'
  /** A value the provider sent that LeadGraph does not know yet. */
  | 'UNKNOWN'
  /** Urgent. */
  | 'URGENT';

/** KEYSPOT: the property of interest. */
export type LeadPropertyInput = {
  /** The property's code in Keyspot (sent as propertyCode); when it matches, the lead is linked to the property. At most 64 characters. */
  code?: string | null | undefined;
  /** The property's title (sent as interestedPropertyTitle); Keyspot fills it from the matched property when absent. At most 255 characters. */
  title?: string | null | undefined;
};

/** The lead provider (CRM) a lead lives in. */
export type LeadProvider =
  /** Keyspot, the real-estate CRM (create only). */
  | 'KEYSPOT'
  /** Tesselys, the general CRM (list, get, create, update). */
  | 'TESSELYS';

/** Where `lead`, `node` and `leads` read a provider's leads from. */
export type LeadReadSource =
  /** LeadGraph's own record of the leads it created at this provider (the provider has no read API): only leads created through this gateway (by `createLead` or a delivered `submitLead`), for the caller's tenant. */
  | 'GATEWAY_RECORD'
  /** The provider's own API: every lead the provider holds. */
  | 'PROVIDER';

/** Where a lead came from. On create: KEYSPOT takes every value but EVENT (sent as OTHER); TESSELYS takes WEBSITE, PHONE, EMAIL, REFERRAL, SOCIAL_MEDIA, EVENT and OTHER as they are, INSTAGRAM/FACEBOOK/WHATSAPP as SOCIAL_MEDIA, and anything else as OTHER. */
export type LeadSource =
  /** Created through an API (Keyspot’s default). */
  | 'API'
  /** An e-mail. */
  | 'EMAIL'
  /** An event, fair or conference. */
  | 'EVENT'
  /** Facebook. */
  | 'FACEBOOK'
  /** Google Ads. */
  | 'GOOGLE_ADS'
  /** Instagram. */
  | 'INSTAGRAM'
  /** Meta (Facebook/Instagram) ads. */
  | 'META_ADS'
  /** Any other channel. */
  | 'OTHER'
  /** A phone call. */
  | 'PHONE'
  /** A real-estate portal, unspecified. */
  | 'PORTAL'
  /** The Chaves na Mão portal. */
  | 'PORTAL_CHAVESNAMAO'
  /** The Imovelweb portal. */
  | 'PORTAL_IMOVELWEB'
  /** The OLX portal. */
  | 'PORTAL_OLX'
  /** The VivaReal portal. */
  | 'PORTAL_VIVAREAL'
  /** The ZAP Imóveis portal. */
  | 'PORTAL_ZAPIMOVEIS'
  /** RD Station marketing automation. */
  | 'RD_STATION'
  /** A real-estate agency. */
  | 'REAL_ESTATE'
  /** A referral by a client or partner. */
  | 'REFERRAL'
  /** Social media in general (LinkedIn, Instagram, ...). */
  | 'SOCIAL_MEDIA'
  /** A value the provider sent that LeadGraph does not know yet. Never accepted as input. */
  | 'UNKNOWN'
  /** A form or chat on a website. */
  | 'WEBSITE'
  /** WhatsApp. */
  | 'WHATSAPP';

/** A lead's status, as its provider spells it. `providerStatus` always carries the provider's own value. */
export type LeadStatus =
  /** TESSELYS: contacted, waiting for an answer. */
  | 'CONTACTED'
  /** TESSELYS: turned into business. */
  | 'CONVERTED'
  /** TESSELYS: new, not contacted yet. */
  | 'NEW'
  /** KEYSPOT: a new lead (its only documented status). */
  | 'NEW_LEAD'
  /** TESSELYS: qualified, likely to convert. */
  | 'QUALIFIED'
  /** A value the provider sent that LeadGraph does not know yet (see `providerStatus`). Never accepted as input. */
  | 'UNKNOWN'
  /** TESSELYS: no fit or no interest. */
  | 'UNQUALIFIED';

/** Ascending or descending order. */
export type OrderDirection =
  /** Ascending: oldest or A first. */
  | 'ASC'
  /** Descending: newest or Z first. */
  | 'DESC';

/** An operation a provider supports through LeadGraph. */
export type ProviderCapability =
  /** Creating a lead (`createLead`). */
  | 'CREATE_LEAD'
  /** Reading one lead by id (`lead`, `node`). */
  | 'GET_LEAD'
  /** Listing and paging leads (`leads`). */
  | 'LIST_LEADS'
  /** Updating a lead (`updateLead`). */
  | 'UPDATE_LEAD';

/** Where a submitted lead is on its way to its provider. */
export type SubmissionStatus =
  /** The provider created the lead (`lead`). */
  | 'DELIVERED'
  /** A worker is sending it to the provider now. */
  | 'DELIVERING'
  /** The provider refused it, or SUBMISSION_MAX_AGE_HOURS passed without delivery (`lastError`); `retrySubmission` queues it again. */
  | 'FAILED'
  /** Stored and waiting for its next attempt (`nextAttemptAt`). */
  | 'QUEUED';

/** Changes to a lead: send only what changes. TESSELYS is the only provider that supports updates today. */
export type UpdateLeadInput = {
  /** New description, at most 10000 characters (line breaks and tabs allowed). */
  description?: string | null | undefined;
  /** New status, one the provider uses (TESSELYS: NEW, CONTACTED, QUALIFIED, UNQUALIFIED, CONVERTED). UNKNOWN is refused. */
  status?: LeadStatus | null | undefined;
  /** New tags; they replace the old list. At most 50, each at most 100 characters. */
  tags?: Array<string> | null | undefined;
  /** New title (TESSELYS: at most 255 characters). */
  title?: string | null | undefined;
};

export type LeadRowFieldsFragment = { id: string, provider: LeadProvider, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, tags: Array<string>, createdAt: string, contact: { name: string | null } };

export type InboxLeadsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: LeadFilter | null | undefined;
  orderBy?: LeadOrder | null | undefined;
}>;


export type InboxLeadsQuery = { leads: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, provider: LeadProvider, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, tags: Array<string>, createdAt: string, contact: { name: string | null } } }> } };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { providers: Array<{ provider: LeadProvider, configured: boolean, demo: boolean, capabilities: Array<ProviderCapability>, readsFrom: LeadReadSource }> };

export type InboxLeadEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type InboxLeadEventsSubscription = { leadEvents: { type: LeadEventType, lead: { id: string, provider: LeadProvider, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, tags: Array<string>, createdAt: string, contact: { name: string | null } } | null } };

export type LeadDetailFieldsFragment = { id: string, provider: LeadProvider, providerLeadId: string, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, priority: LeadPriority | null, tags: Array<string>, isActive: boolean | null, trafficOrigin: string | null, createdAt: string, updatedAt: string, raw: Record<string, unknown>, contact: { personId: string | null, name: string | null, email: string | null, phone: string | null }, property: { id: string | null, title: string | null } | null };

export type LeadDetailQueryVariables = Exact<{
  id: string;
}>;


export type LeadDetailQuery = { lead: { id: string, provider: LeadProvider, providerLeadId: string, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, priority: LeadPriority | null, tags: Array<string>, isActive: boolean | null, trafficOrigin: string | null, createdAt: string, updatedAt: string, raw: Record<string, unknown>, contact: { personId: string | null, name: string | null, email: string | null, phone: string | null }, property: { id: string | null, title: string | null } | null } | null };

export type UpdateLeadMutationVariables = Exact<{
  id: string;
  input: UpdateLeadInput;
}>;


export type UpdateLeadMutation = { updateLead: { lead: { id: string, provider: LeadProvider, providerLeadId: string, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, priority: LeadPriority | null, tags: Array<string>, isActive: boolean | null, trafficOrigin: string | null, createdAt: string, updatedAt: string, raw: Record<string, unknown>, contact: { personId: string | null, name: string | null, email: string | null, phone: string | null }, property: { id: string | null, title: string | null } | null } } };

export type SubmissionFieldsFragment = { id: string, provider: LeadProvider, status: SubmissionStatus, attempts: number, possibleDuplicate: boolean, nextAttemptAt: string | null, deliveredAt: string | null, lastError: { code: string, message: string } | null, lead: { id: string } | null };

export type SubmitLeadMutationVariables = Exact<{
  input: CreateLeadInput;
  idempotencyKey?: string | null | undefined;
}>;


export type SubmitLeadMutation = { submitLead: { replayed: boolean, submission: { id: string, provider: LeadProvider, status: SubmissionStatus, attempts: number, possibleDuplicate: boolean, nextAttemptAt: string | null, deliveredAt: string | null, lastError: { code: string, message: string } | null, lead: { id: string } | null } } };

export type SubmissionQueryVariables = Exact<{
  id: string;
}>;


export type SubmissionQuery = { submission: { id: string, provider: LeadProvider, status: SubmissionStatus, attempts: number, possibleDuplicate: boolean, nextAttemptAt: string | null, deliveredAt: string | null, lastError: { code: string, message: string } | null, lead: { id: string } | null } | null };

export const LeadRowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<LeadRowFieldsFragment, unknown>;
export const LeadDetailFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadDetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerLeadId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trafficOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<LeadDetailFieldsFragment, unknown>;
export const SubmissionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubmissionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LeadSubmission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"possibleDuplicate"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SubmissionFieldsFragment, unknown>;
export const InboxLeadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InboxLeads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadRowFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<InboxLeadsQuery, InboxLeadsQueryVariables>;
export const ProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"demo"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"readsFrom"}}]}}]}}]} as unknown as DocumentNode<ProvidersQuery, ProvidersQueryVariables>;
export const InboxLeadEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InboxLeadEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leadEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadRowFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<InboxLeadEventsSubscription, InboxLeadEventsSubscriptionVariables>;
export const LeadDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeadDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadDetailFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadDetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerLeadId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trafficOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<LeadDetailQuery, LeadDetailQueryVariables>;
export const UpdateLeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateLead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLeadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadDetailFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadDetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerLeadId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trafficOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<UpdateLeadMutation, UpdateLeadMutationVariables>;
export const SubmitLeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitLead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateLeadInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitLead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubmissionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubmissionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LeadSubmission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"possibleDuplicate"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SubmitLeadMutation, SubmitLeadMutationVariables>;
export const SubmissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Submission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubmissionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubmissionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LeadSubmission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"possibleDuplicate"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SubmissionQuery, SubmissionQueryVariables>;