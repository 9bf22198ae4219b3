/**
 * Finds leads created or changed on listing providers by anyone else (DESIGN.md Part 2, "Change
 * feed"): neither provider offers webhooks, so while a tenant has subscribers on this process its
 * providers that list from their own API (Tesselys; Keyspot is read from the gateway's own record,
 * whose every change already passes through the gateway) are polled every `pollIntervalMs`.
 *
 * Contract:
 * - One poll per tenant × provider per interval on this process, however many subscribers (a poll
 *   still running is not started again). With a shared bus (Redis), replicas take a lease in the
 *   store (`leases`) and only its holder polls: one poll per tenant × provider for all replicas.
 *   Without one, each replica polls for its own subscribers (no other replica would tell them).
 * - A poll reads the `pollMaxLeads` newest leads by createdAt (Tesselys sorts by nothing that
 *   tracks updates), in windows of at most 100 (one provider page each). A lead absent from the
 *   previous poll is CREATED, one whose updatedAt moved is UPDATED; the change feed drops versions
 *   already announced (a mutation through the gateway, another poll). A change to a lead older than
 *   the scanned window is never seen by polling.
 * - The first poll of a tenant × provider (or the first after the lease came back from another
 *   replica) only records what is there: it announces nothing.
 * - A failed poll is logged and tried again at the next interval.
 */
import { randomUUID } from 'node:crypto';
import { LeadOrderField, OrderDirection } from '../leads/enums/lead-order.enums';
import type { LeadProvider } from '../leads/enums/lead-provider.enum';
import { ProviderCapability } from '../leads/enums/provider-capability.enum';
import type { Lead } from '../leads/types/lead.type';
import type { Logger } from '../logging/logger';
import type { ProviderConnection } from '../providers/provider-adapter';
import type { ProviderDirectory } from '../providers/provider-directory';
import type { PollLeaseRepository } from '../store';
import type { ChangeFeed, TenantWatcher } from './change-feed';

/** A provider page: the most one window asks for. */
const MAX_WINDOW = 100;
/** A lease outlives its holder's silence by this many intervals. */
const LEASE_INTERVALS = 3;

/** Where the poller reports its polls (metrics). */
export interface PollObserver {
  poll(provider: string, outcome: 'success' | 'failure'): void;
}

export interface LeadPollerDeps {
  directory: ProviderDirectory;
  feed: ChangeFeed;
  /** Present when replicas share events: then only the lease holder polls. */
  leases?: PollLeaseRepository;
  pollIntervalMs: number;
  pollMaxLeads: number;
  logger: Logger;
  observer?: PollObserver;
}

interface PollTarget {
  /** The previous poll's leads: id → updatedAt (ms); undefined until a baseline is taken. */
  known: Map<string, number> | undefined;
  running: Promise<void> | undefined;
  holdsLease: boolean;
}

