/** Where LeadGraph reads a provider's leads from (`ProviderInfo.readsFrom`). */
import { registerEnumType } from 'type-graphql';

export enum LeadReadSource {
  PROVIDER = 'PROVIDER',
  GATEWAY_RECORD = 'GATEWAY_RECORD',
}

registerEnumType(LeadReadSource, {
  name: 'LeadReadSource',
  description: "Where `lead`, `node` and `leads` read a provider's leads from.",
  valuesConfig: {
    PROVIDER: { description: "The provider's own API: every lead the provider holds." },
    GATEWAY_RECORD: {
      description:
        "LeadGraph's own record of the leads it created at this provider (the provider has no read API): only leads created through this gateway (by `createLead` or a delivered `submitLead`), for the caller's tenant.",
    },
  },
});
