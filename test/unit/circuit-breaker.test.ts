/** The circuit breaker's states on an injected clock: fail fast while open and while a probe is out. */
import { CircuitBreaker, type CircuitStateName } from '../../src/providers/resilience/circuit-breaker';

function breaker(threshold = 2) {
  let now = 0;
  const changes: CircuitStateName[] = [];
  const b = new CircuitBreaker({ threshold, cooldownMs: 1000, now: () => now, onStateChange: (s) => changes.push(s) });
  return { b, changes, advance: (ms: number) => void (now += ms) };
}

test('opens after `threshold` consecutive failures; a success in between resets the count', () => {
  const { b, changes } = breaker(2);
  b.admit()!.failure();
  b.admit()!.success();
  b.admit()!.failure();
  expect(b.state).toBe('closed');
  b.admit()!.failure();
  expect(b.state).toBe('open');
  expect(b.admit()).toBeUndefined();
  expect(changes).toEqual(['open']);
});

test('after the cooldown one probe is admitted and every other call is refused until it ends', () => {
  const { b, advance, changes } = breaker(1);
  b.admit()!.failure();
  advance(999);
  expect(b.refusesNow()).toBe(true);
  advance(1);
  expect(b.refusesNow()).toBe(false);
  const probe = b.admit()!;
  expect(b.state).toBe('half-open');
  expect(b.refusesNow()).toBe(true);
  expect(b.admit()).toBeUndefined();
  probe.success();
  expect(b.state).toBe('closed');
  expect(changes).toEqual(['open', 'half-open', 'closed']);
});

test('a failed probe opens the circuit for a new cooldown', () => {
  const { b, advance } = breaker(1);
  b.admit()!.failure();
  advance(1000);
  b.admit()!.failure();
  expect(b.state).toBe('open');
  advance(999);
  expect(b.admit()).toBeUndefined();
});

test('a released probe (nothing learnt) lets the next call probe', () => {
  const { b, advance } = breaker(1);
  b.admit()!.failure();
  advance(1000);
  b.admit()!.release();
  expect(b.state).toBe('half-open');
  expect(b.admit()).toBeDefined();
});

test('an outcome of a call admitted in an earlier state changes nothing', () => {
  const { b, advance } = breaker(1);
  const old = b.admit()!;
  b.admit()!.failure();
  expect(b.state).toBe('open');
  old.success();
  expect(b.state).toBe('open');
  advance(1000);
  const probe = b.admit()!;
  old.failure();
  expect(b.state).toBe('half-open');
  probe.success();
  expect(b.state).toBe('closed');
});

test('a permit reports once', () => {
  const { b } = breaker(2);
  const permit = b.admit()!;
  permit.failure();
  permit.failure();
  expect(b.consecutiveFailures).toBe(1);
});
