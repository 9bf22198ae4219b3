/**
 * The table both sharing layers keep of what is in flight, by key, for later identical requests to
 * join: SingleFlight (single-flight.ts, provider calls) and SharedExecutions
 * (graphql/shared-executions.ts, whole query executions). Each decides who may join and what a
 * joiner gets; this holds the one rule they share, which is easy to get wrong twice.
 *
 * Contract:
 * - `add(key, flight)` files the flight and retires it when its promise settles.
 * - `retire(key, flight)` removes it only while it is still the flight filed under `key`: after
 *   `invalidate()` a newer flight of the same key is never retired by an older one settling.
 * - `invalidate()` retires every flight: callers already joined keep theirs, later ones start afresh.
 * - `joined` counts what the owner reports through `countJoin()`.
 */
export class FlightTable<Flight extends { readonly promise: Promise<unknown> }> {
  private readonly flights = new Map<string, Flight>();
  private joinedCount = 0;

  /** Joins reported so far (countJoin). */
  get joined(): number {
    return this.joinedCount;
  }

  /** Flights a new caller could still join. */
  get size(): number {
    return this.flights.size;
  }

  get(key: string): Flight | undefined {
    return this.flights.get(key);
  }

  /** Files `flight` under `key` (in place of any earlier one) until its promise settles; returns it. */
  add(key: string, flight: Flight): Flight {
    this.flights.set(key, flight);
    const retire = () => this.retire(key, flight);
    flight.promise.then(retire, retire);
    return flight;
  }

  retire(key: string, flight: Flight): void {
    if (this.flights.get(key) === flight) this.flights.delete(key);
  }

  countJoin(): void {
    this.joinedCount++;
  }

  invalidate(): void {
    this.flights.clear();
  }
}
