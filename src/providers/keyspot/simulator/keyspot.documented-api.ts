/**
 * Keyspot's partner API as its own documentation states it (shared/providers/keyspot-create-lead.source.txt
 * and README.md), written for the simulator alone. The client keeps its own copy in keyspot.dto.ts on
 * purpose: if the two ever disagree, a test against the simulator fails instead of both drifting together.
 * Never import the client's DTOs here (a lint rule and test/simulators/simulator-imports.test.ts enforce it).
 */

export const KEYSPOT_TOKEN_PATH = '/v1/auth/token';
export const KEYSPOT_LEADS_PATH = '/v1/leads';

/** `source` values, in the documented order ("Options: WEBSITE, WHATSAPP, ..."). */
export const KEYSPOT_DOCUMENTED_SOURCES = [
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
  'OTHER',
  'API',
] as const;
export type KeyspotDocumentedSource = (typeof KEYSPOT_DOCUMENTED_SOURCES)[number];

/** "O lead é criado com status NEW_LEAD e prioridade MEDIUM por padrão"; the example shows source API. */
export const KEYSPOT_NEW_LEAD_STATUS = 'NEW_LEAD';
export const KEYSPOT_NEW_LEAD_PRIORITY = 'MEDIUM';
export const KEYSPOT_DEFAULT_SOURCE: KeyspotDocumentedSource = 'API';

/** `POST /v1/leads` body: name, email, phone, message required (min length 1, email format). */
export interface KeyspotCreateLeadBody {
  name: string;
  email: string;
  phone: string;
  message: string;
  source?: KeyspotDocumentedSource;
  propertyCode?: string;
  interestedPropertyTitle?: string;
  trafficOrigin?: string;
}

/** The documented response lead, field for field. `trafficOrigin` is not documented: kept for the echo option. */
export interface KeyspotLeadResource {
  id: string;
  name: string;
  email: string;
  phone: string;
  message: string;
  source: string;
  status: string;
  priority: string;
  propertyId: string | null;
  interestedPropertyTitle: string | null;
  trafficOrigin?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The response wraps the lead: `{ "data": { ... } }`. */
export interface KeyspotDataEnvelope<T> {
  data: T;
}
