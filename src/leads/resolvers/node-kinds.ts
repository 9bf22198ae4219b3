/**
 * What `node(id)` does with each kind of global id (global-id.ts: "<kind>:<rest>"). One row per
 * kind: today every provider's name is a lead kind; Part 2 adds "submission". An id of no kind here
 * is BAD_USER_INPUT on `id`, as a malformed lead id always was.
 */
import type { GatewayContext } from '../../graphql/context';
import { LeadProvider } from '../enums/lead-provider.enum';
import { idKindOf, malformedIdError } from '../mapping/global-id';
import type { Node } from '../types/node.interface';
import { SUBMISSION_ID_KIND } from '../../submissions/submission-id';

export type NodeLookup = (id: string, context: GatewayContext) => Promise<Node | null>;

const lookupLead: NodeLookup = (id, { leads }) => leads.lead(id);
const lookupSubmission: NodeLookup = (id, { submissions }) => submissions.get(id);

export const NODE_KINDS: ReadonlyMap<string, NodeLookup> = new Map([
  ...Object.values(LeadProvider).map((provider) => [provider.toLowerCase(), lookupLead] as const),
  [SUBMISSION_ID_KIND, lookupSubmission] as const,
]);

/** Null when the object does not exist; rejects with BAD_USER_INPUT when the id's kind is unknown. */
export async function lookupNode(
  id: string,
  context: GatewayContext,
  kinds: ReadonlyMap<string, NodeLookup> = NODE_KINDS,
): Promise<Node | null> {
  const kind = idKindOf(id);
  const lookup = kind === undefined ? undefined : kinds.get(kind);
  if (!lookup) throw malformedIdError(id);
  return lookup(id, context);
}
