/**
 * Identical reads in flight at the same time share one provider call (one per provider
 * connection). It sits above the resilience policy, so the breaker, the bulkhead, metrics and the
 * per-operation upstream count all see the one real call, never its joiners.
 *
 * Contracts:
 * - A caller joins only a call with the same key (method, URL and the credentials sent).
 * - A caller whose signal fires leaves at once (CallerGoneError); the shared call goes on for
 *   the others, and is aborted (its socket dropped) when the last caller has left.
 * - `invalidate()` (called when a write to the provider completes) retires every call in flight:
 *   those already waiting keep it, every later read starts afresh, so a read that starts after a
 *   write was acknowledged never sees an answer that began before it.
 * - The shared call is bounded by its starter's deadline, the earliest of its callers'.
 * - Joiners receive the same value: it is a parsed provider payload that callers only read.
 */
import { CallerGoneError } from '../resilience/upstream-fault';
import { FlightTable } from './flight-table';

interface Flight {
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
  callers: number;
}

export class SingleFlight {
  private readonly flights = new FlightTable<Flight>();

  /** Callers that joined a call already in flight instead of starting one. */
  get joined(): number {
    return this.flights.joined;
  }

  /** Calls in flight that a new caller could still join. */
  get size(): number {
    return this.flights.size;
  }

  run<T>(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(new CallerGoneError());
    let flight = this.flights.get(key);
    if (flight) {
      this.flights.countJoin();
    } else {
      const controller = new AbortController();
      flight = this.flights.add(key, { promise: start(controller.signal), controller, callers: 0 });
    }
    return this.follow(key, flight, signal) as Promise<T>;
  }

  invalidate(): void {
    this.flights.invalidate();
  }

  private follow(key: string, flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
    flight.callers++;
    if (!signal) return flight.promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(new CallerGoneError());
        if (--flight.callers > 0) return;
        // Nobody waits for it any more: stop it, and let no later caller join a call being torn down.
        this.flights.retire(key, flight);
        flight.controller.abort(new CallerGoneError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}
