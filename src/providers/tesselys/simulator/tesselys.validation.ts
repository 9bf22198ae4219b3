/**
 * Request validation for the Tesselys simulator, modelled on a NestJS ValidationPipe with
 * `whitelist` + `forbidNonWhitelisted` (Tesselys answers NestJS-style errors): every bad field is
 * reported at once, each message starting with the field name, and unknown properties are refused
 * ("property X should not exist"). Being strict here is the point: a gateway that sends a
 * misspelt parameter must fail against the simulator, not be silently ignored.
 */
import {
  TESSELYS_DOCUMENTED_DEFAULT_LIMIT,
  TESSELYS_DOCUMENTED_MAX_LIMIT,
  TESSELYS_DOCUMENTED_ORDER_DIRECTIONS,
  TESSELYS_DOCUMENTED_ORDER_FIELDS,
  TESSELYS_DOCUMENTED_SOURCE_CHANNELS,
  TESSELYS_DOCUMENTED_STATUSES,
  TESSELYS_DOCUMENTED_TITLE_MAX,
  type TesselysCreateLeadBody,
  type TesselysDocumentedOrderDirection,
  type TesselysDocumentedOrderField,
  type TesselysDocumentedStatus,
} from './tesselys.documented-api';

export const TITLE_MAX_LENGTH = TESSELYS_DOCUMENTED_TITLE_MAX;

export type Validated<T> = { ok: true; value: T } | { ok: false; message: string | string[] };

/** The list query with defaults applied. */
export interface ListQuery {
  page: number;
  limit: number;
  search?: string;
  status?: TesselysDocumentedStatus;
  orderBy: TesselysDocumentedOrderField;
  order: TesselysDocumentedOrderDirection;
}

/** A PUT body after validation; `description: null` clears the description. */
export interface LeadUpdate {
  title?: string;
  status?: TesselysDocumentedStatus;
  description?: string | null;
  tags?: string[];
}

const LIST_QUERY_KEYS = ['page', 'limit', 'search', 'status', 'orderBy', 'order'];
const CREATE_KEYS = ['title', 'personId', 'description', 'sourceChannel', 'tags'];
const UPDATE_KEYS = ['title', 'status', 'description', 'tags'];

/**
 * Unknown query parameters are refused like unknown body fields, since a global whitelisting
 * pipe treats `@Query()` DTOs the same way.
 */
export function validateListQuery(query: Record<string, unknown>): Validated<ListQuery> {
  const errors: string[] = [];
  const page = integerParam('page', query.page, 1, undefined, errors) ?? 1;
  const limit = integerParam('limit', query.limit, 1, TESSELYS_DOCUMENTED_MAX_LIMIT, errors) ?? TESSELYS_DOCUMENTED_DEFAULT_LIMIT;
  if (query.search !== undefined && typeof query.search !== 'string') errors.push('search must be a string');
  const status = enumValue('status', query.status, TESSELYS_DOCUMENTED_STATUSES, errors);
  const orderBy = enumValue('orderBy', query.orderBy, TESSELYS_DOCUMENTED_ORDER_FIELDS, errors) ?? 'createdAt';
  const order = enumValue('order', query.order, TESSELYS_DOCUMENTED_ORDER_DIRECTIONS, errors) ?? 'DESC';
  unknownProperties(query, LIST_QUERY_KEYS, errors);
  if (errors.length > 0) return { ok: false, message: errors };
  const search = query.search as string | undefined;
  return { ok: true, value: { page, limit, search, status, orderBy, order } };
}

/**
 * `personId` is only checked to be a string: one that matches no known person is accepted and
 * gives `personName: null`. Tesselys does not document a check, and refusing would make the
 * simulator stricter than the provider in a way the gateway could not work around.
 */
