/**
 * A submission's progress, QUEUED → DELIVERING → DELIVERED (or FAILED), read by polling
 * `submission(id)` until it is final. Once delivered, the cached inbox lists are dropped so the
 * inbox shows the new lead when the reader goes back.
 */
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import type { SubmissionFieldsFragment, SubmissionStatus } from '../gql/graphql';
import { hrefOf } from '../routing/use-route';
import { ErrorNotice } from '../shared/ErrorNotice';
import { dateTimeLabel, providerLabel } from '../shared/labels';
import { SubmissionQuery } from './new-lead.operations';

const POLL_MS = 500;
const STEPS: readonly SubmissionStatus[] = ['QUEUED', 'DELIVERING', 'DELIVERED'];
const STEP_LABELS: Record<SubmissionStatus, string> = {
  QUEUED: 'Queued',
  DELIVERING: 'Delivering',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
};

export function isFinal(status: SubmissionStatus): boolean {
  return status === 'DELIVERED' || status === 'FAILED';
}

export function SubmissionProgress({ first }: { first: SubmissionFieldsFragment }) {
  const client = useApolloClient();
  const final = isFinal(first.status);
  const { data, error, stopPolling } = useQuery(SubmissionQuery, { variables: { id: first.id }, pollInterval: POLL_MS, skip: final });
  const submission = data?.submission ?? first;
  const status = submission.status;
  const done = isFinal(status);
  useEffect(() => {
    if (done) stopPolling();
    if (status === 'DELIVERED') {
      client.cache.evict({ fieldName: 'leads' });
      client.cache.gc();
    }
  }, [done, status, client, stopPolling]);

  const reached = status === 'FAILED' ? -1 : STEPS.indexOf(status);
  return (
    <section className="card submission" aria-labelledby="submission-heading">
      <h2 id="submission-heading">Sending to {providerLabel(submission.provider)}</h2>
      <ol className="steps">
        {STEPS.map((step, index) => (
          <li key={step} className={index <= reached ? 'step step-done' : 'step'} aria-current={index === reached ? 'step' : undefined}>
            {STEP_LABELS[step]}
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" className="submission-status" data-status={status}>
        {status === 'DELIVERED'
          ? `Delivered to ${providerLabel(submission.provider)}.`
          : status === 'FAILED'
            ? `Not delivered: ${submission.lastError?.message ?? 'the provider refused it'}.`
            : status === 'DELIVERING'
              ? 'Delivering…'
              : `Queued${submission.attempts > 0 ? `: attempt ${submission.attempts + 1} ${submission.nextAttemptAt ? `at ${dateTimeLabel(submission.nextAttemptAt)}` : 'soon'}` : ''}. LeadGraph keeps it until it is delivered.`}
      </p>
      {submission.possibleDuplicate ? (
        <p className="muted">An attempt's outcome was unknown, so it was sent again: the provider may hold it twice.</p>
      ) : null}
      {submission.lastError && status !== 'FAILED' ? <p className="muted">Last attempt: {submission.lastError.message}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {submission.lead ? (
        <p>
          <a href={hrefOf({ screen: 'lead', id: submission.lead.id })}>Open the new lead</a> ·{' '}
          <a href={hrefOf({ screen: 'inbox' })}>Back to the inbox</a>
        </p>
      ) : null}
    </section>
  );
}
