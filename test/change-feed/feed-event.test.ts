/**
 * What crosses Redis between replicas: an event survives the trip with its dates as dates, and a
 * message that is not an event (another writer on the channel, a cut-off message) is refused whole.
 */
import { decodeFeedEvent, encodeFeedEvent, type FeedEvent } from '../../src/change-feed/feed-event';
import { LeadEventType } from '../../src/change-feed/graphql/lead-event-type.enum';
import type { Lead } from '../../src/leads/types/lead.type';
import type { LeadSubmission } from '../../src/submissions/lead-submission.type';

const lead = {
  id: 'keyspot:abc',
  provider: 'KEYSPOT',
  providerLeadId: 'abc',
  createdAt: new Date('2026-11-21T12:00:00.000Z'),
  updatedAt: new Date('2026-11-21T12:05:00.000Z'),
  raw: { id: 'abc' },
} as unknown as Lead;
const submission = {
  id: 'submission:1',
  provider: 'KEYSPOT',
  status: 'DELIVERED',
  attempts: 1,
  possibleDuplicate: false,
  lastError: null,
  nextAttemptAt: null,
  lead,
  createdAt: new Date('2026-11-21T11:59:00.000Z'),
  updatedAt: new Date('2026-11-21T12:00:01.000Z'),
  deliveredAt: new Date('2026-11-21T12:00:01.000Z'),
} as unknown as LeadSubmission;

test('an event survives the trip, dates included, with the publishing process named', () => {
  const event: FeedEvent = {
    tenant: 'acme',
    type: LeadEventType.SUBMISSION_CHANGED,
    at: new Date('2026-11-21T12:00:02.000Z'),
    lead: null,
    submission,
  };
  expect(decodeFeedEvent(encodeFeedEvent(event, 'replica-1'))).toEqual({ origin: 'replica-1', event });
});

test('anything else is refused whole', () => {
  const good = JSON.parse(
    encodeFeedEvent({ tenant: 'acme', type: LeadEventType.CREATED, at: new Date(), lead, submission: null }, 'r'),
  ) as {
    origin: string;
    event: Record<string, unknown>;
  };
  for (const text of [
    'not json',
    'null',
    JSON.stringify({ event: good.event }),
    JSON.stringify({ ...good, event: { ...good.event, tenant: 7 } }),
    JSON.stringify({ ...good, event: { ...good.event, type: 'DELETED' } }),
    JSON.stringify({ ...good, event: { ...good.event, at: 'yesterday' } }),
  ])
    expect(decodeFeedEvent(text)).toBeUndefined();
});
