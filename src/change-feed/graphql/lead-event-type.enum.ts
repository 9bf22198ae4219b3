/** What happened in a change-feed event. Public contract (DESIGN.md Part 2): values are only ever added. */
import { registerEnumType } from 'type-graphql';

export enum LeadEventType {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  SUBMISSION_CHANGED = 'SUBMISSION_CHANGED',
}

registerEnumType(LeadEventType, {
  name: 'LeadEventType',
  description: 'What happened to a lead or a submission.',
  valuesConfig: {
    CREATED: {
      description:
        'A lead was created: by `createLead`, by a delivered submission, or on a listing provider by anyone else (found by polling).',
    },
    UPDATED: { description: 'A lead was changed: by `updateLead`, or on a listing provider by anyone else (found by polling).' },
    SUBMISSION_CHANGED: {
      description: 'A submission changed status (QUEUED, DELIVERING, DELIVERED, FAILED); `submission` says how it is now.',
    },
  },
});
