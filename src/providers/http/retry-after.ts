/**
 * Reads an HTTP `Retry-After` header, which may hold seconds or an HTTP date. Anything else is
 * junk and reads as "no advice": Date.parse alone would take "-5" or "1.5" for dates in 2001 and
 * tell clients to retry at once.
 */

/** RFC 9110's three date forms: IMF-fixdate and RFC 850 (both end in GMT), and asctime (GMT implied). */
const GMT_DATE = /^[A-Za-z]{3,9}, +\d{1,2}[ -][A-Za-z]{3}[ -]\d{2,4} +\d{1,2}:\d{2}:\d{2} +GMT$/;
const ASCTIME_DATE = /^[A-Za-z]{3} +[A-Za-z]{3} +\d{1,2} +\d{1,2}:\d{2}:\d{2} +\d{4}$/;

/** Whole seconds to wait (≥ 0), or undefined when the header is absent or unreadable. */
export function retryAfterSeconds(header: string | null | undefined, now: number = Date.now()): number | undefined {
  const trimmed = header?.trim() ?? '';
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isSafeInteger(seconds) ? seconds : undefined;
  }
  const date = GMT_DATE.test(trimmed) ? Date.parse(trimmed) : ASCTIME_DATE.test(trimmed) ? Date.parse(`${trimmed} GMT`) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
