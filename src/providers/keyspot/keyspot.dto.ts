/**
 * Keyspot's REST shapes, as its partner API documents them (see shared/providers/README.md).
 * The client's side only (what we send and expect back): the simulator keeps its own copy, written from
 * the docs, in simulator/*.documented-api.ts, so a drift between client and docs shows up in tests.
 */

export const KEYSPOT_SOURCES = [
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
export type KeyspotSource = (typeof KEYSPOT_SOURCES)[number];

/** `POST /v1/auth/token` request (assumed shape). */
export interface KeyspotTokenRequestDto {
  clientId: string;
  clientSecret: string;
}

/** `POST /v1/leads` body. */
export interface KeyspotCreateLeadDto {
  name: string;
  email: string;
  phone: string;
  message: string;
  source?: KeyspotSource;
  propertyCode?: string;
  interestedPropertyTitle?: string;
  trafficOrigin?: string;
}

/** A lead as Keyspot returns it, inside `{ "data": ... }`. */
export interface KeyspotLeadDto {
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
  /** Not in the documented response; kept when the provider echoes it. */
  trafficOrigin?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface KeyspotEnvelopeDto<T> {
  data: T;
}
