/**
 * One delivery attempt of one claimed submission, start to finish, and its durable record:
 * - past SUBMISSION_MAX_AGE_HOURS → FAILED (SUBMISSION_EXPIRED), nothing sent;
 * - an earlier attempt's outcome unknown and the provider searchable → look first, adopt what it
 *   finds (DELIVERED, not re-sent);
 * - markAttemptStarted (the durable "outcome unknown" marker) BEFORE anything is sent: if it fails
 *   (lease lost) nothing is sent;
 * - send through LeadWriter with a request-free scope (a logger bound to the submission id, never
 *   the input), then DELIVERED, FAILED (refusal) or QUEUED for later (backoff) — see delivery-outcome.ts.
 * Every store write is fenced by the lease, so a worker that lost its claim changes nothing.
 */
import { BadUserInputError } from '../errors/bad-user-input.error';
import type { CreateLeadInput } from '../leads/inputs/create-lead.input';
import { LeadRouting } from '../leads/service/lead-routing';
import { LeadWriter } from '../leads/service/lead-writer';
import { ScopedAdapters } from '../leads/service/scoped-adapters';
import type { Lead } from '../leads/types/lead.type';
import type { Logger } from '../logging/logger';
import type { ProviderConnection } from '../providers/provider-adapter';
import type { ProviderDirectory } from '../providers/provider-directory';
import type { Store, Submission, SubmissionError } from '../store';
import { backoffMs } from './backoff';
import { classifyFailure, type AttemptOutcome } from './delivery-outcome';
import type { DeliverySettings } from './delivery-settings';
import { canLookFirst, findEarlierAttempt } from './earlier-attempt-lookup';
import type { SubmissionChanges } from './submission-changes';

/** Where the worker reports what it did (metrics); every method optional to implement cheaply. */
export interface DeliveryObserver {
  /** A submission reached DELIVERED `seconds` after it was accepted. */
  delivered(provider: string, seconds: number): void;
}

export interface DeliveryAttemptDeps {
  store: Store;
  directory: ProviderDirectory;
  settings: DeliverySettings;
  workerId: string;
  clock: () => number;
  logger: Logger;
  observer?: DeliveryObserver;
  /** Told of every status this attempt records (the change feed). */
  changes?: SubmissionChanges;
}

/** What became of the attempt (for the worker's log and tests). */
export type AttemptResult = 'delivered' | 'adopted' | 'failed' | 'retry' | 'lease-lost';

export async function runDeliveryAttempt(deps: DeliveryAttemptDeps, submission: Submission, signal: AbortSignal): Promise<AttemptResult> {
  const { store, workerId } = deps;
  const logger = deps.logger.child({ submission: submission.id, provider: submission.provider, tenant: submission.tenant });
  if (deps.clock() - submission.queuedAt.getTime() >= deps.settings.maxAgeMs) {
    const error = { code: 'SUBMISSION_EXPIRED', message: 'Not delivered within SUBMISSION_MAX_AGE_HOURS.' };
    logger.warn({ attempts: submission.attempts }, 'submission expired undelivered');
    return (await recorded(deps, submission, store.submissions.markFailed(submission.id, workerId, error))) ? 'failed' : 'lease-lost';
  }
  const input = submission.input as CreateLeadInput;
  let connection: ProviderConnection;
  try {
    connection = new LeadWriter(new LeadRouting(deps.directory, submission.tenant)).checkCreate(input);
  } catch (error) {
    // The input was checked on submit; rules that refuse it now (changed rules) will not change back.
    if (error instanceof BadUserInputError) return fail(deps, submission, { code: 'BAD_USER_INPUT', message: error.message }, logger);
    // Provider not configured for this tenant right now: an operator may configure it again.
    return retry(deps, submission, classifyFailure(error), logger);
  }
  const scope = { logger, countUpstreamCall: () => undefined, signal };
  const adapter = new ScopedAdapters(scope).of(connection);

  let lookedFirst = false;
  if (submission.outcomeUnknown && canLookFirst(connection)) {
    let found: Lead | null;
    try {
      found = await findEarlierAttempt(adapter, input, submission.createdAt);
    } catch (error) {
      return retry(deps, submission, classifyFailure(error), logger, { lookup: true });
    }
    if (found) {
      logger.info({ providerLeadId: found.providerLeadId }, 'earlier attempt had delivered the submission: adopted, not re-sent');
      return (await delivered(deps, submission, found)) ? 'adopted' : 'lease-lost';
    }
    lookedFirst = true;
  }

  if (!(await store.submissions.markAttemptStarted(submission.id, workerId, { lookedFirst }))) {
    logger.warn('lease lost before sending: not sent');
    return 'lease-lost';
  }
  let lead: Lead;
  try {
    lead = await adapter.createLead!(input);
  } catch (error) {
    const outcome = classifyFailure(error);
    return outcome.kind === 'refused' ? fail(deps, submission, outcome.error, logger) : retry(deps, submission, outcome, logger);
  }
  logger.info({ providerLeadId: lead.providerLeadId, attempts: submission.attempts + 1 }, 'submission delivered');
  return (await delivered(deps, submission, lead)) ? 'delivered' : 'lease-lost';
}

