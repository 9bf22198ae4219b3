/** Where a submitted lead is on its way to the provider. Public contract: values are only ever added. */
import { registerEnumType } from 'type-graphql';

export enum SubmissionStatus {
  QUEUED = 'QUEUED',
  DELIVERING = 'DELIVERING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description: 'Where a submitted lead is on its way to its provider.',
  valuesConfig: {
    QUEUED: { description: 'Stored and waiting for its next attempt (`nextAttemptAt`).' },
    DELIVERING: { description: 'A worker is sending it to the provider now.' },
    DELIVERED: { description: 'The provider created the lead (`lead`).' },
    FAILED: {
      description:
        'The provider refused it, or SUBMISSION_MAX_AGE_HOURS passed without delivery (`lastError`); `retrySubmission` queues it again.',
    },
  },
});
