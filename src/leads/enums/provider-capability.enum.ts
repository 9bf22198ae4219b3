/** What a provider's API lets LeadGraph do; asking for anything else is UNSUPPORTED_BY_PROVIDER. */
import { registerEnumType } from 'type-graphql';

export enum ProviderCapability {
  LIST_LEADS = 'LIST_LEADS',
  GET_LEAD = 'GET_LEAD',
  CREATE_LEAD = 'CREATE_LEAD',
  UPDATE_LEAD = 'UPDATE_LEAD',
}

registerEnumType(ProviderCapability, {
  name: 'ProviderCapability',
  description: 'An operation a provider supports through LeadGraph.',
  valuesConfig: {
    LIST_LEADS: { description: 'Listing and paging leads (`leads`).' },
    GET_LEAD: { description: 'Reading one lead by id (`lead`, `node`).' },
    CREATE_LEAD: { description: 'Creating a lead (`createLead`).' },
    UPDATE_LEAD: { description: 'Updating a lead (`updateLead`).' },
  },
});
