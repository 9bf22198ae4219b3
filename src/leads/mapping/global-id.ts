/**
 * Global lead ids are "<provider>:<providerLeadId>" (e.g. "tesselys:clx7f8..."): readable in logs,
 * routable without a lookup, and unique across providers.
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

const PROVIDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Throws BAD_USER_INPUT (on `argument`) for anything that is not a well-formed lead id. */
export function parseGlobalId(id: string, argument = 'id'): ParsedLeadId {
  const separator = id.indexOf(':');
  const prefix = separator > 0 ? id.slice(0, separator).toUpperCase() : '';
  const providerLeadId = separator > 0 ? id.slice(separator + 1) : '';
  const provider = (Object.values(LeadProvider) as string[]).includes(prefix) ? (prefix as LeadProvider) : undefined;
  if (!provider || !PROVIDER_ID_PATTERN.test(providerLeadId)) {
    const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
    throw BadUserInputError.of(
      argument,
      `expected a lead id like "tesselys:<id>" or "keyspot:<id>" (providers: ${Object.values(LeadProvider).join(', ').toLowerCase()}), got "${shown}"`,
    );
  }
  return { provider, providerLeadId };
}
