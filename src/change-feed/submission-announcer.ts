/**
 * Turns submission status changes (submitLead, retrySubmission, the delivery worker) into
 * SUBMISSION_CHANGED events: the stored submission, viewed as the API shows it. A change known
 * only by id is read back from the store first; a read that fails is logged, never thrown.
 */
import type { SubmissionChanges } from '../delivery/submission-changes';
import type { Logger } from '../logging/logger';
import type { Store, Submission } from '../store';
import { viewOf } from '../submissions/submission-view';
import type { ChangeFeed } from './change-feed';

export class SubmissionAnnouncer implements SubmissionChanges {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  changed(submission: Submission): void {
    this.feed.submissionChanged(submission.tenant, viewOf(submission));
  }

  changedById(tenant: string, submissionId: string): void {
    this.store.submissions.get(tenant, submissionId).then(
      (submission) => submission && this.changed(submission),
      (error: unknown) => this.logger.warn({ err: error, submission: submissionId }, 'change feed: submission change not announced'),
    );
  }
}
