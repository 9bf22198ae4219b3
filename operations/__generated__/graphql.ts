import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** A tenant API key (its secret is shown once, by createApiKey, and never stored). */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When the key was created (UTC). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The key id, for revokeApiKey. */
  id: Scalars['ID']['output'];
  /** Roughly when the key was last used (recorded at most every few seconds). */
  lastUsedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** What the key is for, as its creator named it. */
  name: Scalars['String']['output'];
  /** The first characters of the secret, to tell keys apart. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked; a revoked key is refused (401) within 5 s on every replica. */
  revokedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** What the key may do. */
  scopes: Array<ApiScope>;
};

/** What an API key may do. */
export type ApiScope =
  /** "leads:read": queries on leads and providers. */
  | 'LEADS_READ'
  /** "leads:submit": for public forms: createLead and submitLead and their receipts only. */
  | 'LEADS_SUBMIT'
  /** "leads:write": lead mutations (without leads:read, only a receipt of the lead is returned). */
  | 'LEADS_WRITE'
  /** "tenants:admin": the tenant administration API (API_KEYS entries only). */
  | 'TENANTS_ADMIN';

/** The state of LeadGraph's circuit breaker for one provider. */
export type CircuitState =
  /** Calls go through normally. */
  | 'CLOSED'
  /** A probe call is in flight; its outcome closes the circuit or opens it again. */
  | 'HALF_OPEN'
  /** The provider failed too many times in a row: calls fail at once with PROVIDER_UNAVAILABLE, without reaching it. After the cooldown, the next call is let through as a probe. */
  | 'OPEN';

/** A new lead. Which fields are required depends on the provider (see each field). Text is counted in Unicode code points; control characters are refused (a description may hold line breaks and tabs). */
export type CreateLeadInput = {
  /** KEYSPOT: name, email (valid e-mail) and phone required. TESSELYS: personId. */
  contact?: InputMaybe<LeadContactInput>;
  /** KEYSPOT: required (sent as message). TESSELYS: optional description. At most 10000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** KEYSPOT: the property of interest ({ code, title }). */
  property?: InputMaybe<LeadPropertyInput>;
  /** The provider to create the lead in. */
  provider: LeadProvider;
  /** Where the lead came from; mapped to the closest value the provider accepts. UNKNOWN is refused. */
  source?: InputMaybe<LeadSource>;
  /** TESSELYS: free tags, at most 50, each at most 100 characters. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** TESSELYS: required, at most 255 characters. KEYSPOT has no title: leave it out. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** KEYSPOT: traffic origin for tracking (UTM, campaign), at most 500 characters. */
  trafficOrigin?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `createLead`. */
export type CreateLeadPayload = {
  __typename?: 'CreateLeadPayload';
  /** The lead as the provider created it. */
  lead: Lead;
  /** True when this answer is the stored outcome of an earlier `createLead` with the same idempotency key and input: nothing was sent to the provider this time (the response also carries `Idempotent-Replayed: true`). */
  replayed: Scalars['Boolean']['output'];
};

/** A new API key and its secret, which is shown only here and cannot be read again. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  /** The key as listings show it. */
  apiKey: ApiKey;
  /** Send it as `Authorization: Bearer <secret>`. Store it now: only its digest is kept. */
  secret: Scalars['String']['output'];
};

