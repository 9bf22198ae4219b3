/** The schema's enum values the app offers in menus (the generated types keep them in step). */
import type { LeadOrderField, LeadProvider, LeadSource, LeadStatus, OrderDirection } from '../gql/graphql';

export const LEAD_PROVIDERS = ['KEYSPOT', 'TESSELYS'] as const satisfies readonly LeadProvider[];

export const LEAD_STATUSES = [
  'NEW_LEAD',
  'NEW',
  'CONTACTED',
  'QUALIFIED',
  'UNQUALIFIED',
  'CONVERTED',
] as const satisfies readonly LeadStatus[];

/** What updateLead accepts per provider (the schema's UpdateLeadInput description). */
export const UPDATABLE_STATUSES: Partial<Record<LeadProvider, readonly LeadStatus[]>> = {
  TESSELYS: ['NEW', 'CONTACTED', 'QUALIFIED', 'UNQUALIFIED', 'CONVERTED'],
};

/** Every source a new lead may name (UNKNOWN is never accepted as input). */
export const LEAD_SOURCES = [
  'WEBSITE',
  'WHATSAPP',
  'PHONE',
  'EMAIL',
  'SOCIAL_MEDIA',
  'INSTAGRAM',
  'FACEBOOK',
  'PORTAL',
  'PORTAL_VIVAREAL',
  'PORTAL_ZAPIMOVEIS',
  'PORTAL_OLX',
  'PORTAL_IMOVELWEB',
  'PORTAL_CHAVESNAMAO',
  'META_ADS',
  'GOOGLE_ADS',
  'RD_STATION',
  'REFERRAL',
  'REAL_ESTATE',
  'EVENT',
  'OTHER',
  'API',
] as const satisfies readonly LeadSource[];

export interface OrderChoice {
  value: string;
  label: string;
  field: LeadOrderField;
  direction: OrderDirection;
}

export const ORDER_CHOICES: readonly OrderChoice[] = [
  { value: 'newest', label: 'Newest first', field: 'CREATED_AT', direction: 'DESC' },
  { value: 'oldest', label: 'Oldest first', field: 'CREATED_AT', direction: 'ASC' },
  { value: 'title-az', label: 'Title A–Z', field: 'TITLE', direction: 'ASC' },
  { value: 'title-za', label: 'Title Z–A', field: 'TITLE', direction: 'DESC' },
];
