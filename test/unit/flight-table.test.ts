/** FlightTable's rule, shared by SingleFlight and SharedExecutions: a flight leaves the table when it settles, but never takes a newer one of its key with it. */
import { FlightTable } from '../../src/providers/http/flight-table';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

test('a settled flight is retired; after invalidate(), an older flight settling leaves the newer one of its key in place', async () => {
  const table = new FlightTable<{ promise: Promise<void> }>();
  const older = deferred();
  const newer = deferred();
  const first = table.add('k', { promise: older.promise });
  expect(table.get('k')).toBe(first);

  table.invalidate();
  expect(table.get('k')).toBeUndefined();
  const second = table.add('k', { promise: newer.promise });
  older.resolve();
  await older.promise;
  await Promise.resolve();
  expect(table.get('k')).toBe(second);

  table.retire('k', first); // not the flight filed under k: nothing happens
  expect(table.get('k')).toBe(second);
  newer.resolve();
  await newer.promise;
  await Promise.resolve();
  expect(table.size).toBe(0);
});

test('joined counts what the owner reports', () => {
  const table = new FlightTable<{ promise: Promise<void> }>();
  table.countJoin();
  table.countJoin();
  expect(table.joined).toBe(2);
});
