/**
 * The union of every provider's lead statuses, spelled as each provider spells them, so nothing is
 * lost in translation; UNKNOWN covers values a provider adds before we learn about them.
 */
import { registerEnumType } from 'type-graphql';

export enum LeadStatus {
  NEW_LEAD = 'NEW_LEAD',
  NEW = 'NEW',
  CONTACTED = 'CONTACTED',
  QUALIFIED = 'QUALIFIED',
  UNQUALIFIED = 'UNQUALIFIED',
  CONVERTED = 'CONVERTED',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(LeadStatus, {
  name: 'LeadStatus',
  description: "A lead's status, as its provider spells it. `providerStatus` always carries the provider's own value.",
  valuesConfig: {
    NEW_LEAD: { description: 'KEYSPOT: a new lead (its only documented status).' },
    NEW: { description: 'TESSELYS: new, not contacted yet.' },
    CONTACTED: { description: 'TESSELYS: contacted, waiting for an answer.' },
    QUALIFIED: { description: 'TESSELYS: qualified, likely to convert.' },
    UNQUALIFIED: { description: 'TESSELYS: no fit or no interest.' },
    CONVERTED: { description: 'TESSELYS: turned into business.' },
    UNKNOWN: { description: 'A value the provider sent that LeadGraph does not know yet (see `providerStatus`). Never accepted as input.' },
  },
});
