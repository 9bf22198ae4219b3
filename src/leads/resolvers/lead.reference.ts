/**
 * How a supergraph turns a `Lead` reference (`{ __typename: "Lead", id }`, sent by another subgraph)
 * into a lead: through the request's loader, like `lead(id:)`, so 100 representations cost one
 * upstream read per distinct id. Unknown leads are null; a malformed id fails that entity alone.
 * A representation that is not a `{ __typename: "Lead" }` object never gets here: the `_entities`
 * guard (entity-representations.ts) refuses it as BAD_USER_INPUT first.
 */
import { BadUserInputError } from '../../errors/bad-user-input.error';
import type { GatewayContext } from '../../graphql/context';
import type { Lead } from '../types/lead.type';

export interface LeadReference {
  __typename: 'Lead';
  id?: unknown;
}

// Async on purpose: the subgraph calls it synchronously for every representation, and a thrown
// error would fail the whole `_entities` list instead of this entity.
export async function resolveLeadReference(reference: LeadReference, { leads }: GatewayContext): Promise<Lead | null> {
  if (typeof reference.id !== 'string') throw BadUserInputError.of('representations.id', 'a Lead representation needs a string "id"');
  return leads.lead(reference.id);
}
