/** LogBudget: at most N lines of a kind per window; what it dropped is reported on the next line written. */
import { LogBudget } from '../../src/logging/log-budget';

test('N lines per window per kind, then silence; the next window reports how many were dropped', () => {
  let now = 0;
  const budget = new LogBudget(3, 1_000, () => now);
  const first = Array.from({ length: 10 }, () => budget.take('rate limited'));
  expect(first.filter((turn) => turn.write)).toEqual([
    { write: true, suppressed: 0 },
    { write: true, suppressed: 0 },
    { write: true, suppressed: 0 },
  ]);
  expect(budget.take('unauthenticated')).toEqual({ write: true, suppressed: 0 });
  now = 999;
  expect(budget.take('rate limited')).toEqual({ write: false });
  now = 1_000;
  expect(budget.take('rate limited')).toEqual({ write: true, suppressed: 8 });
  expect(budget.take('rate limited')).toEqual({ write: true, suppressed: 0 });
});
