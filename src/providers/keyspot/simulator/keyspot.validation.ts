/**
 * Strict check of a `POST /v1/leads` body against Keyspot's documented contract, answering the
 * way a NestJS ValidationPipe does: every bad field is listed, each message starting with the
 * field's name, so a gateway bug shows up as a precise 400 instead of a lead with junk in it.
 */
import { KEYSPOT_DOCUMENTED_SOURCES, type KeyspotCreateLeadBody, type KeyspotDocumentedSource } from './keyspot.documented-api';

export type LeadValidation = { ok: true; value: KeyspotCreateLeadBody } | { ok: false; errors: string[] };

const REQUIRED = ['name', 'email', 'phone', 'message'] as const;
const OPTIONAL_STRINGS = ['propertyCode', 'interestedPropertyTitle', 'trafficOrigin'] as const;

/** Close to class-validator's isEmail: a dotted domain with an alphabetic TLD, no spaces. */
const EMAIL =
  /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/u;

export function validateCreateLead(body: unknown): LeadValidation {
  // A non-object body has none of the fields, so it fails on each required one.
  const input: Record<string, unknown> = isPlainObject(body) ? body : {};
  const errors: string[] = [];

  for (const field of REQUIRED) {
    const value = input[field];
    if (typeof value !== 'string') errors.push(`${field} must be a string`);
    else if (value.length === 0) errors.push(`${field} should not be empty`);
    else if (field === 'email' && (value.length > 254 || !EMAIL.test(value))) errors.push('email must be an email');
  }
  // Optional fields follow class-validator's IsOptional: null counts as absent.
  const source = input.source;
  if (source != null && !(typeof source === 'string' && (KEYSPOT_DOCUMENTED_SOURCES as readonly string[]).includes(source))) {
    errors.push(`source must be one of the following values: ${KEYSPOT_DOCUMENTED_SOURCES.join(', ')}`);
  }
  for (const field of OPTIONAL_STRINGS) {
    const value = input[field];
    if (value != null && typeof value !== 'string') errors.push(`${field} must be a string`);
  }
  if (errors.length > 0) return { ok: false, errors };

  const value: KeyspotCreateLeadBody = {
    name: input.name as string,
    email: input.email as string,
    phone: input.phone as string,
    message: input.message as string,
  };
  if (source != null) value.source = source as KeyspotDocumentedSource;
  for (const field of OPTIONAL_STRINGS) {
    const given = input[field];
    if (typeof given === 'string') value[field] = given;
  }
  return { ok: true, value };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
