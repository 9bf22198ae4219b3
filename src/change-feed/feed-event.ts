/**
 * A change-feed event inside the gateway: the public LeadEvent plus the tenant it belongs to
 * (subscribers only ever receive their own tenant's). Events cross processes as JSON through Redis;
 * decodeFeedEvent() turns that JSON back into an event, dates included, and refuses anything that
 * is not one (a message it cannot read is dropped, never delivered half-read).
 */
import type { Lead } from '../leads/types/lead.type';
import type { LeadSubmission } from '../submissions/lead-submission.type';
import { LeadEventType } from './graphql/lead-event-type.enum';

export interface FeedEvent {
  tenant: string;
  type: LeadEventType;
  at: Date;
  lead: Lead | null;
  submission: LeadSubmission | null;
}

const TYPES = new Set<string>(Object.values(LeadEventType));

export function encodeFeedEvent(event: FeedEvent, origin: string): string {
  return JSON.stringify({ origin, event });
}

/** The event and the process that published it, or undefined when the text is not one. */
export function decodeFeedEvent(text: string): { origin: string; event: FeedEvent } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { origin, event } = (parsed ?? {}) as { origin?: unknown; event?: Record<string, unknown> };
  if (typeof origin !== 'string' || !event || typeof event !== 'object') return undefined;
  if (typeof event.tenant !== 'string' || typeof event.type !== 'string' || !TYPES.has(event.type)) return undefined;
  const at = dateOf(event.at);
  if (!at) return undefined;
  return {
    origin,
    event: {
      tenant: event.tenant,
      type: event.type as LeadEventType,
      at,
      lead: leadOf(event.lead),
      submission: submissionOf(event.submission),
    },
  };
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function leadOf(value: unknown): Lead | null {
  if (!value || typeof value !== 'object') return null;
  const lead = value as Lead;
  return { ...lead, createdAt: dateOf(lead.createdAt) ?? new Date(0), updatedAt: dateOf(lead.updatedAt) ?? new Date(0) };
}

function submissionOf(value: unknown): LeadSubmission | null {
  if (!value || typeof value !== 'object') return null;
  const submission = value as LeadSubmission;
  return {
    ...submission,
    nextAttemptAt: dateOf(submission.nextAttemptAt) ?? null,
    lead: leadOf(submission.lead),
    createdAt: dateOf(submission.createdAt) ?? new Date(0),
    updatedAt: dateOf(submission.updatedAt) ?? new Date(0),
    deliveredAt: dateOf(submission.deliveredAt) ?? null,
  };
}
