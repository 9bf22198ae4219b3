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

export function requireDate(record: Record<string, unknown>, field: string): Date {
  const text = requireString(record, field);
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new ResponseShapeError(`field "${field}" should be an ISO 8601 date`);
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