export class LeadPoller implements TenantWatcher {
  readonly holder = `poller-${randomUUID()}`;
  private readonly watched = new Map<string, Map<LeadProvider, PollTarget>>();
  private readonly logger: Logger;
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: LeadPollerDeps) {
    this.logger = deps.logger.child({ component: 'lead-poller' });
  }

  watch(tenant: string): void {
    if (this.stopping.signal.aborted || this.watched.has(tenant)) return;
    this.watched.set(tenant, new Map());
    this.tick(tenant);
    this.timer ??= setInterval(() => {
      for (const watchedTenant of this.watched.keys()) this.tick(watchedTenant);
    }, this.deps.pollIntervalMs);
    this.timer.unref();
  }

  unwatch(tenant: string): void {
    const targets = this.watched.get(tenant);
    if (!targets) return;
    this.watched.delete(tenant);
    if (this.watched.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    // Freed at once, so a replica whose subscribers remain takes over at its next tick.
    for (const [provider, target] of targets) if (target.holdsLease) void this.release(tenant, provider, target);
  }

  async close(): Promise<void> {
    this.stopping.abort(new Error('gateway shutting down'));
    if (this.timer) clearInterval(this.timer);
    const targets = [...this.watched].flatMap(([tenant, perProvider]) =>
      [...perProvider].map(([provider, t]) => ({ tenant, provider, t })),
    );
    this.watched.clear();
    await Promise.all(targets.map(({ t }) => t.running));
    await Promise.all(targets.filter(({ t }) => t.holdsLease).map(({ tenant, provider, t }) => this.release(tenant, provider, t)));
  }

  private tick(tenant: string): void {
    const targets = this.watched.get(tenant);
    if (!targets) return;
    for (const connection of this.listingConnections(tenant)) {
      let target = targets.get(connection.provider);
      if (!target) targets.set(connection.provider, (target = { known: undefined, running: undefined, holdsLease: false }));
      if (target.running) continue;
      const current = target;
      current.running = this.poll(tenant, connection, current).finally(() => (current.running = undefined));
    }
  }

  private listingConnections(tenant: string): ProviderConnection[] {
    return this.deps.directory
      .connections(tenant)
      .filter((connection) => connection.readsFrom === 'provider' && connection.capabilities.includes(ProviderCapability.LIST_LEADS));
  }

  private async poll(tenant: string, connection: ProviderConnection, target: PollTarget): Promise<void> {
    const { provider } = connection;
    try {
      if (this.deps.leases) {
        const held = await this.deps.leases.acquire(tenant, provider, this.holder, this.deps.pollIntervalMs * LEASE_INTERVALS);
        // Another replica polls: what this one knew goes stale, so it starts from a new baseline when the lease returns.
        if (!held) target.known = undefined;
        target.holdsLease = held;
        if (!held) return;
        if (this.watched.get(tenant)?.get(provider) !== target) return void (await this.release(tenant, provider, target));
      }
      const leads = await this.scan(connection, tenant);
      this.deps.observer?.poll(provider, 'success');
      if (this.watched.get(tenant)?.get(provider) !== target) return;
      if (target.known) this.announce(tenant, leads, target.known);
      target.known = new Map(leads.map((lead) => [lead.id, lead.updatedAt.getTime()]));
    } catch (error) {
      if (this.stopping.signal.aborted) return;
      this.deps.observer?.poll(provider, 'failure');
      this.logger.warn({ err: error, tenant, provider }, 'change feed: poll failed; trying again at the next interval');
    }
  }

  private announce(tenant: string, leads: readonly Lead[], known: ReadonlyMap<string, number>): void {
    // Oldest first, so subscribers receive new leads in the order they were created.
    for (const lead of [...leads].reverse()) {
      const before = known.get(lead.id);
      if (before === undefined) this.deps.feed.leadSeen(tenant, 'CREATED', lead);
      else if (before !== lead.updatedAt.getTime()) this.deps.feed.leadSeen(tenant, 'UPDATED', lead);
    }
  }

  /** The newest `pollMaxLeads` leads, newest first. */
  private async scan(connection: ProviderConnection, tenant: string): Promise<Lead[]> {
    const adapter = connection.forRequest({
      logger: this.logger.child({ tenant, provider: connection.provider }),
      countUpstreamCall: () => undefined,
      signal: this.stopping.signal,
    });
    const query = { orderBy: LeadOrderField.CREATED_AT, direction: OrderDirection.DESC };
    const leads: Lead[] = [];
    while (leads.length < this.deps.pollMaxLeads) {
      const limit = Math.min(MAX_WINDOW, this.deps.pollMaxLeads - leads.length);
      const page = await adapter.listLeads!(query, { offset: leads.length, limit });
      leads.push(...page.leads);
      if (page.leads.length < limit || leads.length >= page.total) break;
    }
    return leads;
  }

  private async release(tenant: string, provider: LeadProvider, target: PollTarget): Promise<void> {
    target.holdsLease = false;
    await this.deps.leases
      ?.release(tenant, provider, this.holder)
      .catch((error: unknown) => this.logger.warn({ err: error, tenant, provider }, 'change feed: poll lease not released; it expires'));
  }
}
