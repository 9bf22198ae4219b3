/**
 * Where a lead came from: the union of Keyspot's `source` and Tesselys's `sourceChannel` values.
 * On create, each provider receives the closest value it accepts (see the source mapping in DESIGN.md).
 */
import { registerEnumType } from 'type-graphql';

export enum LeadSource {
  WEBSITE = 'WEBSITE',
  WHATSAPP = 'WHATSAPP',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
  INSTAGRAM = 'INSTAGRAM',
  FACEBOOK = 'FACEBOOK',
  PORTAL = 'PORTAL',
  PORTAL_VIVAREAL = 'PORTAL_VIVAREAL',
  PORTAL_ZAPIMOVEIS = 'PORTAL_ZAPIMOVEIS',
  PORTAL_OLX = 'PORTAL_OLX',
  PORTAL_IMOVELWEB = 'PORTAL_IMOVELWEB',
  PORTAL_CHAVESNAMAO = 'PORTAL_CHAVESNAMAO',
  META_ADS = 'META_ADS',
  GOOGLE_ADS = 'GOOGLE_ADS',
  RD_STATION = 'RD_STATION',
  REFERRAL = 'REFERRAL',
  REAL_ESTATE = 'REAL_ESTATE',
  EVENT = 'EVENT',
  OTHER = 'OTHER',
  API = 'API',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(LeadSource, {
  name: 'LeadSource',
  description:
    'Where a lead came from. On create: KEYSPOT takes every value but EVENT (sent as OTHER); TESSELYS takes WEBSITE, PHONE, EMAIL, REFERRAL, SOCIAL_MEDIA, EVENT and OTHER as they are, INSTAGRAM/FACEBOOK/WHATSAPP as SOCIAL_MEDIA, and anything else as OTHER.',
  valuesConfig: {
    WEBSITE: { description: 'A form or chat on a website.' },
    WHATSAPP: { description: 'WhatsApp.' },
    PHONE: { description: 'A phone call.' },
    EMAIL: { description: 'An e-mail.' },
    SOCIAL_MEDIA: { description: 'Social media in general (LinkedIn, Instagram, ...).' },
    INSTAGRAM: { description: 'Instagram.' },
    FACEBOOK: { description: 'Facebook.' },
    PORTAL: { description: 'A real-estate portal, unspecified.' },
    PORTAL_VIVAREAL: { description: 'The VivaReal portal.' },
    PORTAL_ZAPIMOVEIS: { description: 'The ZAP Imóveis portal.' },
    PORTAL_OLX: { description: 'The OLX portal.' },
    PORTAL_IMOVELWEB: { description: 'The Imovelweb portal.' },
    PORTAL_CHAVESNAMAO: { description: 'The Chaves na Mão portal.' },
    META_ADS: { description: 'Meta (Facebook/Instagram) ads.' },
    GOOGLE_ADS: { description: 'Google Ads.' },
    RD_STATION: { description: 'RD Station marketing automation.' },
    REFERRAL: { description: 'A referral by a client or partner.' },
    REAL_ESTATE: { description: 'A real-estate agency.' },
    EVENT: { description: 'An event, fair or conference.' },
    OTHER: { description: 'Any other channel.' },
    API: { description: 'Created through an API (Keyspot’s default).' },
    UNKNOWN: { description: 'A value the provider sent that LeadGraph does not know yet. Never accepted as input.' },
  },
});
