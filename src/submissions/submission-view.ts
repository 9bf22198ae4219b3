/**
 * The GraphQL view of a stored submission. The lead snapshot is stored as JSON, so its dates come
 * back as strings: they are made Dates again here, as the Lead type's scalars expect.
 */
import type { LeadProvider } from '../leads/enums/lead-provider.enum';
import type { Lead } from '../leads/types/lead.type';
import type { Submission } from '../store';
import type { LeadSubmission } from './lead-submission.type';
import type { SubmissionStatus } from './submission-status.enum';
import { toSubmissionId } from './submission-id';

export function viewOf(submission: Submission): LeadSubmission {
  return {
    id: toSubmissionId(submission.id),
    provider: submission.provider as LeadProvider,
    status: submission.status as SubmissionStatus,
    attempts: submission.attempts,
    possibleDuplicate: submission.possibleDuplicate,
    lastError: submission.lastError,
    nextAttemptAt: submission.status === 'QUEUED' || submission.status === 'DELIVERING' ? submission.nextAttemptAt : null,
    lead: submission.status === 'DELIVERED' ? leadOf(submission.lead) : null,
    createdAt: submission.createdAt,
    updatedAt: submission.updatedAt,
    deliveredAt: submission.deliveredAt,
  };
}

function leadOf(snapshot: unknown): Lead | null {
  if (snapshot === null || typeof snapshot !== 'object') return null;
  const lead = snapshot as Lead & { createdAt: string | Date; updatedAt: string | Date };
  return { ...lead, createdAt: new Date(lead.createdAt), updatedAt: new Date(lead.updatedAt) };
}
