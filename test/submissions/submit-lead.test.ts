/**
 * submitLead end to end, on both stores, through real HTTP against the simulators: accepted at
 * once whatever the provider does, delivered once it recovers, FAILED at once on a refusal,
 * re-queued by retrySubmission, refused with nothing stored on a bad input, replayed under an
 * idempotency key. Every delivery is checked on the simulator: how many lead-creating POSTs it
 * received for that submission, and how many leads it holds for it.
 */
import type { TestStack } from '../support/test-stack';
import type { TestStoreKind } from '../support/test-database';
import {
  KEYSPOT_CREATE,
  keyspotInput,
  postsWith,
  readSubmission,
  RETRY_SUBMISSION,
  startSubmissionStack,
  submit,
  TESSELYS_CREATE,
  tesselysInput,
  uniqueText,
  waitForSubmission,
  type SubmissionResult,
} from './support/submission-client';

const STORES: TestStoreKind[] = ['sqlite', 'postgres'];

describe.each(STORES)('submitLead on %s', (store) => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startSubmissionStack({ store, env: { SUBMISSION_MAX_AGE_HOURS: '1' } });
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.keyspot.faults.reset();
    stack.tesselys.faults.reset();
  });

  test('while Keyspot answers 503: QUEUED at once, retried, DELIVERED once it recovers; one lead, re-sends flagged', async () => {
    const message = uniqueText('keyspot down');
    stack.keyspot.faults.failNext({ route: KEYSPOT_CREATE, status: 503, count: 1000 });

    const response = await submit(stack, keyspotInput(message));
    expect(response.errors).toBeUndefined();
    const accepted = response.data!.submitLead;
    expect(accepted.replayed).toBe(false);
    expect(accepted.submission).toMatchObject({ provider: 'KEYSPOT', status: 'QUEUED', attempts: 0, lead: null, deliveredAt: null });
    expect(accepted.submission.id).toMatch(/^submission:[0-9a-f-]{36}$/);

    const failing = await waitForSubmission(stack, accepted.submission.id, (s) => s.attempts >= 2 && s.status === 'QUEUED');
    expect(failing.lastError?.code).toBe('PROVIDER_UNAVAILABLE');
    expect(stack.keyspot.leads().filter((lead) => lead.message === message)).toHaveLength(0);

    stack.keyspot.faults.reset();
    const delivered = await waitForSubmission(stack, accepted.submission.id, (s) => s.status === 'DELIVERED');
    const leads = stack.keyspot.leads().filter((lead) => lead.message === message);
    expect(leads).toHaveLength(1);
    expect(delivered.lead).toMatchObject({ id: `keyspot:${leads[0]!.id}`, providerLeadId: leads[0]!.id, description: message });
    expect(delivered.deliveredAt).not.toBeNull();
    expect(delivered.nextAttemptAt).toBeNull();
    // A 503 may come after the provider acted: every re-send after one is a possible duplicate.
    expect(delivered.possibleDuplicate).toBe(true);
    expect(postsWith(stack.keyspot, KEYSPOT_CREATE, message)).toBe(delivered.attempts);
  });

  test('Tesselys after an unknown outcome: looks first, finds nothing, re-sends without a duplicate flag', async () => {
    const title = uniqueText('tesselys down');
    stack.tesselys.faults.failNext({ route: TESSELYS_CREATE, status: 503, count: 1 });

    const accepted = (await submit(stack, tesselysInput(title))).data!.submitLead.submission;
    expect(accepted.status).toBe('QUEUED');
    const delivered = await waitForSubmission(stack, accepted.id, (s) => s.status === 'DELIVERED');

    expect(stack.tesselys.leads().filter((lead) => lead.title === title)).toHaveLength(1);
    expect(delivered.attempts).toBe(2);
    expect(postsWith(stack.tesselys, TESSELYS_CREATE, title)).toBe(2);
    // It searched Tesselys for the first attempt's lead before sending again.
    const searches = stack.tesselys.counters
      .history('GET /external/v1/leads')
      .map((request) => new URL(request.url, 'http://x').searchParams.get('search'));
    expect(searches).toContain(title);
    expect(delivered.possibleDuplicate).toBe(false);
  });

  test('Tesselys after an unknown outcome whose lead does exist: adopts it, sends nothing more', async () => {
    const title = uniqueText('tesselys lost answer');
    // The provider acts on the request, but the answer is lost on the way back: the simulator
    // creates the lead (a direct POST, as the gateway's would have) and the gateway's POST gets a 502.
    stack.tesselys.faults.failNext({ route: TESSELYS_CREATE, status: 502, count: 1 });
    const accepted = (await submit(stack, tesselysInput(title))).data!.submitLead.submission;
    await waitForSubmission(stack, accepted.id, (s) => s.attempts === 1 && s.status === 'QUEUED', { advanceMs: 0 });
    const created = await fetch(`${stack.tesselys.url}/external/v1/leads`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${stack.tesselys.credentials.accessToken}`,
        'x-company-token': stack.tesselys.credentials.companyToken,
      },
      body: JSON.stringify({ title, description: 'Quer visitar em dezembro.', sourceChannel: 'REFERRAL' }),
    });
    expect(created.status).toBe(201);

    const delivered = await waitForSubmission(stack, accepted.id, (s) => s.status === 'DELIVERED');
    const leads = stack.tesselys.leads().filter((lead) => lead.title === title);
    expect(leads).toHaveLength(1);
    expect(delivered.lead?.providerLeadId).toBe(leads[0]!.id);
    expect(delivered.attempts).toBe(1);
    expect(delivered.possibleDuplicate).toBe(false);
  });

  test('a refusal (422) is FAILED at once with lastError, after one POST; retrySubmission delivers it', async () => {
    const message = uniqueText('refused');
    stack.keyspot.faults.failNext({ route: KEYSPOT_CREATE, status: 422, count: 1, body: { message: 'invalid lead' } });

    const accepted = (await submit(stack, keyspotInput(message))).data!.submitLead.submission;
    const failed = await waitForSubmission(stack, accepted.id, (s) => s.status === 'FAILED');
    expect(failed.lastError?.code).toBe('PROVIDER_REJECTED');
    expect(failed.attempts).toBe(1);
    expect(failed.nextAttemptAt).toBeNull();
    expect(postsWith(stack.keyspot, KEYSPOT_CREATE, message)).toBe(1);

    const retried = await stack.gql<{ retrySubmission: { replayed: boolean; submission: SubmissionResult } }>(RETRY_SUBMISSION, {
      id: accepted.id,
    });
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.retrySubmission.submission.status).toBe('QUEUED');
    const delivered = await waitForSubmission(stack, accepted.id, (s) => s.status === 'DELIVERED');
    expect(delivered).toMatchObject({ attempts: 2, possibleDuplicate: false });
    expect(postsWith(stack.keyspot, KEYSPOT_CREATE, message)).toBe(2);
    expect(stack.keyspot.leads().filter((lead) => lead.message === message)).toHaveLength(1);
  });

  test('429 with Retry-After: retried no sooner than asked, never a possible duplicate', async () => {
    const message = uniqueText('rate limited');
    stack.keyspot.faults.failNext({ route: KEYSPOT_CREATE, status: 429, count: 1, headers: { 'retry-after': '120' } });
    const accepted = (await submit(stack, keyspotInput(message))).data!.submitLead.submission;
    const waiting = await waitForSubmission(stack, accepted.id, (s) => s.attempts === 1 && s.status === 'QUEUED', { advanceMs: 0 });
    expect(waiting.lastError?.code).toBe('PROVIDER_RATE_LIMITED');
    expect(Date.parse(waiting.nextAttemptAt!) - Date.parse(waiting.updatedAt)).toBeGreaterThanOrEqual(120_000);
    const delivered = await waitForSubmission(stack, accepted.id, (s) => s.status === 'DELIVERED', { advanceMs: 60_000 });
    expect(delivered).toMatchObject({ attempts: 2, possibleDuplicate: false });
    expect(stack.keyspot.leads().filter((lead) => lead.message === message)).toHaveLength(1);
  });

  test('Keyspot 401 after its one token refresh is a refusal: FAILED with PROVIDER_AUTH_FAILED, not retried', async () => {
    const message = uniqueText('unauthorized');
    stack.keyspot.faults.failNext({ route: KEYSPOT_CREATE, status: 401, count: 2, body: { message: 'Unauthorized' } });
    const accepted = (await submit(stack, keyspotInput(message))).data!.submitLead.submission;
    const failed = await waitForSubmission(stack, accepted.id, (s) => s.status === 'FAILED');
    expect(failed.lastError?.code).toBe('PROVIDER_AUTH_FAILED');
    expect(failed.attempts).toBe(1);
    // The first 401 made the client refresh its token and send once more: two POSTs, one attempt.
    expect(postsWith(stack.keyspot, KEYSPOT_CREATE, message)).toBe(2);
    expect(stack.keyspot.faults.pending).toBe(0);
  });

  test('still undelivered SUBMISSION_MAX_AGE_HOURS after acceptance: FAILED (SUBMISSION_EXPIRED), no more attempts', async () => {
    const message = uniqueText('expires');
    stack.keyspot.faults.failNext({ route: KEYSPOT_CREATE, status: 503, count: 1000 });
    const accepted = (await submit(stack, keyspotInput(message))).data!.submitLead.submission;
    const failed = await waitForSubmission(stack, accepted.id, (s) => s.status === 'FAILED', { advanceMs: 5 * 60_000 });
    expect(failed.lastError?.code).toBe('SUBMISSION_EXPIRED');
    expect(failed.attempts).toBeGreaterThanOrEqual(2);
    expect(Date.parse(failed.updatedAt) - Date.parse(failed.createdAt)).toBeGreaterThanOrEqual(60 * 60_000);
    expect(stack.keyspot.leads().filter((lead) => lead.message === message)).toHaveLength(0);
  });

  test('retrySubmission of a submission that is not FAILED is BAD_USER_INPUT naming its status; an unknown id too', async () => {
    const message = uniqueText('not failed');
    const accepted = (await submit(stack, keyspotInput(message))).data!.submitLead.submission;
    await waitForSubmission(stack, accepted.id, (s) => s.status === 'DELIVERED');

    const again = await stack.gql(RETRY_SUBMISSION, { id: accepted.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.message).toContain('DELIVERED');

    const unknown = await stack.gql(RETRY_SUBMISSION, { id: 'submission:00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a bad input is BAD_USER_INPUT, exactly as createLead says, and nothing is stored or sent', async () => {
    const before = await stack.gateway.store.submissions.list('default', {}, 1);
    const calls = stack.upstreamCalls();
    const bad = { provider: 'KEYSPOT', description: 'sem contato' };

    const submitted = await submit(stack, bad);
    const created = await stack.gql(`mutation ($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }`, { input: bad });
    expect(submitted.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(submitted.errors?.[0]?.extensions?.fields).toEqual(created.errors?.[0]?.extensions?.fields);
    expect(submitted.data).toBeNull();

    const after = await stack.gateway.store.submissions.list('default', {}, 1);
    expect(after.totalCount).toBe(before.totalCount);
    expect(stack.upstreamCalls()).toBe(calls);
  });

  test('the same idempotency key replays the first submission (replayed, Idempotent-Replayed); another input under it is IDEMPOTENCY_KEY_REUSED', async () => {
    const message = uniqueText('idempotent');
    const key = uniqueText('key').replace(/\s/g, '-');
    const first = await submit(stack, keyspotInput(message), key);
    const second = await submit(stack, keyspotInput(message), key);
    expect(first.data!.submitLead.replayed).toBe(false);
    expect(second.data!.submitLead.replayed).toBe(true);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.data!.submitLead.submission.id).toBe(first.data!.submitLead.submission.id);

    const reused = await submit(stack, keyspotInput(`${message} changed`), key);
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const header = await submit(stack, keyspotInput(message), undefined, { 'idempotency-key': key });
    expect(header.data!.submitLead).toMatchObject({ replayed: true, submission: { id: first.data!.submitLead.submission.id } });

    await waitForSubmission(stack, first.data!.submitLead.submission.id, (s) => s.status === 'DELIVERED');
    expect(postsWith(stack.keyspot, KEYSPOT_CREATE, message)).toBe(1);
  });

  test('10 concurrent submitLead calls under one key: one submission, one POST', async () => {
    const message = uniqueText('concurrent');
    const key = uniqueText('concurrent-key').replace(/\s/g, '-');
    const answers = await Promise.all(Array.from({ length: 10 }, () => submit(stack, keyspotInput(message), key)));
    const ids = new Set(answers.map((answer) => answer.data?.submitLead.submission.id));
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    expect(ids.size).toBe(1);
    expect(answers.filter((answer) => !answer.data!.submitLead.replayed)).toHaveLength(1);
    await waitForSubmission(stack, [...ids][0]!, (s) => s.status === 'DELIVERED');
    expect(postsWith(stack.keyspot, KEYSPOT_CREATE, message)).toBe(1);
  });

  test('node(id) answers a submission as LeadSubmission; submissions lists newest first with a filter', async () => {
    const message = uniqueText('node');
    stack.clock.advance(1_000);
    const accepted = (await submit(stack, keyspotInput(message))).data!.submitLead.submission;
    const node = await stack.gql<{ node: { __typename: string; id: string; status: string } | null }>(
      `query ($id: ID!) { node(id: $id) { __typename id ... on LeadSubmission { status } } }`,
      { id: accepted.id },
    );
    expect(node.errors).toBeUndefined();
    expect(node.data!.node).toMatchObject({ __typename: 'LeadSubmission', id: accepted.id });
    expect(await readSubmission(stack, 'submission:00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await readSubmission(stack, 'submission:not-a-uuid')).toBeNull();

    stack.clock.advance(1_000); // newest first is by acceptance time
    const second = (await submit(stack, tesselysInput(uniqueText('listed')))).data!.submitLead.submission;
    const listed = await stack.gql<{
      submissions: { totalCount: number; nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(`query { submissions(first: 1) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.submissions.nodes.map((n) => n.id)).toEqual([second.id]);
    expect(listed.data!.submissions.pageInfo.hasNextPage).toBe(true);
    const next = await stack.gql<{ submissions: { nodes: Array<{ id: string }> } }>(
      `query ($after: String) { submissions(first: 1, after: $after) { nodes { id } } }`,
      { after: listed.data!.submissions.pageInfo.endCursor },
    );
    expect(next.data!.submissions.nodes.map((n) => n.id)).toEqual([accepted.id]);
    const filtered = await stack.gql<{ submissions: { nodes: Array<{ provider: string }> } }>(
      `query { submissions(first: 100, filter: { provider: TESSELYS }) { nodes { provider } } }`,
    );
    expect(new Set(filtered.data!.submissions.nodes.map((n) => n.provider))).toEqual(new Set(['TESSELYS']));
  });

  test('/metrics reports submissions by status, the oldest queued age and the delivery latency', async () => {
    const message = uniqueText('metrics');
    const accepted = (await submit(stack, keyspotInput(message))).data!.submitLead.submission;
    await waitForSubmission(stack, accepted.id, (s) => s.status === 'DELIVERED');
    const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    const delivered = await stack.gateway.store.submissions.countByStatus();
    expect(text).toContain(`leadgraph_submissions{status="DELIVERED"} ${delivered.DELIVERED}`);
    expect(text).toMatch(/leadgraph_submission_oldest_queued_age_seconds \d/);
    expect(text).toMatch(/leadgraph_submission_delivery_seconds_count\{provider="KEYSPOT"\} [1-9]/);
  });
});
