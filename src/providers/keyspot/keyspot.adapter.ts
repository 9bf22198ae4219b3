/** Keyspot as the LeadService sees it: create only, as its documentation allows today. */
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { ProviderCapability } from '../../leads/enums/provider-capability.enum';
import type { CreateLeadInput } from '../../leads/inputs/create-lead.input';
import type { Lead } from '../../leads/types/lead.type';
import type { Logger } from '../../logging/logger';
import { decodePayload } from '../http/decode-payload';
import type { LeadProviderAdapter, ProviderRules } from '../provider-adapter';
import type { KeyspotClient } from './keyspot.client';
import { keyspotEnvelopeToLead, toKeyspotCreate } from './keyspot.mapper';
import { keyspotCreateProblems } from './keyspot.rules';

export const KEYSPOT_CAPABILITIES = [ProviderCapability.CREATE_LEAD] as const;
export const KEYSPOT_RULES: ProviderRules = {
  /** No status can be set through Keyspot's API. */
  acceptedStatuses: [],
  validateCreate: keyspotCreateProblems,
  validateUpdate: () => [],
};

export class KeyspotAdapter implements LeadProviderAdapter {
  readonly provider = LeadProvider.KEYSPOT;

  constructor(
    private readonly client: KeyspotClient,
    private readonly logger: Logger,
  ) {}

  async createLead(input: CreateLeadInput): Promise<Lead> {
    const payload = await this.client.createLead(toKeyspotCreate(input));
    return decodePayload(this.provider, this.logger, () => keyspotEnvelopeToLead(payload));
  }
}
