/**
 * The simulated Keyspot account's leads: applies the documented creation rules (NEW_LEAD, MEDIUM,
 * source API by default, linking by property code) and remembers what was created so tests can
 * check what reached the provider, not just what the gateway answered.
 */
import type { KeyspotCreateLeadDto, KeyspotLeadDto } from '../keyspot.dto';
import { KeyspotIdGenerator } from './keyspot-ids';
import type { KeyspotPropertyDto } from './keyspot-properties';

export class KeyspotLeadStore {
  private readonly created: KeyspotLeadDto[] = [];
  private readonly ids = new KeyspotIdGenerator();
  private readonly byCode: Map<string, KeyspotPropertyDto>;

  constructor(
    private readonly catalogue: readonly KeyspotPropertyDto[],
    private readonly now: () => number,
  ) {
    this.byCode = new Map(catalogue.map((property) => [property.code, property]));
  }

  create(input: KeyspotCreateLeadDto): KeyspotLeadDto {
    const nowMs = this.now();
    const timestamp = new Date(nowMs).toISOString();
    const property = input.propertyCode === undefined ? undefined : this.byCode.get(input.propertyCode);
    const lead: KeyspotLeadDto = {
      id: this.ids.next(nowMs),
      name: input.name,
      email: input.email,
      phone: input.phone,
      message: input.message,
      source: input.source ?? 'API',
      status: 'NEW_LEAD',
      priority: 'MEDIUM',
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
  leads(): KeyspotLeadDto[] {
    return this.created.map((lead) => ({ ...lead }));
  }

  properties(): KeyspotPropertyDto[] {
    return this.catalogue.map((property) => ({ ...property }));
  }
}
