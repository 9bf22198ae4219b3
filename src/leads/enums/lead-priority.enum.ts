/** Keyspot's lead priority; UNKNOWN covers values it adds before we learn about them. */
import { registerEnumType } from 'type-graphql';

export enum LeadPriority {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(LeadPriority, {
  name: 'LeadPriority',
  description: "A lead's priority (KEYSPOT only; new leads are MEDIUM).",
  valuesConfig: {
    LOW: { description: 'Low priority.' },
    MEDIUM: { description: 'Medium priority (the default for new KEYSPOT leads).' },
    HIGH: { description: 'High priority.' },
    URGENT: { description: 'Urgent.' },
    UNKNOWN: { description: 'A value the provider sent that LeadGraph does not know yet.' },
  },
});
