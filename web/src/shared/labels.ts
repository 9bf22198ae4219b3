/** What people read for the schema's enum values: "Keyspot", "Qualified", "Portal (VivaReal)". */
const PROVIDERS: Record<string, string> = { KEYSPOT: 'Keyspot', TESSELYS: 'Tesselys' };

const SPECIAL: Record<string, string> = {
  NEW_LEAD: 'New lead',
  WHATSAPP: 'WhatsApp',
  PORTAL_VIVAREAL: 'Portal (VivaReal)',
  PORTAL_ZAPIMOVEIS: 'Portal (ZAP Imóveis)',
  PORTAL_OLX: 'Portal (OLX)',
  PORTAL_IMOVELWEB: 'Portal (Imovelweb)',
  PORTAL_CHAVESNAMAO: 'Portal (Chaves na Mão)',
  META_ADS: 'Meta Ads',
  GOOGLE_ADS: 'Google Ads',
  RD_STATION: 'RD Station',
  API: 'API',
};

export function providerLabel(provider: string): string {
  return PROVIDERS[provider] ?? enumLabel(provider);
}

/** SOCIAL_MEDIA → "Social media". */
export function enumLabel(value: string): string {
  const special = SPECIAL[value];
  if (special) return special;
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function dateTimeLabel(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}
