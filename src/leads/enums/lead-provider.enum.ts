/** Which CRM a lead lives in. Public contract: values are only ever added. */
import { registerEnumType } from 'type-graphql';

export enum LeadProvider {
  KEYSPOT = 'KEYSPOT',
  TESSELYS = 'TESSELYS',
}

registerEnumType(LeadProvider, {
  name: 'LeadProvider',
  description: 'The lead provider (CRM) a lead lives in.',
  valuesConfig: {
    KEYSPOT: { description: 'Keyspot, the real-estate CRM (create only).' },
    TESSELYS: { description: 'Tesselys, the general CRM (list, get, create, update).' },
  },
});
