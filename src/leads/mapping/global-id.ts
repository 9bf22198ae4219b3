/**
 * Global ids are "<kind>:<rest>". A lead's kind is its provider ("tesselys:clx7f8..."): readable in
 * logs, routable without a lookup, and unique across providers. Other kinds (Part 2:
 * "submission:<uuid>") share the shape, so `node(id)` can dispatch on the kind alone.
 */
import { BadUserInputError } from '../../errors/bad-user-input.error';
import { LeadProvider } from '../enums/lead-provider.enum';

export interface ParsedLeadId {
  provider: LeadProvider;
  providerLeadId: string;
}

export function toGlobalId(provider: LeadProvider, providerLeadId: string): string {
  return `${provider.toLowerCase()}:${providerLeadId}`;
}

/** The longest kind worth looking up; anything longer is no kind we have. */
const MAX_KIND_LENGTH = 32;

/**
 * The kind of a global id: the lower-cased text before the first ":", or undefined when there is
 * none (no separator, empty or overlong prefix). Says nothing about whether the rest is well formed.
 */
export function idKindOf(id: string): string | undefined {
  const separator = id.indexOf(':');
  if (separator <= 0 || separator > MAX_KIND_LENGTH) return undefined;
  return id.slice(0, separator).toLowerCase();
}

const PROVIDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Throws BAD_USER_INPUT (on `argument`) for anything that is not a well-formed lead id. */
export function parseGlobalId(id: string, argument = 'id'): ParsedLeadId {
  const separator = id.indexOf(':');
  const prefix = separator > 0 ? id.slice(0, separator).toUpperCase() : '';
  const providerLeadId = separator > 0 ? id.slice(separator + 1) : '';
  const provider = (Object.values(LeadProvider) as string[]).includes(prefix) ? (prefix as LeadProvider) : undefined;
  if (!provider || !PROVIDER_ID_PATTERN.test(providerLeadId)) throw malformedIdError(id, argument);
  return { provider, providerLeadId };
}

/** BAD_USER_INPUT (on `argument`) for an id of no kind we know, quoting at most 40 characters of it. */
export function malformedIdError(id: string, argument = 'id'): BadUserInputError {
  const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
  return BadUserInputError.of(
    argument,
    `expected a lead id like "tesselys:<id>" or "keyspot:<id>" (providers: ${Object.values(LeadProvider).join(', ').toLowerCase()}), got "${shown}"`,
  );
}
