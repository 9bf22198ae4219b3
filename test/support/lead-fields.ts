/**
 * Every Lead field, as the front-end operations select them (operations/lead-fields.graphql is the
 * single source), and the Lead a seeded Tesselys payload must map to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TesselysLeadDto } from '../../src/providers/tesselys/tesselys.dto';

/** `fragment LeadFields on Lead { ... }`, to append to an operation that spreads `...LeadFields`. */
export const LEAD_FIELDS_FRAGMENT = readFileSync(join(__dirname, '..', '..', 'operations', 'lead-fields.graphql'), 'utf8');

/** The selection set inside the fragment, for inline use (`lead(id: $id) { ${LEAD_SELECTION} }`). */
export const LEAD_SELECTION = LEAD_FIELDS_FRAGMENT.slice(LEAD_FIELDS_FRAGMENT.indexOf('{') + 1, LEAD_FIELDS_FRAGMENT.lastIndexOf('}'));

/** The unified Lead that the gateway must answer for this Tesselys payload. */
export function expectedTesselysLead(raw: TesselysLeadDto): Record<string, unknown> {
  return {
    id: `tesselys:${raw.id}`,
    provider: 'TESSELYS',
    providerLeadId: raw.id,
    title: raw.title,
    description: raw.description,
    contact: { personId: raw.personId, name: raw.personName, email: null, phone: null },
    status: raw.status,
    providerStatus: raw.status,
    source: raw.sourceChannel,
    priority: null,
    tags: raw.tags,
    isActive: raw.isActive,
    property: null,
    trafficOrigin: null,
    createdAt: new Date(raw.createdAt).toISOString(),
    updatedAt: new Date(raw.updatedAt).toISOString(),
    raw,
  };
}
