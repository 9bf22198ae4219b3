/**
 * What one replica tells every other at once (docs/decisions/scale-out.md): a key was revoked, or a
 * tenant's provider credentials changed or were removed. Receivers drop what they cached and read
 * the store again, so an announcement carries names only, never a credential or a key's secret.
 *
 * Contract: encode/decode are inverse; decode accepts only these shapes (bounded, strictly checked:
 * whatever arrives on a shared channel is treated as hostile) and answers undefined for anything else.
 */
import { LeadProvider } from '../leads/enums/lead-provider.enum';

export type Announcement =
  { kind: 'api-key-revoked'; keyId: string } | { kind: 'provider-credentials-changed'; tenant: string; provider: LeadProvider };

/** An announcement and the replica that sent it. */
export interface AnnouncementMessage {
  from: string;
  announcement: Announcement;
}

/** Far above any real message; a longer one is dropped unread. */
export const MAX_ANNOUNCEMENT_BYTES = 1_024;
const NAME = /^[\w:.-]{1,128}$/;

export function encodeAnnouncement(message: AnnouncementMessage): string {
  return JSON.stringify(message);
}

export function decodeAnnouncement(text: string): AnnouncementMessage | undefined {
  if (text.length > MAX_ANNOUNCEMENT_BYTES) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { from, announcement } = (raw ?? {}) as { from?: unknown; announcement?: Record<string, unknown> };
  if (!isName(from) || !announcement || typeof announcement !== 'object') return undefined;
  if (announcement.kind === 'api-key-revoked' && isName(announcement.keyId))
    return { from, announcement: { kind: 'api-key-revoked', keyId: announcement.keyId } };
  if (announcement.kind === 'provider-credentials-changed' && isName(announcement.tenant) && isProvider(announcement.provider))
    return {
      from,
      announcement: { kind: 'provider-credentials-changed', tenant: announcement.tenant, provider: announcement.provider },
    };
  return undefined;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && NAME.test(value);
}

function isProvider(value: unknown): value is LeadProvider {
  return typeof value === 'string' && (Object.values(LeadProvider) as string[]).includes(value);
}