/** A lead from any provider, in one unified shape. */
export type Lead = Node & {
  __typename?: 'Lead';
  /** The person behind the lead. */
  contact: LeadContact;
  /** When the lead was created (UTC). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** TESSELYS: the description. KEYSPOT: the message. */
  description: Maybe<Scalars['String']['output']>;
  /** Global id, "<provider>:<providerLeadId>" (e.g. "tesselys:clx7f8g9..."). Treat it as opaque. */
  id: Scalars['ID']['output'];
  /** TESSELYS only: whether the lead is active. */
  isActive: Maybe<Scalars['Boolean']['output']>;
  /** KEYSPOT only: the priority. */
  priority: Maybe<LeadPriority>;
  /** KEYSPOT: the property of interest, when there is one. */
  property: Maybe<LeadProperty>;
  /** The provider the lead lives in. */
  provider: LeadProvider;
  /** The provider's own id for the lead. */
  providerLeadId: Scalars['String']['output'];
  /** The provider's own spelling of the status, even when `status` is UNKNOWN. */
  providerStatus: Scalars['String']['output'];
  /** The provider's payload exactly as received. */
  raw: Scalars['JSONObject']['output'];
  /** Where the lead came from (KEYSPOT source; TESSELYS sourceChannel). */
  source: Maybe<LeadSource>;
  /** The status; UNKNOWN when the provider sent a value LeadGraph does not know yet. */
  status: LeadStatus;
  /** TESSELYS: free tags. KEYSPOT: always empty. */
  tags: Array<Scalars['String']['output']>;
  /** TESSELYS: the title. KEYSPOT: null. */
  title: Maybe<Scalars['String']['output']>;
  /** KEYSPOT: traffic origin (UTM, campaign), when the provider returns it. */
  trafficOrigin: Maybe<Scalars['String']['output']>;
  /** When the lead was last updated (UTC). */
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** A page of leads (Relay connection). */
export type LeadConnection = {
  __typename?: 'LeadConnection';
  /** The leads of this page with their cursors. */
  edges: Array<LeadEdge>;
  /** The leads of this page, without cursors. */
  nodes: Array<Lead>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many leads match the filter in all, across pages. */
  totalCount: Scalars['Int']['output'];
};

/** The person behind a lead. KEYSPOT fills name, email and phone; TESSELYS fills personId and name. */
export type LeadContact = {
  __typename?: 'LeadContact';
  /** KEYSPOT: the contact's e-mail. */
  email: Maybe<Scalars['String']['output']>;
  /** The contact's name (KEYSPOT name; TESSELYS personName). */
  name: Maybe<Scalars['String']['output']>;
  /** TESSELYS: the id of the linked person. */
  personId: Maybe<Scalars['String']['output']>;
  /** KEYSPOT: the contact's phone. */
  phone: Maybe<Scalars['String']['output']>;
};

/** The person behind a new lead. KEYSPOT: name, email and phone are required. TESSELYS: personId links an existing person. */
export type LeadContactInput = {
  /** KEYSPOT (required): the contact's e-mail address, at most 254 characters. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** KEYSPOT (required): the contact's name, at most 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** TESSELYS: id of an existing person to link (at most 128 characters). */
  personId?: InputMaybe<Scalars['String']['input']>;
  /** KEYSPOT (required): the contact's phone, e.g. "11999999999" or "+55 11 99999-9999"; at most 32 characters. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** A lead and its cursor. */
export type LeadEdge = {
  __typename?: 'LeadEdge';
  /** Opaque cursor of this lead, valid only with the same filter and order. */
  cursor: Scalars['String']['output'];
  /** The lead. */
  node: Lead;
};

/** A lead created or changed, or a submission whose status changed, in the subscriber’s tenant. Sent once per change. */
export type LeadEvent = {
  __typename?: 'LeadEvent';
  /** When the gateway learned of the change (UTC). */
  at: Scalars['DateTimeISO']['output'];
  /** The lead as it is after the change (CREATED, UPDATED; SUBMISSION_CHANGED once DELIVERED); null otherwise. */
  lead: Maybe<Lead>;
  /** The submission as it is after the change (SUBMISSION_CHANGED only). */
  submission: Maybe<LeadSubmission>;
  /** What happened. */
  type: LeadEventType;
};

/** Which events to receive; every field is optional and they combine with AND. */
export type LeadEventFilter = {
  /** Only events of leads and submissions of this provider. */
  provider?: InputMaybe<LeadProvider>;
  /** Only these types of event; all when absent. */
  types?: InputMaybe<Array<LeadEventType>>;
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
  provider?: InputMaybe<LeadProvider>;
  /** Only leads whose title contains this text (case-insensitive); at most 200 characters. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only leads with this status (one the listed provider uses). */
  status?: InputMaybe<LeadStatus>;
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

/** The property a lead is interested in (KEYSPOT). */
export type LeadProperty = {
  __typename?: 'LeadProperty';
  /** The provider's id of the linked property, when the lead's property code matched one. */
  id: Maybe<Scalars['String']['output']>;
  /** The title of the property of interest. */
  title: Maybe<Scalars['String']['output']>;
};

/** KEYSPOT: the property of interest. */
export type LeadPropertyInput = {
  /** The property's code in Keyspot (sent as propertyCode); when it matches, the lead is linked to the property. At most 64 characters. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The property's title (sent as interestedPropertyTitle); Keyspot fills it from the matched property when absent. At most 255 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
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

/** A lead accepted by `submitLead`: stored durably, then delivered to its provider with retries. */
export type LeadSubmission = Node & {
  __typename?: 'LeadSubmission';
  /** Delivery attempts started so far. */
  attempts: Scalars['Int']['output'];
  /** When the submission was accepted (UTC). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** When the provider created the lead (UTC); null until DELIVERED. */
  deliveredAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Global id, "submission:<uuid>". */
  id: Scalars['ID']['output'];
  /** Why the last attempt failed; null when none has failed. */
  lastError: Maybe<SubmissionError>;
  /** The lead as the provider created it, once DELIVERED. */
  lead: Maybe<Lead>;
  /** When the next attempt is due (UTC); null once DELIVERED or FAILED. */
  nextAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** True when an attempt’s outcome was unknown (e.g. a timeout) and the lead was sent again: the provider may hold it twice. */
  possibleDuplicate: Scalars['Boolean']['output'];
  /** The provider the lead goes to. */
  provider: LeadProvider;
  /** Where the submission is on its way to the provider. */
  status: SubmissionStatus;
  /** When the submission last changed (UTC). */
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** A page of submissions, newest first (Relay connection). */
export type LeadSubmissionConnection = {
  __typename?: 'LeadSubmissionConnection';
  /** The submissions of this page with their cursors. */
  edges: Array<LeadSubmissionEdge>;
  /** The submissions of this page, without cursors. */
  nodes: Array<LeadSubmission>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many submissions match the filter in all, across pages. */
  totalCount: Scalars['Int']['output'];
};

/** A submission and its cursor. */
export type LeadSubmissionEdge = {
  __typename?: 'LeadSubmissionEdge';
  /** Opaque cursor of this submission, for `after`. */
  cursor: Scalars['String']['output'];
  /** The submission. */
  node: LeadSubmission;
};

/** Create and update leads; each mutation goes to the provider the input or id names. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an API key for a tenant; its secret is in this answer only. Needs tenants:admin. */
  createApiKey: CreatedApiKey;
  /** Creates a lead in the provider named by `input.provider`. Nothing is sent when the input breaks that provider’s rules. With an idempotency key (the argument or the `Idempotency-Key` header), the same key and input are sent at most once: a repeat gets the first outcome again (`replayed: true`). */
  createLead: CreateLeadPayload;
  /** Creates a tenant; a slug taken or not 2 to 40 of a-z, 0-9, - is BAD_USER_INPUT. Needs tenants:admin. */
  createTenant: Tenant;
  /** Removes a tenant's credentials for a provider and disconnects it. Needs tenants:admin. */
  removeProviderCredentials: Tenant;
  /** Queues a FAILED submission again for a new delivery run; any other status is BAD_USER_INPUT. */
  retrySubmission: SubmitLeadPayload;
  /** Revokes an API key: refused (401) within 5 s on every replica. Needs tenants:admin. */
  revokeApiKey: ApiKey;
  /** Sets a tenant's credentials for a provider, once the provider accepts them (refused: PROVIDER_AUTH_FAILED, nothing saved). Needs tenants:admin. */
  setProviderCredentials: Tenant;
  /** Accepts a lead for guaranteed delivery: validated like createLead, stored durably, answered QUEUED at once whatever the provider is doing, then delivered with retries. */
  submitLead: SubmitLeadPayload;
  /** Changes a lead; send only the fields that change. Supported by TESSELYS. */
  updateLead: UpdateLeadPayload;
};


/** Create and update leads; each mutation goes to the provider the input or id names. */
export type MutationCreateApiKeyArgs = {
  name: Scalars['String']['input'];
  scopes: Array<ApiScope>;
  tenant: Scalars['String']['input'];
};


/** Create and update leads; each mutation goes to the provider the input or id names. */
export type MutationCreateLeadArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateLeadInput;
};


/** Create and update leads; each mutation goes to the provider the input or id names. */
export type MutationCreateTenantArgs = {
  name: Scalars['String']['input'];
  slug: Scalars['String']['input'];
};


/** Create and update leads; each mutation goes to the provider the input or id names. */
export type MutationRemoveProviderCredentialsArgs = {
  provider: LeadProvider;
  tenant: Scalars['String']['input'];
};


/** Create and update leads; each mutation goes to the provider the input or id names. */
export type MutationRetrySubmissionArgs = {
  id: Scalars['ID']['input'];
};


/** Create and update leads; each mutation goes to the provider the input or id names. */
export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


/** Create and update leads; each mutation goes to the provider the input or id names. */
export type MutationSetProviderCredentialsArgs = {
  input: ProviderCredentialsInput;
  provider: LeadProvider;
  tenant: Scalars['String']['input'];
};


/** Create and update leads; each mutation goes to the provider the input or id names. */
export type MutationSubmitLeadArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateLeadInput;
};


/** Create and update leads; each mutation goes to the provider the input or id names. */
export type MutationUpdateLeadArgs = {
  id: Scalars['ID']['input'];
  input: UpdateLeadInput;
};

/** An object with a global id, fetchable through `node(id:)`. */
export type Node = {
  /** Global, opaque id. */
  id: Scalars['ID']['output'];
};

/** Ascending or descending order. */
export type OrderDirection =
  /** Ascending: oldest or A first. */
  | 'ASC'
  /** Descending: newest or Z first. */
  | 'DESC';

/** Where this page sits in the whole list (Relay PageInfo). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item, null on an empty page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether items follow this page (page forward with `first` and `after: endCursor`). */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items precede this page (page backward with `last` and `before: startCursor`). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item, null on an empty page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

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

/** Credentials for one provider; write-only (never returned). */
export type ProviderCredentialsInput = {
  /** Tesselys access token. */
  accessToken?: InputMaybe<Scalars['String']['input']>;
  /** Keyspot: a ready JWT instead of clientId/clientSecret. */
  apiToken?: InputMaybe<Scalars['String']['input']>;
  /** The provider's API base URL; its public one when absent. */
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  /** Keyspot client id. */
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** Keyspot client secret. */
  clientSecret?: InputMaybe<Scalars['String']['input']>;
  /** Tesselys company token. */
  companyToken?: InputMaybe<Scalars['String']['input']>;
};

/** LeadGraph's view of a configured provider's health. */
export type ProviderHealth = {
  __typename?: 'ProviderHealth';
  /** The provider's circuit breaker state. */
  circuit: CircuitState;
  /** Failed upstream calls (5xx, timeouts, unreachable) since its last success; the circuit opens at the configured threshold. */
  consecutiveFailures: Scalars['Int']['output'];
};

/** A provider known to LeadGraph and what it can do. */
export type ProviderInfo = {
  __typename?: 'ProviderInfo';
  /** The operations this provider supports through LeadGraph. For a provider read from the gateway record (see `readsFrom`), GET_LEAD and LIST_LEADS cover only the leads created through this gateway. */
  capabilities: Array<ProviderCapability>;
  /** Whether credentials are configured (or a simulator stands in for it). */
  configured: Scalars['Boolean']['output'];
  /** Whether a built-in simulator with demo data answers in place of the real provider. */
  demo: Scalars['Boolean']['output'];
  /** Its circuit breaker's state; null when the provider is not configured. */
  health: Maybe<ProviderHealth>;
  /** The provider. */
  provider: LeadProvider;
  /** Where this provider's leads are read from: its API (PROVIDER), or LeadGraph's record of what it created there (GATEWAY_RECORD: only leads created through this gateway are there). */
  readsFrom: LeadReadSource;
};

/** Read leads from every configured provider, and what each provider can do. */
export type Query = {
  __typename?: 'Query';
  /** One lead by its global id; null when the provider says it does not exist. KEYSPOT leads are read from the gateway record, so only leads created through this gateway are found; any other Keyspot id is null. */
  lead: Maybe<Lead>;
  /** Leads, newest first by default, as a Relay connection: page forward with `first`/`after`, backward with `last`/`before` (1..100, default 20). Without `filter.provider`, one connection over every provider that can list, merged in the requested order (ties by id in the same direction), `totalCount` the sum; a status a provider does not use matches nothing there, and a failing provider fails the page with its own error code. KEYSPOT lists only the leads created through this gateway. */
  leads: LeadConnection;
  /** Any object by its global id (Relay); null when it does not exist. */
  node: Maybe<Node>;
  /** Every provider LeadGraph knows, whether it is configured, simulated, and what it supports. */
  providers: Array<ProviderInfo>;
  /** One submission by its id; null when it does not exist. A key with only leads:write may read its receipt fields. */
  submission: Maybe<LeadSubmission>;
  /** Submissions, newest first (needs leads:read). */
  submissions: LeadSubmissionConnection;
  /** Every tenant, "default" (the environment configuration) included. Needs tenants:admin. */
  tenants: Array<Tenant>;
};


/** Read leads from every configured provider, and what each provider can do. */
export type QueryLeadArgs = {
  id: Scalars['ID']['input'];
};


/** Read leads from every configured provider, and what each provider can do. */
export type QueryLeadsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<LeadFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<LeadOrder>;
};


/** Read leads from every configured provider, and what each provider can do. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read leads from every configured provider, and what each provider can do. */
export type QuerySubmissionArgs = {
  id: Scalars['ID']['input'];
};


/** Read leads from every configured provider, and what each provider can do. */
export type QuerySubmissionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SubmissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Why the last attempt to deliver a submission did not succeed. */
export type SubmissionError = {
  __typename?: 'SubmissionError';
  /** An error code, e.g. PROVIDER_REJECTED, PROVIDER_UNAVAILABLE or SUBMISSION_EXPIRED. */
  code: Scalars['String']['output'];
  /** What went wrong, safe to show (never a credential or personal data). */
  message: Scalars['String']['output'];
};

/** Which submissions to list; every field is optional and they combine with AND. */
export type SubmissionFilter = {
  /** Only submissions to this provider. */
  provider?: InputMaybe<LeadProvider>;
  /** Only submissions with this status. */
  status?: InputMaybe<SubmissionStatus>;
};

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

/** The result of `submitLead` or `retrySubmission`. */
export type SubmitLeadPayload = {
  __typename?: 'SubmitLeadPayload';
  /** True when this answer replays an earlier call with the same idempotency key. */
  replayed: Scalars['Boolean']['output'];
  /** The stored submission; QUEUED when just accepted. */
  submission: LeadSubmission;
};

/** Changes as they happen, over graphql-ws on /graphql (the API key in connection_init’s payload as `authorization`). */
export type Subscription = {
  __typename?: 'Subscription';
  /** Leads created or changed and submissions changing status in your tenant, as they happen (graphql-ws on /graphql; the API key goes in connection_init’s payload as `authorization`; needs leads:read). Mutations and deliveries through this gateway arrive at once; changes made on a listing provider by anyone else arrive within LEAD_POLL_INTERVAL_MS (only among its newest LEAD_POLL_MAX_LEADS leads). One event per change. */
  leadEvents: LeadEvent;
};


/** Changes as they happen, over graphql-ws on /graphql (the API key in connection_init’s payload as `authorization`). */
export type SubscriptionLeadEventsArgs = {
  filter?: InputMaybe<LeadEventFilter>;
};

/** A tenant: its providers (never their credentials) and its API keys. */
export type Tenant = {
  __typename?: 'Tenant';
  /** Its API keys, revoked ones included. */
  apiKeys: Array<ApiKey>;
  /** When the tenant was created (UTC). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Its display name. */
  name: Scalars['String']['output'];
  /** The tenant's providers as its own keys see them. */
  providers: Array<ProviderInfo>;
  /** The tenant id: 2 to 40 of a-z, 0-9 and -; "default" is the environment configuration. */
  slug: Scalars['String']['output'];
};

/** Changes to a lead: send only what changes. TESSELYS is the only provider that supports updates today. */
export type UpdateLeadInput = {
  /** New description, at most 10000 characters (line breaks and tabs allowed). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New status, one the provider uses (TESSELYS: NEW, CONTACTED, QUALIFIED, UNQUALIFIED, CONVERTED). UNKNOWN is refused. */
  status?: InputMaybe<LeadStatus>;
  /** New tags; they replace the old list. At most 50, each at most 100 characters. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New title (TESSELYS: at most 255 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `updateLead`. */
export type UpdateLeadPayload = {
  __typename?: 'UpdateLeadPayload';
  /** The lead as the provider stored it after the update. */
  lead: Lead;
  /** Always false: `updateLead` takes no idempotency key (an update sent twice sets the same values twice). Here so both payloads read alike. */
  replayed: Scalars['Boolean']['output'];
};

export type CreateKeyspotLeadMutationVariables = Exact<{
  description: Scalars['String']['input'];
  contact: LeadContactInput;
  property?: InputMaybe<LeadPropertyInput>;
  source?: InputMaybe<LeadSource>;
  trafficOrigin?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateKeyspotLeadMutation = { __typename?: 'Mutation', createLead: { __typename?: 'CreateLeadPayload', lead: { __typename?: 'Lead', id: string, provider: LeadProvider, providerLeadId: string, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, priority: LeadPriority | null, tags: Array<string>, isActive: boolean | null, trafficOrigin: string | null, createdAt: string, updatedAt: string, raw: Record<string, unknown>, contact: { __typename?: 'LeadContact', personId: string | null, name: string | null, email: string | null, phone: string | null }, property: { __typename?: 'LeadProperty', id: string | null, title: string | null } | null } } };

export type CreateTesselysLeadMutationVariables = Exact<{
  title: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  personId?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<LeadSource>;
  tags?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type CreateTesselysLeadMutation = { __typename?: 'Mutation', createLead: { __typename?: 'CreateLeadPayload', lead: { __typename?: 'Lead', id: string, provider: LeadProvider, providerLeadId: string, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, priority: LeadPriority | null, tags: Array<string>, isActive: boolean | null, trafficOrigin: string | null, createdAt: string, updatedAt: string, raw: Record<string, unknown>, contact: { __typename?: 'LeadContact', personId: string | null, name: string | null, email: string | null, phone: string | null }, property: { __typename?: 'LeadProperty', id: string | null, title: string | null } | null } } };

export type LeadDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LeadDetailQuery = { __typename?: 'Query', lead: { __typename?: 'Lead', id: string, provider: LeadProvider, providerLeadId: string, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, priority: LeadPriority | null, tags: Array<string>, isActive: boolean | null, trafficOrigin: string | null, createdAt: string, updatedAt: string, raw: Record<string, unknown>, contact: { __typename?: 'LeadContact', personId: string | null, name: string | null, email: string | null, phone: string | null }, property: { __typename?: 'LeadProperty', id: string | null, title: string | null } | null } | null };

export type LeadEventsSubscriptionVariables = Exact<{
  filter?: InputMaybe<LeadEventFilter>;
}>;


export type LeadEventsSubscription = { __typename?: 'Subscription', leadEvents: { __typename?: 'LeadEvent', type: LeadEventType, at: string, lead: { __typename?: 'Lead', id: string, provider: LeadProvider, providerLeadId: string, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, priority: LeadPriority | null, tags: Array<string>, isActive: boolean | null, trafficOrigin: string | null, createdAt: string, updatedAt: string, raw: Record<string, unknown>, contact: { __typename?: 'LeadContact', personId: string | null, name: string | null, email: string | null, phone: string | null }, property: { __typename?: 'LeadProperty', id: string | null, title: string | null } | null } | null, submission: { __typename?: 'LeadSubmission', id: string, provider: LeadProvider, status: SubmissionStatus, attempts: number, lastError: { __typename?: 'SubmissionError', code: string, message: string } | null, lead: { __typename?: 'Lead', id: string } | null } | null } };

export type LeadFieldsFragment = { __typename?: 'Lead', id: string, provider: LeadProvider, providerLeadId: string, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, priority: LeadPriority | null, tags: Array<string>, isActive: boolean | null, trafficOrigin: string | null, createdAt: string, updatedAt: string, raw: Record<string, unknown>, contact: { __typename?: 'LeadContact', personId: string | null, name: string | null, email: string | null, phone: string | null }, property: { __typename?: 'LeadProperty', id: string | null, title: string | null } | null };

export type LeadsPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<LeadFilter>;
  orderBy?: InputMaybe<LeadOrder>;
}>;


export type LeadsPageQuery = { __typename?: 'Query', leads: { __typename?: 'LeadConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ __typename?: 'LeadEdge', cursor: string, node: { __typename?: 'Lead', id: string, provider: LeadProvider, providerLeadId: string, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, priority: LeadPriority | null, tags: Array<string>, isActive: boolean | null, trafficOrigin: string | null, createdAt: string, updatedAt: string, raw: Record<string, unknown>, contact: { __typename?: 'LeadContact', personId: string | null, name: string | null, email: string | null, phone: string | null }, property: { __typename?: 'LeadProperty', id: string | null, title: string | null } | null } }> } };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { __typename?: 'Query', providers: Array<{ __typename?: 'ProviderInfo', provider: LeadProvider, configured: boolean, demo: boolean, capabilities: Array<ProviderCapability> }> };

export type UpdateLeadMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateLeadInput;
}>;


export type UpdateLeadMutation = { __typename?: 'Mutation', updateLead: { __typename?: 'UpdateLeadPayload', lead: { __typename?: 'Lead', id: string, provider: LeadProvider, providerLeadId: string, title: string | null, description: string | null, status: LeadStatus, providerStatus: string, source: LeadSource | null, priority: LeadPriority | null, tags: Array<string>, isActive: boolean | null, trafficOrigin: string | null, createdAt: string, updatedAt: string, raw: Record<string, unknown>, contact: { __typename?: 'LeadContact', personId: string | null, name: string | null, email: string | null, phone: string | null }, property: { __typename?: 'LeadProperty', id: string | null, title: string | null } | null } } };

export const LeadFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerLeadId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trafficOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<LeadFieldsFragment, unknown>;
export const CreateKeyspotLeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateKeyspotLead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contact"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadContactInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"property"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadPropertyInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadSource"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"trafficOrigin"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"KEYSPOT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"contact"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contact"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"property"},"value":{"kind":"Variable","name":{"kind":"Name","value":"property"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"trafficOrigin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"trafficOrigin"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerLeadId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trafficOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<CreateKeyspotLeadMutation, CreateKeyspotLeadMutationVariables>;
export const CreateTesselysLeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTesselysLead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"title"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadSource"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tags"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"TESSELYS"}},{"kind":"ObjectField","name":{"kind":"Name","value":"title"},"value":{"kind":"Variable","name":{"kind":"Name","value":"title"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"contact"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"personId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"tags"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tags"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerLeadId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trafficOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<CreateTesselysLeadMutation, CreateTesselysLeadMutationVariables>;
export const LeadDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeadDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerLeadId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trafficOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<LeadDetailQuery, LeadDetailQueryVariables>;
export const LeadEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LeadEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leadEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerLeadId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trafficOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<LeadEventsSubscription, LeadEventsSubscriptionVariables>;
export const LeadsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeadsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerLeadId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trafficOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<LeadsPageQuery, LeadsPageQueryVariables>;
export const ProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"demo"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}}]}}]}}]} as unknown as DocumentNode<ProvidersQuery, ProvidersQueryVariables>;
export const UpdateLeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateLead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLeadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerLeadId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trafficOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<UpdateLeadMutation, UpdateLeadMutationVariables>;