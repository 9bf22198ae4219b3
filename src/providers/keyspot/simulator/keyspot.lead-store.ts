/**
 * The simulated Keyspot account's leads: applies the documented creation rules (NEW_LEAD, MEDIUM,
 * source API by default, linking by property code) and remembers what was created so tests can
 * check what reached the provider, not just what the gateway answered.
 */
import {
  KEYSPOT_DEFAULT_SOURCE,
  KEYSPOT_NEW_LEAD_PRIORITY,
  KEYSPOT_NEW_LEAD_STATUS,
  type KeyspotCreateLeadBody,
  type KeyspotLeadResource,
} from './keyspot.documented-api';
import { KeyspotIdGenerator } from './keyspot.ids';
import type { KeyspotPropertyDto } from './keyspot.properties';

export class KeyspotLeadStore {
  private readonly created: KeyspotLeadResource[] = [];
  private readonly ids = new KeyspotIdGenerator();
  private readonly byCode: Map<string, KeyspotPropertyDto>;

  constructor(
    private readonly catalogue: readonly KeyspotPropertyDto[],
    private readonly now: () => number,
  ) {
    this.byCode = new Map(catalogue.map((property) => [property.code, property]));
  }

  create(input: KeyspotCreateLeadBody): KeyspotLeadResource {
    const nowMs = this.now();
    const timestamp = new Date(nowMs).toISOString();
    const property = input.propertyCode === undefined ? undefined : this.byCode.get(input.propertyCode);
    const lead: KeyspotLeadResource = {
      id: this.ids.next(nowMs),
      name: input.name,
      email: input.email,
      phone: input.phone,
      message: input.message,
      source: input.source ?? KEYSPOT_DEFAULT_SOURCE,
      status: KEYSPOT_NEW_LEAD_STATUS,
      priority: KEYSPOT_NEW_LEAD_PRIORITY,
      propertyId: property?.id ?? null,
      interestedPropertyTitle: input.interestedPropertyTitle ?? property?.title ?? null,
      trafficOrigin: input.trafficOrigin ?? null,
      createdAt: timestamp,
      updatedAt: timestamp,
    };
    this.created.push(lead);
    return { ...lead };
  }

  /** Copies, oldest first, so callers cannot alter the record. */
  leads(): KeyspotLeadResource[] {
    return this.created.map((lead) => ({ ...lead }));
  }

  properties(): KeyspotPropertyDto[] {
    return this.catalogue.map((property) => ({ ...property }));
  }
}
