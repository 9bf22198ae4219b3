/**
 * The change feed of one gateway process (DESIGN.md Part 2, "Change feed"): what learns of a
 * change announces it here, and every subscriber of the change's tenant whose filter matches
 * receives it, on this process and (through a shared bus) on every replica.
 *
 * Contract:
 * - leadChanged() and submissionChanged() announce at once (mutations, deliveries); leadSeen() is
 *   a poll's finding and is announced only if that version of the lead (id, updatedAt) was not
 *   announced lately, from any source on any replica whose events reached this one: one event per
 *   change. A creation is announced once whichever source saw it first. A submission reaching
 *   DELIVERED also announces its lead as CREATED.
 * - A subscriber receives only its tenant's events; its filter picks provider and types.
 * - The first subscriber of a tenant on this process starts polling for it (`watcher`), the last
 *   one to leave stops it.
 * - Nothing here throws at an announcer: a mutation never fails because of the feed.
 */
import type { Logger } from '../logging/logger';
import type { Lead } from '../leads/types/lead.type';
import type { LeadProvider } from '../leads/enums/lead-provider.enum';
import type { LeadChanges } from '../leads/service/lead.service';
import type { LeadSubmission } from '../submissions/lead-submission.type';
import { SubmissionStatus } from '../submissions/submission-status.enum';
import { AnnouncedChanges } from './announced-changes';
import { EventStream } from './event-stream';
import type { FeedEvent } from './feed-event';
import { LeadEventType } from './graphql/lead-event-type.enum';
import type { LeadEventBus } from './lead-event-bus';

/** Where the feed tells whoever polls which tenants have subscribers on this process. */
export interface TenantWatcher {
  watch(tenant: string): void;
  unwatch(tenant: string): void;
}

/** What the transport lends a subscription: whether its socket is congested, and how to drop it. */
export interface FeedConnection {
  congested(): boolean;
  drop(): void;
}

export interface FeedFilter {
  provider?: LeadProvider | null;
  types?: readonly LeadEventType[] | null;
}

export interface ChangeFeedDeps {
  bus: LeadEventBus;
  logger: Logger;
  maxQueuedEvents: number;
  now?: () => number;
  watcher?: TenantWatcher;
}

interface Subscriber {
  filter: FeedFilter;
  stream: EventStream;
}

export class ChangeFeed implements LeadChanges {
  private readonly announced = new AnnouncedChanges();
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly unsubscribe: () => void;
  private readonly now: () => number;
  private open = 0;
  private watcher: TenantWatcher | undefined;

  constructor(private readonly deps: ChangeFeedDeps) {
    this.now = deps.now ?? Date.now;
    this.watcher = deps.watcher;
    this.unsubscribe = deps.bus.subscribe((event) => this.received(event));
  }

  /** Subscriptions open on this process. */
  get openSubscriptions(): number {
    return this.open;
  }

  /** Sets who polls for watched tenants (made after the feed, which it announces into). */
  setWatcher(watcher: TenantWatcher): void {
    this.watcher = watcher;
    for (const tenant of this.subscribers.keys()) watcher.watch(tenant);
  }

  /**
   * A lead created or changed through this gateway: announced at once. A lead is created once, so
   * a creation whose version a poll announced first (its listing answered before the create did)
   * is not announced again; an update always is (two updates are two changes, even when the
   * provider stamps them with the same updatedAt).
   */
  leadChanged(tenant: string, type: 'CREATED' | 'UPDATED', lead: Lead): void {
    if (type === 'CREATED' && this.announced.has(tenant, lead.id, lead.updatedAt)) return;
    this.announce({ tenant, type: LeadEventType[type], at: new Date(this.now()), lead, submission: null });
  }

  /** A poll found this lead new or changed: announced unless this version already was. True when announced. */
  leadSeen(tenant: string, type: 'CREATED' | 'UPDATED', lead: Lead): boolean {
    if (this.announced.has(tenant, lead.id, lead.updatedAt)) return false;
    this.announce({ tenant, type: LeadEventType[type], at: new Date(this.now()), lead, submission: null });
    return true;
  }

  /** A submission's status changed; DELIVERED also announces its lead as CREATED. */
  submissionChanged(tenant: string, submission: LeadSubmission): void {
    this.announce({ tenant, type: LeadEventType.SUBMISSION_CHANGED, at: new Date(this.now()), lead: null, submission });
    if (submission.status === SubmissionStatus.DELIVERED && submission.lead) this.leadChanged(tenant, 'CREATED', submission.lead);
  }

  /** A subscriber's stream of its tenant's events that pass `filter`; ends when the subscriber leaves. */
  subscribe(tenant: string, filter: FeedFilter, connection?: FeedConnection): EventStream {
    let tenantSubscribers = this.subscribers.get(tenant);
    const first = !tenantSubscribers;
    if (!tenantSubscribers) this.subscribers.set(tenant, (tenantSubscribers = new Set()));
    const subscriber: Subscriber = {
      filter,
      stream: new EventStream({
        maxQueued: this.deps.maxQueuedEvents,
        ...(connection ? { congested: () => connection.congested() } : {}),
        overflow: () => connection?.drop(),
        ended: () => this.leave(tenant, subscriber),
      }),
    };
    tenantSubscribers.add(subscriber);
    this.open++;
    if (first) this.watcher?.watch(tenant);
    return subscriber.stream;
  }

  close(): void {
    this.unsubscribe();
    for (const set of [...this.subscribers.values()]) for (const subscriber of [...set]) void subscriber.stream.return();
  }

  /**
   * Remembered at once (so a poll running now will not announce it again), published on the next
   * turn of the event loop: the mutation that caused it answers first instead of waiting for the
   * fan-out to every subscriber (setImmediate keeps the order of announcements).
   */
  private announce(event: FeedEvent): void {
    if (event.lead) this.announced.remember(event.tenant, event.lead.id, event.lead.updatedAt);
    setImmediate(() => {
      try {
        this.deps.bus.publish(event);
      } catch (error) {
        this.deps.logger.error({ err: error, eventType: event.type }, 'change feed: event not announced');
      }
    });
  }

  private received(event: FeedEvent): void {
    if (event.lead) this.announced.remember(event.tenant, event.lead.id, event.lead.updatedAt);
    const tenantSubscribers = this.subscribers.get(event.tenant);
    if (!tenantSubscribers) return;
    for (const subscriber of tenantSubscribers) if (matches(subscriber.filter, event)) subscriber.stream.push(event);
  }

  private leave(tenant: string, subscriber: Subscriber): void {
    const tenantSubscribers = this.subscribers.get(tenant);
    if (!tenantSubscribers?.delete(subscriber)) return;
    this.open--;
    if (tenantSubscribers.size > 0) return;
    this.subscribers.delete(tenant);
    this.watcher?.unwatch(tenant);
  }
}

function matches(filter: FeedFilter, event: FeedEvent): boolean {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(event.type)) return false;
  if (filter.provider) {
    const provider = event.lead?.provider ?? event.submission?.provider;
    if (provider !== filter.provider) return false;
  }
  return true;
}
