/**
 * What an idempotency key keeps of a `createLead` (stored encrypted by the store, as JSON): the
 * lead exactly as first answered, or the error the client got. Decoding gives back what the first
 * request answered: the same lead (dates as Dates again, `raw` untouched) or an error with the same
 * message and extensions (code, provider, status).
 */
import { GraphQLError } from 'graphql';
import type { Lead } from '../leads/types/lead.type';

/** The stored form; `v` lets a later format be told apart from this one. */
export type StoredCreateOutcome =
  { v: 1; lead: Lead | Record<string, unknown> } | { v: 1; error: { message: string; extensions: Record<string, unknown> } };

export type CreateOutcome = { lead: Lead } | { error: GraphQLError };

/** The store writes it as JSON: Dates become ISO strings, which decodeOutcome turns back into Dates. */
export function encodeLead(lead: Lead): StoredCreateOutcome {
  return { v: 1, lead };
}

export function encodeError(error: GraphQLError): StoredCreateOutcome {
  return { v: 1, error: { message: error.message, extensions: { ...error.extensions } } };
}

/** Throws when the stored value is not a known outcome (never sent again: the caller treats it as unknown). */
export function decodeOutcome(stored: unknown): CreateOutcome {
  const outcome = stored as Partial<{
    v: number;
    lead: Record<string, unknown>;
    error: { message: string; extensions: Record<string, unknown> };
  }>;
  if (outcome?.v === 1 && outcome.lead && typeof outcome.lead === 'object') {
    const lead = outcome.lead as unknown as Lead & { createdAt: string; updatedAt: string };
    return { lead: { ...lead, createdAt: new Date(lead.createdAt), updatedAt: new Date(lead.updatedAt) } };
  }
  if (outcome?.v === 1 && outcome.error && typeof outcome.error.message === 'string')
    return { error: new GraphQLError(outcome.error.message, { extensions: outcome.error.extensions }) };
  throw new Error('Unknown stored idempotency outcome');
}
