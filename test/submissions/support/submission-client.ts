/**
 * What the submission tests share: the operations, a stack with a fast-polling worker, waiting on
 * a submission's status through the GraphQL `submission` query (advancing the stack's clock so
 * backoff comes due, never sleeping a fixed time), and counting what a simulator received per lead.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { SimulatorServer } from '../../../src/simulators/simulator-server';
import { startTestStack, type GraphQLResponse, type TestStack, type TestStackOptions } from '../../support/test-stack';

export const KEYSPOT_CREATE = 'POST /v1/leads';
export const TESSELYS_CREATE = 'POST /external/v1/leads';

export const SUBMISSION_FIELDS = /* GraphQL */ `
  fragment SubmissionFields on LeadSubmission {
    id
    provider
    status
    attempts
    possibleDuplicate
    lastError {
      code
      message
    }
    nextAttemptAt
    lead {
      id
      providerLeadId
      title
      description
    }
    createdAt
    updatedAt
    deliveredAt
  }
`;

export const SUBMIT_LEAD = /* GraphQL */ `
  mutation SubmitLead($input: CreateLeadInput!, $key: String) {
    submitLead(input: $input, idempotencyKey: $key) {
      replayed
      submission {
        ...SubmissionFields
      }
    }
  }
  ${SUBMISSION_FIELDS}
`;

export const SUBMISSION = /* GraphQL */ `
  query Submission($id: ID!) {
    submission(id: $id) {
      ...SubmissionFields
    }
  }
  ${SUBMISSION_FIELDS}
`;

export const RETRY_SUBMISSION = /* GraphQL */ `
  mutation RetrySubmission($id: ID!) {
    retrySubmission(id: $id) {
      replayed
      submission {
        ...SubmissionFields
      }
    }
  }
  ${SUBMISSION_FIELDS}
`;

export interface SubmissionResult {
  id: string;
  provider: string;
  status: string;
  attempts: number;
  possibleDuplicate: boolean;
  lastError: { code: string; message: string } | null;
  nextAttemptAt: string | null;
  lead: { id: string; providerLeadId: string; title: string | null; description: string | null } | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

/** A stack whose worker polls often, whose leases outlast any clock jump a test makes, and without a client rate limit. */
export function startSubmissionStack(options: TestStackOptions = {}): Promise<TestStack> {
  return startTestStack({
    ...options,
    env: {
      SUBMISSION_POLL_MS: '20',
      SUBMISSION_LEASE_MS: String(24 * 60 * 60 * 1000),
      // Waiting polls the gateway as fast as it answers, on a clock that may stand still: no rate limit.
      RATE_LIMIT_PER_MINUTE: '0',
      ...options.env,
    },
  });
}

let unique = 0;
/** A text no other test uses, to find one submission's lead among a simulator's. */
export function uniqueText(label: string): string {
  return `${label} ${process.pid}-${Date.now()}-${++unique}`;
}

export function keyspotInput(message: string): Record<string, unknown> {
  return {
    provider: 'KEYSPOT',
    description: message,
    contact: { name: 'Maria Souza', email: 'maria.souza@example.com', phone: '+55 11 91234-5678' },
    source: 'PORTAL_ZAPIMOVEIS',
  };
}

export function tesselysInput(title: string): Record<string, unknown> {
  return { provider: 'TESSELYS', title, description: 'Quer visitar em dezembro.', source: 'REFERRAL' };
}

export async function submit(
  stack: TestStack,
  input: Record<string, unknown>,
  key?: string,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<{ submitLead: { replayed: boolean; submission: SubmissionResult } }>> {
  return stack.gql(SUBMIT_LEAD, { input, ...(key ? { key } : {}) }, headers);
}

export async function readSubmission(stack: TestStack, id: string, headers?: Record<string, string>): Promise<SubmissionResult | null> {
  const response = await stack.gql<{ submission: SubmissionResult | null }>(SUBMISSION, { id }, headers);
  if (response.errors) throw new Error(`submission query failed: ${JSON.stringify(response.errors)}`);
  return response.data!.submission;
}

/**
 * Polls `submission(id)` until `done` holds, advancing the stack's clock by `advanceMs` (default
 * 30 s) between reads: backoff and circuit cool-downs run on it, so a circuit an earlier test left
 * open closes again. Pass 0 only to observe a QUEUED state before its retry. Fails after
 * `deadlineMs` of real time.
 */
export async function waitForSubmission(
  stack: TestStack,
  id: string,
  done: (submission: SubmissionResult) => boolean,
  options: { advanceMs?: number; deadlineMs?: number; headers?: Record<string, string> } = {},
): Promise<SubmissionResult> {
  const deadline = Date.now() + (options.deadlineMs ?? 20_000);
  let last: SubmissionResult | null = null;
  while (Date.now() < deadline) {
    last = await readSubmission(stack, id, options.headers);
    if (last && done(last)) return last;
    stack.clock.advance(options.advanceMs ?? 30_000);
    await delay(20);
  }
  throw new Error(`submission ${id} did not get there in time; last seen: ${JSON.stringify(last)}`);
}

/** The lead-creating requests a simulator received whose body holds `text` (title or message). */
export function postsWith(simulator: SimulatorServer, route: string, text: string): number {
  return simulator.counters.history(route).filter((request) => JSON.stringify(request.body ?? null).includes(text)).length;
}
