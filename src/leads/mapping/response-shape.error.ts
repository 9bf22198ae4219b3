/** Thrown by mappers when a provider payload lacks what its docs promise; clients see PROVIDER_BAD_RESPONSE. */
export class ResponseShapeError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'ResponseShapeError';
  }
}

export function requireString(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (typeof value !== 'string' || value.length === 0)
    throw new ResponseShapeError(`field "${field}" should be a non-empty string, got ${describe(value)}`);
  return value;
}

export function optionalString(record: Record<string, unknown>, field: string): string | null {
  const value = record[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ResponseShapeError(`field "${field}" should be a string or null, got ${describe(value)}`);
  return value;
}

/** An ISO 8601 date-time as the providers document them: a calendar date, a time, and Z or an offset. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A provider's date-time, refused unless it is ISO 8601 and names a real calendar day: JavaScript's
 * Date accepts "March 3" and rolls "2026-02-31" over to 3 March, and a lead must never show a date
 * its provider did not send.
 */
export function requireDate(record: Record<string, unknown>, field: string): Date {
  const text = requireString(record, field);
  const parts = ISO_DATE_TIME.exec(text);
  const date = new Date(text);
  if (!parts || Number.isNaN(date.getTime())) throw new ResponseShapeError(`field "${field}" should be an ISO 8601 date`);
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth)
    throw new ResponseShapeError(`field "${field}" should be an ISO 8601 date of a real calendar day`);
  return date;
}

export function requireObject(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new ResponseShapeError(`${what} should be a JSON object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
