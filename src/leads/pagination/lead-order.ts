/**
 * The order `leads` merges providers in, for the order a client asked for. Contract: it agrees with
 * each provider's own order, so interleaving already-sorted streams with it yields one total order:
 * - CREATED_AT: by creation time;
 * - TITLE: titles compared with the pt-BR collation Tesselys sorts with (so "Ótica" sits among the
 *   O's), and a lead without a title (every Keyspot lead) after every title in ASC, before in DESC,
 *   exactly as the gateway's record store orders them;
 * - ties by global id ("<provider>:<id>", code-unit order) in the same direction, which across
 *   providers means by provider name.
 * Only items of different providers are ever compared here, so a provider whose own collation
 * differs in detail from this one still keeps its own order; see docs/decisions/one-inbox.md.
 */
import { LeadOrderField, OrderDirection } from '../enums/lead-order.enums';
import type { Lead } from '../types/lead.type';

/** Made on first use, so a gateway that never sorts by title never reads ICU's collation data. */
let titleCollator: Intl.Collator | undefined;

export function leadOrder(field: LeadOrderField, direction: OrderDirection): (a: Lead, b: Lead) => number {
  const key = field === LeadOrderField.TITLE ? byTitle : byCreatedAt;
  const ascending = (a: Lead, b: Lead): number => key(a, b) || byId(a, b);
  return direction === OrderDirection.ASC ? ascending : (a, b) => ascending(b, a);
}

function byCreatedAt(a: Lead, b: Lead): number {
  return a.createdAt.getTime() - b.createdAt.getTime();
}

function byTitle(a: Lead, b: Lead): number {
  if (a.title === null) return b.title === null ? 0 : 1;
  if (b.title === null) return -1;
  return (titleCollator ??= new Intl.Collator('pt-BR', { sensitivity: 'variant' })).compare(a.title, b.title);
}

function byId(a: Lead, b: Lead): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
