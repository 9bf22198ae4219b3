/**
 * The Tesselys simulator's in-memory database: leads in insertion order plus the people they can
 * point at. It owns listing semantics (filter, fully deterministic order, page slicing) so the
 * HTTP layer only validates and shapes replies. Leads are copied in and out, so no caller can
 * change the store behind its back.
 */
import { randomBytes } from 'node:crypto';
import {
  TESSELYS_NEW_LEAD_STATUS,
  type TesselysCreateLeadBody,
  type TesselysLeadPage,
  type TesselysLeadResource,
  type TesselysPerson,
} from './tesselys.documented-api';
import type { LeadUpdate, ListQuery } from './tesselys.validation';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
// Portuguese collation so "Ótica" sorts among the O's, as a pt-BR database would sort it.
const titleCollator = new Intl.Collator('pt-BR', { sensitivity: 'variant' });

export class TesselysLeadStore {
  private readonly leads: TesselysLeadResource[] = [];
  private readonly byId = new Map<string, TesselysLeadResource>();
  private readonly peopleById: Map<string, TesselysPerson>;

  constructor(
    leads: readonly TesselysLeadResource[],
    people: readonly TesselysPerson[],
    private readonly now: () => number,
  ) {
    this.peopleById = new Map(people.map((person) => [person.id, { ...person }]));
    for (const lead of leads) {
      if (this.byId.has(lead.id)) throw new Error(`duplicate Tesselys lead id ${lead.id}`);
      this.insert(clone(lead));
    }
  }

  list(query: ListQuery): TesselysLeadPage {
    const needle = query.search?.toLowerCase();
    const matching = this.leads.filter(
      (lead) =>
        (query.status === undefined || lead.status === query.status) && (needle === undefined || lead.title.toLowerCase().includes(needle)),
    );
    const compare = query.orderBy === 'title' ? byTitle : byCreatedAt;
    // Ties break on id inside the comparator, so DESC is the exact reverse of ASC.
    matching.sort(query.order === 'ASC' ? compare : (a, b) => compare(b, a));
    const start = (query.page - 1) * query.limit;
    const total = matching.length;
    return {
      data: matching.slice(start, start + query.limit).map(clone),
      meta: { total, page: query.page, limit: query.limit, totalPages: Math.ceil(total / query.limit) },
    };
  }

  get(id: string): TesselysLeadResource | undefined {
    const lead = this.byId.get(id);
    return lead && clone(lead);
  }

  create(input: TesselysCreateLeadBody): TesselysLeadResource {
    const at = new Date(this.now()).toISOString();
    const personId = input.personId ?? null;
    const lead: TesselysLeadResource = {
      id: this.newId(),
      title: input.title,
      personId,
      personName: (personId !== null && this.peopleById.get(personId)?.name) || null,
      status: TESSELYS_NEW_LEAD_STATUS,
      sourceChannel: input.sourceChannel ?? null,
      description: input.description ?? null,
      tags: [...(input.tags ?? [])],
      isActive: true,
      createdAt: at,
      updatedAt: at,
    };
    this.insert(lead);
    return clone(lead);
  }

  update(id: string, change: LeadUpdate): TesselysLeadResource | undefined {
    const lead = this.byId.get(id);
    if (!lead) return undefined;
    if (change.title !== undefined) lead.title = change.title;
    if (change.status !== undefined) lead.status = change.status;
    if (change.description !== undefined) lead.description = change.description;
    if (change.tags !== undefined) lead.tags = [...change.tags];
    // Strictly later than before even when the clock has not moved, so "was it updated?" is always visible.
    lead.updatedAt = new Date(Math.max(this.now(), Date.parse(lead.updatedAt) + 1)).toISOString();
    return clone(lead);
  }

  snapshot(): TesselysLeadResource[] {
    return this.leads.map(clone);
  }

  people(): TesselysPerson[] {
    return [...this.peopleById.values()].map((person) => ({ ...person }));
  }

  private insert(lead: TesselysLeadResource): void {
    this.leads.push(lead);
    this.byId.set(lead.id, lead);
  }

  /** `cl` + 23 random lowercase alphanumerics, like the seeded ids (cuid v1 shape). */
  private newId(): string {
    for (;;) {
      let id = 'cl';
      for (const byte of randomBytes(23)) id += ID_ALPHABET[byte % ID_ALPHABET.length];
      if (!this.byId.has(id)) return id;
    }
  }
}

function clone(lead: TesselysLeadResource): TesselysLeadResource {
  return { ...lead, tags: [...lead.tags] };
}

function byId(a: TesselysLeadResource, b: TesselysLeadResource): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byTitle(a: TesselysLeadResource, b: TesselysLeadResource): number {
  return titleCollator.compare(a.title, b.title) || byId(a, b);
}

function byCreatedAt(a: TesselysLeadResource, b: TesselysLeadResource): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || byId(a, b);
}
