/**
 * Fault knobs shared by every provider simulator. Tests arm a fault ("the next 2 POSTs answer 503
 * with Retry-After: 1") and the simulator consumes it on the matching request, so a test can
 * describe exactly which upstream call misbehaves without timing tricks.
 *
 * Faults are consumed first-armed, first-served among those whose `route` matches the request
 * (no `route` matches every route). Latency applies to every request until changed.
 */

/** A route key as the simulators name them: `"<METHOD> <express path>"`, e.g. `"GET /external/v1/leads/:id"`. */
export type RouteKey = string;

export type MalformKind =
  /** Headers promise more bytes than arrive, then the socket is destroyed mid-body. */
  | 'truncated'
  /** A complete 200 response whose body is not JSON. */
  | 'invalid-json'
  /** A complete 200 response with `text/html` and an HTML body. */
  | 'wrong-content-type'
  /** A complete 200 JSON response with an empty object (required fields missing). */
  | 'empty-object';

export const MALFORM_KINDS: readonly MalformKind[] = ['truncated', 'invalid-json', 'wrong-content-type', 'empty-object'];

export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'trickle'; intervalMs: number }
  | { kind: 'malformed'; malform: MalformKind };

interface ArmedFault {
  fault: Fault;
  route?: RouteKey;
  remaining: number;
}

export interface FaultTarget {
  /** Only requests to this route consume the fault; every route when absent. */
  route?: RouteKey;
  /** How many matching requests consume it (default 1). */
  count?: number;
}

export class FaultInjector {
  private armed: ArmedFault[] = [];
  private latencyMs = 0;
  private abandonedCount = 0;

  /** Adds this much delay before every response (0 removes it). */
  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a non-negative number of ms, got ${ms}`);
    this.latencyMs = ms;
  }

  get latency(): number {
    return this.latencyMs;
  }

  /** The next `count` matching requests answer `status` with `body` (JSON) and `headers`. */
  failNext(options: FaultTarget & { status: number; body?: unknown; headers?: Record<string, string> }): void {
    const { status, body, headers } = options;
    // Checked when armed: an invalid status would otherwise only blow up later, inside a request.
    if (!Number.isInteger(status) || status < 100 || status > 599)
      throw new RangeError(`status must be an HTTP status (100-599), got ${status}`);
    this.arm({ kind: 'status', status, body, headers }, options);
  }

  /**
   * The next `count` matching requests get this canned answer instead of the provider's own (status
   * 200 unless given): for answers that are well-formed HTTP but untrustworthy content, e.g. another
   * lead than the one asked for, or a page larger than asked.
   */
  answerNext(options: FaultTarget & { body: unknown; status?: number; headers?: Record<string, string> }): void {
    this.failNext({ ...options, status: options.status ?? 200 });
  }

  /** The next `count` matching requests are read and never answered (until the simulator closes). */
  hangNext(options: FaultTarget = {}): void {
    this.arm({ kind: 'hang' }, options);
  }

  /**
   * The next `count` matching requests get a 200 with JSON headers, then one body byte every
   * `intervalMs` (default 20), never ending: a body that trickles until the client drops it.
   */
  trickleNext(options: FaultTarget & { intervalMs?: number } = {}): void {
    const intervalMs = options.intervalMs ?? 20;
    if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError(`intervalMs must be a positive number, got ${intervalMs}`);
    this.arm({ kind: 'trickle', intervalMs }, options);
  }

  /** Connections closed by the client while a hang or trickle fault held them (the client gave up). */
  get abandoned(): number {
    return this.abandonedCount;
  }

  /** Called by the harness when a client drops a connection a hang or trickle fault held. */
  noteAbandoned(): void {
    this.abandonedCount++;
  }

  /** The next `count` matching requests get a broken body of the given kind. */
  malformNext(options: FaultTarget & { kind: MalformKind }): void {
    // An unknown kind would leave the request unanswered, silently turning it into a hang.
    if (!MALFORM_KINDS.includes(options.kind))
      throw new RangeError(`malform kind must be one of ${MALFORM_KINDS.join(', ')}, got ${String(options.kind)}`);
    this.arm({ kind: 'malformed', malform: options.kind }, options);
  }

  /** Faults still waiting to be consumed (for assertions that all were used). */
  get pending(): number {
    return this.armed.reduce((sum, armed) => sum + armed.remaining, 0);
  }

  /** Removes every armed fault and the latency, and zeroes `abandoned`. */
  reset(): void {
    this.armed = [];
    this.latencyMs = 0;
    this.abandonedCount = 0;
  }

  /** Called by the harness for each request: the fault it must act out, if any. */
  take(route: RouteKey): Fault | undefined {
    const index = this.armed.findIndex((armed) => armed.route === undefined || armed.route === route);
    if (index < 0) return undefined;
    const armed = this.armed[index]!;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.armed.splice(index, 1);
    return armed.fault;
  }

  private arm(fault: Fault, { route, count = 1 }: FaultTarget): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
    this.armed.push({ fault, route, remaining: count });
  }
}
