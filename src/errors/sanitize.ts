/**
 * Provider messages reach clients and logs, but providers echo whatever they like: URLs with
 * credentials, tokens, the e-mail or phone of the lead. This strips what must never leak and
 * bounds the length, keeping the useful part ("email must be an email"). Text is bounded before
 * any pattern sees it (the rules are linear, and the bound keeps their cost small and fixed).
 */

import { truncateText } from './bounded-text';
import { redactForClients, redactForLogs } from './redaction-rules';

const MAX_MESSAGE_LENGTH = 300;
/** How much of a provider message is looked at: several times what is kept, so redaction sees words whole. */
const MAX_MESSAGE_INPUT = 2_000;
/** The longest string a log line holds (an error stack fits); longer ones are cut, then redacted. */
export const MAX_LOGGED_STRING = 4_096;

/**
 * Every redaction but the blanket URL one, for text that reaches a log, where a URL without
 * credentials (where the gateway listens) is useful and harmless. At most MAX_LOGGED_STRING
 * characters come back: longer text is cut first (a word the cut goes through is replaced).
 */
export function redactSecrets(text: string): string {
  return redactForLogs(truncateText(text, MAX_LOGGED_STRING));
}

export function sanitizeMessage(message: string): string {
  // No mark at the cut: what a client sees is capped again below, and marked there.
  const clean = redactForClients(truncateText(message, MAX_MESSAGE_INPUT, ''))
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > MAX_MESSAGE_LENGTH ? `${clean.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : clean;
}

/**
 * The human part of a provider's error body, whatever its shape: `message` as a string or list
 * (NestJS style), `error`, `errors[].message`, `detail`; sanitized. Undefined when none is found.
 */
export function providerMessageFrom(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() && !body.trimStart().startsWith('<') ? sanitizeMessage(body) : undefined;
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const candidates: unknown[] = [record.message, record.errors, record.detail, record.error];
  for (const candidate of candidates) {
    const text = textOf(candidate);
    if (text) return sanitizeMessage(text);
  }
  return undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value;
  if (Array.isArray(value)) {
    const parts = value
      .map((item) => (typeof item === 'string' ? item : textOf((item as Record<string, unknown> | null)?.message)))
      .filter(Boolean);
    return parts.length ? parts.join('; ') : undefined;
  }
  return undefined;
}
