/**
 * Reads an HTTP `Retry-After` header, which may hold seconds or an HTTP date. Anything else is
 * junk and reads as "no advice": Date.parse alone would take "-5" or "1.5" for dates in 2001 and
 * tell clients to retry at once.
 */

/** RFC 9110's three date forms: IMF-fixdate and RFC 850 (both end in GMT), and asctime (GMT implied). */
const GMT_DATE = /^[A-Za-z]{3,9}, +\d{1,2}[ -][A-Za-z]{3}[ -]\d{2,4} +\d{1,2}:\d{2}:\d{2} +GMT$/;
const ASCTIME_DATE = /^[A-Za-z]{3} +[A-Za-z]{3} +\d{1,2} +\d{1,2}:\d{2}:\d{2} +\d{4}$/;

/**
 * The longest wait LeadGraph passes on: the header is the provider's word, untrusted like the rest
 * of its answer, and a client told to come back in three thousand years would never retry.
 */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/**
 * Whole seconds to wait, from 0 to MAX_RETRY_AFTER_SECONDS (a longer advice is capped), or
 * undefined when the header is absent or unreadable.
 */
export function retryAfterSeconds(header: string | null | undefined, now: number = Date.now()): number | undefined {
  const trimmed = header?.trim() ?? '';
  if (trimmed === '') return undefined;
  // Digits only, so any length is a (possibly huge) whole number: capped, never unreadable.
  if (/^\d+$/.test(trimmed)) return Math.min(MAX_RETRY_AFTER_SECONDS, Number(trimmed));
  const date = GMT_DATE.test(trimmed) ? Date.parse(trimmed) : ASCTIME_DATE.test(trimmed) ? Date.parse(`${trimmed} GMT`) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil((date - now) / 1000)));
}