export function validateCreateBody(body: unknown): Validated<TesselysCreateLeadBody> {
  const fields = bodyObject(body ?? {});
  if (!fields) return { ok: false, message: 'Request body must be a JSON object' };
  const errors: string[] = [];
  if (fields.title === undefined || fields.title === null) errors.push('title must be a string', 'title should not be empty');
  else titleValue(fields.title, errors);
  optionalString('personId', fields.personId, errors);
  optionalString('description', fields.description, errors);
  enumValue('sourceChannel', nullToUndefined(fields.sourceChannel), TESSELYS_DOCUMENTED_SOURCE_CHANNELS, errors);
  tagsValue(nullToUndefined(fields.tags), errors);
  unknownProperties(fields, CREATE_KEYS, errors);
  if (errors.length > 0) return { ok: false, message: errors };
  const value: TesselysCreateLeadBody = { title: fields.title as string };
  if (fields.personId != null) value.personId = fields.personId as string;
  if (fields.description != null) value.description = fields.description as string;
  if (fields.sourceChannel != null) value.sourceChannel = fields.sourceChannel as TesselysCreateLeadBody['sourceChannel'];
  if (fields.tags != null) value.tags = [...(fields.tags as string[])];
  return { ok: true, value };
}

/**
 * Only the documented fields may change. `null` clears `description` (the one nullable field
 * among them); for title, status and tags it is refused, as a lead always has them.
 */
export function validateUpdateBody(body: unknown): Validated<LeadUpdate> {
  const fields = bodyObject(body ?? {});
  if (!fields) return { ok: false, message: 'Request body must be a JSON object' };
  const errors: string[] = [];
  if (fields.title !== undefined) titleValue(fields.title, errors);
  if (fields.status !== undefined) enumValue('status', fields.status, TESSELYS_DOCUMENTED_STATUSES, errors);
  optionalString('description', fields.description, errors);
  if (fields.tags !== undefined) tagsValue(fields.tags, errors);
  unknownProperties(fields, UPDATE_KEYS, errors);
  if (errors.length > 0) return { ok: false, message: errors };
  const value: LeadUpdate = {};
  if (fields.title !== undefined) value.title = fields.title as string;
  if (fields.status !== undefined) value.status = fields.status as TesselysDocumentedStatus;
  if (fields.description !== undefined) value.description = fields.description as string | null;
  if (fields.tags !== undefined) value.tags = [...(fields.tags as string[])];
  return { ok: true, value };
}

function bodyObject(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return body as Record<string, unknown>;
}

function nullToUndefined(value: unknown): unknown {
  return value === null ? undefined : value;
}

/** Query values arrive as strings (or arrays when repeated); only a plain integer string passes. */
function integerParam(name: string, raw: unknown, min: number, max: number | undefined, errors: string[]): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[+-]?\d+$/.test(raw.trim())) {
    errors.push(`${name} must be an integer number`);
    return undefined;
  }
  const value = Number(raw);
  if (value < min) errors.push(`${name} must not be less than ${min}`);
  else if (max !== undefined && value > max) errors.push(`${name} must not be greater than ${max}`);
  else return value;
  return undefined;
}

function enumValue<T extends string>(name: string, raw: unknown, allowed: readonly T[], errors: string[]): T | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  errors.push(`${name} must be one of the following values: ${allowed.join(', ')}`);
  return undefined;
}

function titleValue(raw: unknown, errors: string[]): void {
  if (typeof raw !== 'string') errors.push('title must be a string');
  else if (raw.length === 0) errors.push('title should not be empty');
  // Counted in characters (code points), not UTF-16 units, so "ç" or an emoji count once.
  else if ([...raw].length > TITLE_MAX_LENGTH) errors.push(`title must be shorter than or equal to ${TITLE_MAX_LENGTH} characters`);
}

function optionalString(name: string, raw: unknown, errors: string[]): void {
  if (raw !== undefined && raw !== null && typeof raw !== 'string') errors.push(`${name} must be a string`);
}

function tagsValue(raw: unknown, errors: string[]): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw) || !raw.every((tag) => typeof tag === 'string')) errors.push('tags must be an array of strings');
}

function unknownProperties(fields: Record<string, unknown>, allowed: readonly string[], errors: string[]): void {
  for (const key of Object.keys(fields)) if (!allowed.includes(key)) errors.push(`property ${key} should not exist`);
}
