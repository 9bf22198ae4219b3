/**
 * Identical queries in flight share one execution: the same caller (tenant, key and scopes), the
 * same document and variables. A hot inbox page asked by many clients at once then costs one
 * provider read, one mapping and one result tree, instead of one per request; each request is
 * still admitted, checked (scopes, cost, limits), logged and serialised on its own.
 * It is SingleFlight (providers/http/single-flight.ts) one level up: there, identical provider
 * calls share one answer and every request still maps and executes it.
 *
 * Contracts:
 * - A request joins only an execution with the same key (the caller builds it; see `shareKey`).
 * - A joiner gets the shared result, errors and partial data included: it would have shared the
 *   same provider calls anyway (SingleFlight), and running again after a failure would make it wait
 *   for a second deadline. One exception: when the first request's client went away (its `signal`
 *   fired), its provider calls were cancelled for it alone, so a joiner runs the query itself, as
 *   it does when the shared run threw.
 * - `invalidate()` retires every execution in flight: the gateway calls it when a write completes
 *   (a mutation, a delivered submission), so a query that starts after a write was acknowledged
 *   never joins one that began before it. Writes on another replica are not seen here, as with
 *   SingleFlight; replicas agree through the providers and the store, not through this.
 * - Joiners receive the same result object: it is only read (Apollo copies it, then formats and
 *   serialises it per request).
 */
import type { ExecutionResult } from 'graphql';
import { FlightTable } from '../providers/http/flight-table';

interface Execution {
  readonly promise: Promise<ExecutionResult>;
  /** The first request's client-gone signal. */
  readonly signal: AbortSignal | undefined;
}

export class SharedExecutions {
  private readonly flights = new FlightTable<Execution>();

  /** Requests that took a shared result instead of executing. */
  get joined(): number {
    return this.flights.joined;
  }

  /** Executions in flight that a new request could join. */
  get size(): number {
    return this.flights.size;
  }

  /** Joins the execution in flight under `key`, or starts one; `signal` fires when this request's client goes away. */
  async run(key: string, signal: AbortSignal | undefined, execute: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const inFlight = this.flights.get(key);
    if (inFlight) {
      const shared = await inFlight.promise.catch(() => undefined);
      if (!shared || (shared.errors?.length && inFlight.signal?.aborted)) return execute();
      this.flights.countJoin();
      return shared;
    }
    return this.flights.add(key, { promise: execute(), signal }).promise;
  }

  invalidate(): void {
    this.flights.invalidate();
  }
}

/** A per-document number for share keys: documents are Apollo's cached objects, one per query text. */
const documentIds = new WeakMap<object, number>();
let nextDocumentId = 1;

/**
 * The key identical requests share an execution by, or undefined when this one must run alone.
 * `caller` names whose data it is (tenant, key name, scopes); the variables as the client sent them.
 * Never throws: variables it cannot serialise make the request run alone.
 */
export function shareKey(
  caller: { tenant: string; name: string; scopes: ReadonlySet<string> } | undefined,
  document: object,
  operationName: string | null,
  variables: Record<string, unknown> | undefined,
): string | undefined {
  if (!caller) return undefined;
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
  const scopes = [...caller.scopes].sort().join(',');
  try {
    return JSON.stringify([caller.tenant, caller.name, scopes, id, operationName ?? '', variables ?? {}]);
  } catch {
    // Variables nested deeper than JSON.stringify recurses (a 100 KB body holds 50,000 levels, in a
    // variable the operation need not even declare): such a request runs alone, as it would unshared.
    return undefined;
  }
}
