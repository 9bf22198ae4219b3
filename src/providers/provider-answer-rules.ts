/**
 * What a provider answer may hold, checked by the mappers before anything reaches a caller: a
 * provider is untrusted input. Every breach is a ResponseShapeError (PROVIDER_BAD_RESPONSE) whose
 * message names the field and the rule, never the value, so a hostile answer is not echoed into
 * errors or logs. Why these bounds: docs/decisions/provider-answers.md.
 */
import { ResponseShapeError, requireString } from '../leads/mapping/response-shape.error';

/** The lead ids a caller may send back (global-id's parse rule): a provider id outside it could not round-trip. */
export const PROVIDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/** Names, titles, enum spellings, tags, e-mails, phones. */
export const MAX_SHORT_TEXT = 2_000;
/** Descriptions and messages. */
export const MAX_LONG_TEXT = 100_000;
export const MAX_TAGS = 500;
/** `totalCount` is a GraphQL Int: a larger total could not be answered anyway. */
export const MAX_TOTAL = 2_147_483_647;

export type TextSize = 'short' | 'long';

const LIMIT: Record<TextSize, number> = { short: MAX_SHORT_TEXT, long: MAX_LONG_TEXT };

/** A provider lead id: a non-empty string in PROVIDER_ID_PATTERN. */
export function requireProviderId(record: Record<string, unknown>, field: string): string {
  const value = requireString(record, field);
  if (!PROVIDER_ID_PATTERN.test(value))
    throw new ResponseShapeError(`field "${field}" should be an id of 1 to 128 letters, digits, "_" or "-"`);
  return value;
}

/** Throws when a string is longer than its size allows; returns it unchanged (null and undefined pass). */
export function withinSize<T>(value: T, field: string, size: TextSize = 'short'): T {
  if (typeof value === 'string' && value.length > LIMIT[size])
    throw new ResponseShapeError(`field "${field}" is longer than ${LIMIT[size]} characters`);
  return value;
}

/** A count of items: a non-negative integer no larger than MAX_TOTAL. */
export function requireCount(record: Record<string, unknown>, field: string, what: string): number {
  const value = record[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_TOTAL)
    throw new ResponseShapeError(`field "${what}" should be an integer from 0 to ${MAX_TOTAL}`);
  return value;
}

/** The answer is for the lead that was asked for. */
export function requireSameLead(askedId: string, answeredId: string): void {
  if (askedId !== answeredId) throw new ResponseShapeError('the lead in the answer is not the lead asked for');
}

/** Fields nobody documented still reach callers through `Lead.raw`: no string in them may exceed MAX_LONG_TEXT, no nesting MAX_DEPTH. */
export const MAX_DEPTH = 16;

export function requireBoundedPayload(value: unknown, depth = 0): void {
  if (typeof value === 'string') {
    if (value.length > MAX_LONG_TEXT) throw new ResponseShapeError(`the answer holds a string longer than ${MAX_LONG_TEXT} characters`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_DEPTH) throw new ResponseShapeError(`the answer is nested deeper than ${MAX_DEPTH} levels`);
  for (const item of Array.isArray(value) ? value : Object.values(value)) requireBoundedPayload(item, depth + 1);
}
