/**
 * Where the delivery worker and submitLead say that a submission's status changed (the change
 * feed listens: DESIGN.md Part 2, "Change feed"). Both methods return at once and never throw;
 * whatever listens does its work (a read-back, a publish) on its own time.
 */
import type { Submission } from '../store';

export interface SubmissionChanges {
  /** The submission as it is right after the change. */
  changed(submission: Submission): void;
  /** The submission changed; read it back to know how it is now. */
  changedById(tenant: string, submissionId: string): void;
}
