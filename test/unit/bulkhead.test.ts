/** The bulkhead on Jest's fake clock: bounded slots and queue, and a waiter that leaves frees its place. */
import { Bulkhead, BulkheadFullError } from '../../src/providers/resilience/bulkhead';
import { CallerGoneError, UpstreamTimeoutError } from '../../src/providers/resilience/upstream-fault';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('grants up to capacity at once, queues up to the limit, refuses beyond', async () => {
  const b = new Bulkhead(1, 1);
  const first = await b.acquire(1000);
  const queued = b.acquire(1000);
  await expect(b.acquire(1000)).rejects.toBeInstanceOf(BulkheadFullError);
  expect(b.queued).toBe(1);
  first();
  const second = await queued;
  expect(b.inFlight).toBe(1);
  second();
  second();
  expect(b.inFlight).toBe(0);
});

test('a waiter whose time runs out leaves the queue (not sent), and the next waiter still gets the slot', async () => {
  const b = new Bulkhead(1, 2);
  const first = await b.acquire(1000);
  const short = b.acquire(100);
  const long = b.acquire(5000);
  jest.advanceTimersByTime(100);
  await expect(short).rejects.toMatchObject({ constructor: UpstreamTimeoutError, delivery: 'not-sent' });
  first();
  const granted = await long;
  expect(b.inFlight).toBe(1);
  granted();
});

test('a waiter whose caller went away leaves the queue at once', async () => {
  const b = new Bulkhead(1, 1);
  const first = await b.acquire(1000);
  const caller = new AbortController();
  const waiting = b.acquire(1000, caller.signal);
  caller.abort();
  await expect(waiting).rejects.toBeInstanceOf(CallerGoneError);
  expect(b.queued).toBe(0);
  first();
  expect(b.inFlight).toBe(0);
});
