/**
 * What a simulator has been asked, so tests can assert exactly how many upstream calls the
 * gateway made (per route, per lead id) and what it sent (bodies and headers of the last calls).
 */
import type { RouteKey } from './fault-injector';

export interface RecordedRequest {
  route: RouteKey;
  method: string;
  /** Path with query string, as received. */
  url: string;
  /** Header names lower-cased, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or undefined when there was none or it was not JSON. */
  body: unknown;
  /** The `:id` path parameter when the route has one. */
  leadId?: string;
}

/** How many recorded requests are kept for `last()` / `history`. */
const HISTORY_LIMIT = 200;

export class RequestCounters {
  private readonly perRoute = new Map<RouteKey, number>();
  private readonly perLeadId = new Map<string, number>();
  private recorded: RecordedRequest[] = [];

  record(request: RecordedRequest): void {
    this.perRoute.set(request.route, (this.perRoute.get(request.route) ?? 0) + 1);
    if (request.leadId !== undefined) this.perLeadId.set(request.leadId, (this.perLeadId.get(request.leadId) ?? 0) + 1);
    this.recorded.push(request);
    if (this.recorded.length > HISTORY_LIMIT) this.recorded.shift();
  }

  /** Requests received for one route, or for all routes when none is named. */
  count(route?: RouteKey): number {
    if (route === undefined) return [...this.perRoute.values()].reduce((a, b) => a + b, 0);
    return this.perRoute.get(route) ?? 0;
  }

  /** Requests whose `:id` path parameter was this lead id (GET and PUT alike). */
  countForLead(leadId: string): number {
    return this.perLeadId.get(leadId) ?? 0;
  }

  /** A snapshot of counts per route. */
  byRoute(): Record<RouteKey, number> {
    return Object.fromEntries(this.perRoute);
  }

  /** The most recent request, for one route or any. */
  last(route?: RouteKey): RecordedRequest | undefined {
    for (let i = this.recorded.length - 1; i >= 0; i--) {
      const request = this.recorded[i]!;
      if (route === undefined || request.route === route) return request;
    }
    return undefined;
  }

  /** The last requests (oldest first, at most 200), optionally for one route. */
  history(route?: RouteKey): RecordedRequest[] {
    return route === undefined ? [...this.recorded] : this.recorded.filter((r) => r.route === route);
  }

  reset(): void {
    this.perRoute.clear();
    this.perLeadId.clear();
    this.recorded = [];
  }
}
