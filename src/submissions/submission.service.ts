/**
 * What one GraphQL request asks of submissions (submitLead, retrySubmission, submission,
 * submissions), for one tenant. Contract: submit() refuses a bad input exactly as createLead does
 * (LeadWriter.checkCreate) with nothing stored; otherwise it returns only once the submission is
 * committed, and never waits for the provider: delivery is the worker's (src/delivery). A store
 * that does not answer refuses the submission with STORE_UNAVAILABLE.
 */
import { BadUserInputError } from '../errors/bad-user-input.error';
import { beforeAcceptance } from '../errors/store-unavailable.error';
import type { Logger } from '../logging/logger';
import type { CreateLeadInput } from '../leads/inputs/create-lead.input';
import { LeadWriter } from '../leads/service/lead-writer';
import type { LeadRouting } from '../leads/service/lead-routing';
import { requestFingerprint, type Store, type Submission } from '../store';
import type { SubmissionChanges } from '../delivery/submission-changes';
import { keyInUse, keyReused } from './idempotency-refusal';
import type { LeadSubmission } from './lead-submission.type';
import type { LeadSubmissionConnection } from './lead-submission-connection.type';
import type { SubmissionsArgs } from './submissions.args';
import { decodeSubmissionCursor, encodeSubmissionCursor } from './submission-cursor';
import { storeIdOf } from './submission-id';
import { viewOf } from './submission-view';

export const SUBMIT_LEAD_OPERATION = 'submitLead';
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;
/** What a client is told to wait when the key's holder vanished (its lock expires within the TTL's scale). */
const ABANDONED_RETRY_AFTER_SECONDS = 60;

export interface SubmitResult {
  submission: LeadSubmission;
  replayed: boolean;
}

export interface SubmissionServiceDeps {
  store: Store;
  routing: LeadRouting;
  /** Tells this process's delivery worker that work is waiting (no-op when there is none). */
  nudge(): void;
  /** Told of every submission queued or queued again (the change feed). */
  changes?: SubmissionChanges;
  logger: Logger;
}

export class SubmissionService {
  constructor(private readonly deps: SubmissionServiceDeps) {}

  private get tenant(): string {
    return this.deps.routing.tenant;
  }

  async submit(input: CreateLeadInput, idempotencyKey: string | undefined): Promise<SubmitResult> {
    new LeadWriter(this.deps.routing).checkCreate(input);
    // A plain copy: the stored input is JSON, whatever classes GraphQL built it from.
    const plain = JSON.parse(JSON.stringify(input)) as unknown;
    const result = await beforeAcceptance(
      () =>
        this.deps.store.submissions.enqueue({
          tenant: this.tenant,
          provider: input.provider,
          input: plain,
          ...(idempotencyKey === undefined
            ? {}
            : {
                idempotency: {
                  key: idempotencyKey,
                  operation: SUBMIT_LEAD_OPERATION,
                  fingerprint: requestFingerprint(SUBMIT_LEAD_OPERATION, plain),
                },
              }),
        }),
      this.deps.logger,
      SUBMIT_LEAD_OPERATION,
    );
    switch (result.status) {
      case 'enqueued':
        this.deps.changes?.changed(result.submission);
        this.deps.nudge();
        return { submission: viewOf(result.submission), replayed: false };
      case 'replay':
        return { submission: viewOf(result.submission), replayed: true };
      case 'reused':
        throw keyReused();
      case 'inProgress':
        throw keyInUse(result.retryAfterSeconds);
      case 'abandoned':
        throw keyInUse(ABANDONED_RETRY_AFTER_SECONDS);
    }
  }

  /** FAILED → QUEUED; anything else is BAD_USER_INPUT naming the current status. */
  async retry(id: string): Promise<SubmitResult> {
    const storeId = storeIdOf(id);
    const requeued = storeId === undefined ? undefined : await this.deps.store.submissions.requeue(this.tenant, storeId);
    if (requeued) {
      this.deps.changes?.changed(requeued);
      this.deps.nudge();
      return { submission: viewOf(requeued), replayed: false };
    }
    const current = storeId === undefined ? undefined : await this.deps.store.submissions.get(this.tenant, storeId);
    if (!current) throw BadUserInputError.of('id', 'is not a submission of yours');
    throw BadUserInputError.of('id', `is ${current.status}; only a FAILED submission can be retried`);
  }

  /** Null when it does not exist or belongs to another tenant. */
  async get(id: string): Promise<LeadSubmission | null> {
    const storeId = storeIdOf(id);
    const found = storeId === undefined ? undefined : await this.deps.store.submissions.get(this.tenant, storeId);
    return found ? viewOf(found) : null;
  }

  async list(args: SubmissionsArgs): Promise<LeadSubmissionConnection> {
    const first = args.first ?? DEFAULT_PAGE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw BadUserInputError.of('first', `must be 1 to ${MAX_PAGE}`);
    const after = args.after ? decodeSubmissionCursor(args.after) : undefined;
    const filter = {
      ...(args.filter?.status ? { status: args.filter.status } : {}),
      ...(args.filter?.provider ? { provider: args.filter.provider } : {}),
    };
    const page = await this.deps.store.submissions.list(this.tenant, filter, first, after);
    const edges = page.items.map((item: Submission) => ({
      cursor: encodeSubmissionCursor({ createdAt: item.createdAt.getTime(), id: item.id }),
      node: viewOf(item),
    }));
    return {
      edges,
      nodes: edges.map((edge) => edge.node),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: page.totalCount,
    };
  }
}