async function delivered(deps: DeliveryAttemptDeps, submission: Submission, lead: Lead): Promise<boolean> {
  const done = await recorded(
    deps,
    submission,
    deps.store.submissions.markDelivered(submission.id, { providerLeadId: lead.providerLeadId, lead }),
  );
  if (done) deps.observer?.delivered(submission.provider, Math.max(0, deps.clock() - submission.createdAt.getTime()) / 1000);
  return done;
}

/** Awaits a status write and, when it took, tells `changes`. */
async function recorded(deps: DeliveryAttemptDeps, submission: Submission, write: Promise<boolean>): Promise<boolean> {
  const took = await write;
  if (took) deps.changes?.changedById(submission.tenant, submission.id);
  return took;
}

async function fail(deps: DeliveryAttemptDeps, submission: Submission, error: SubmissionError, logger: Logger): Promise<AttemptResult> {
  logger.warn({ code: error.code }, 'submission refused by the provider: FAILED');
  return (await recorded(deps, submission, deps.store.submissions.markFailed(submission.id, deps.workerId, error)))
    ? 'failed'
    : 'lease-lost';
}

async function retry(
  deps: DeliveryAttemptDeps,
  submission: Submission,
  outcome: AttemptOutcome,
  logger: Logger,
  options: { lookup?: boolean } = {},
): Promise<AttemptResult> {
  const retryAfterSeconds = outcome.kind === 'retry' ? outcome.retryAfterSeconds : undefined;
  // A failed look-up sent nothing: the earlier attempt's outcome stays unknown, as the store keeps it.
  const outcomeUnknown = !options.lookup && outcome.kind === 'retry' && outcome.outcomeUnknown;
  const attempts = submission.attempts + (options.lookup ? 0 : 1);
  const now = deps.clock();
  const giveUpAt = submission.queuedAt.getTime() + deps.settings.maxAgeMs;
  // Never later than the give-up time, so an expired submission turns FAILED on time.
  const nextAttemptAt = Math.min(now + backoffMs(Math.max(1, attempts), deps.settings, retryAfterSeconds), Math.max(now, giveUpAt));
  logger.info(
    { code: outcome.error.code, attempts, outcomeUnknown, delayMs: nextAttemptAt - now },
    'delivery attempt failed: retrying later',
  );
  const kept = await recorded(
    deps,
    submission,
    deps.store.submissions.markRetry(submission.id, deps.workerId, {
      nextAttemptAt: new Date(nextAttemptAt),
      error: outcome.error,
      outcomeUnknown,
    }),
  );
  return kept ? 'retry' : 'lease-lost';
}
