/**
 * "Look before re-sending" (DESIGN.md Part 2): when an earlier attempt's outcome is unknown and the
 * provider can list its own leads (Tesselys), search them for the lead that attempt may have
 * created — same title, newest first, created no earlier than the submission (less a clock-skew
 * margin) — and adopt it instead of sending again. Matching is on what the client sent and the provider
 * returns (title, and description when given); two identical submissions racing in the same
 * window could adopt one lead between them (docs/decisions/delivery.md).
 */
import { LeadOrderField, OrderDirection } from '../leads/enums/lead-order.enums';
import { ProviderCapability } from '../leads/enums/provider-capability.enum';
import type { CreateLeadInput } from '../leads/inputs/create-lead.input';
import type { Lead } from '../leads/types/lead.type';
import type { LeadProviderAdapter, ProviderConnection } from '../providers/provider-adapter';

/** Provider clocks are not ours: a lead stamped this much before the submission still counts. */
const CLOCK_SKEW_MS = 60_000;
/** The newest leads with that title looked at; an earlier attempt's lead is among the newest. */
const LOOK_WINDOW = 20;

/** True when `connection` can be searched for an earlier attempt's lead. */
export function canLookFirst(connection: ProviderConnection): boolean {
  return connection.readsFrom === 'provider' && connection.capabilities.includes(ProviderCapability.LIST_LEADS);
}

/** The lead an earlier attempt created, or null when the provider holds none. Rejects with the provider's error. */
export async function findEarlierAttempt(adapter: LeadProviderAdapter, input: CreateLeadInput, since: Date): Promise<Lead | null> {
  const title = input.title?.trim();
  if (!title || !adapter.listLeads) return null;
  const page = await adapter.listLeads(
    { search: title, orderBy: LeadOrderField.CREATED_AT, direction: OrderDirection.DESC },
    { offset: 0, limit: LOOK_WINDOW },
  );
  const earliest = since.getTime() - CLOCK_SKEW_MS;
  return page.leads.find((lead) => new Date(lead.createdAt).getTime() >= earliest && sameLead(lead, input)) ?? null;
}

function sameLead(lead: Lead, input: CreateLeadInput): boolean {
  const same = (a: string | null | undefined, b: string | null | undefined) =>
    (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
  if (!same(lead.title, input.title)) return false;
  if (input.description && !same(lead.description, input.description)) return false;
  return true;
}
