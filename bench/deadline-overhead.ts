/**
 * The per-attempt deadline on its own, side by side in one process: cockatiel's TimeoutPolicy as
 * LeadGraph used it (aggressive, under a call budget's signal, with a budget controller and timer
 * per call) against `withDeadline` under a CallBudget clock (src/providers/resilience/). Each call
 * wraps an attempt that answers at once, 20 at a time, so only the deadline machinery is measured.
 *
 *   npx tsc -p tsconfig.bench.json && node dist/bench/deadline-overhead.js
 */
import { timeout, TimeoutStrategy } from 'cockatiel';
import { withDeadline } from '../src/providers/resilience/attempt-deadline';
import { CallBudget } from '../src/providers/resilience/call-budget';

const TIMEOUT_MS = 10_000;
const BUDGET_MS = 20_000;
const answer = async (signal: AbortSignal) => signal.aborted;

const cockatielDeadline = timeout(TIMEOUT_MS, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
const variants: Record<string, () => Promise<unknown>> = {
  'cockatiel TimeoutPolicy': async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), BUDGET_MS);
    try {
      return await cockatielDeadline.execute(({ signal }) => answer(signal), controller.signal);
    } finally {
      clearTimeout(timer);
    }
  },
  withDeadline: async () => {
    const budget = new CallBudget(BUDGET_MS);
    return withDeadline(Math.min(TIMEOUT_MS, budget.remainingMs()), answer);
  },
};

async function microsPerCall(call: () => Promise<unknown>, calls: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let done = 0; done < calls; done += 20) await Promise.all(Array.from({ length: 20 }, call));
  return Number(process.hrtime.bigint() - started) / 1e3 / calls;
}

async function main(): Promise<void> {
  const names = Object.keys(variants);
  for (const name of names) await microsPerCall(variants[name]!, 20_000);
  const runs: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < 5; round++) for (const name of names) runs[name]!.push(await microsPerCall(variants[name]!, 50_000));
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[2]!;
  for (const name of names) process.stdout.write(`${name.padEnd(24)} ${median(runs[name]!).toFixed(2)} µs per call (median of 5)\n`);
  const [before, after] = names.map((name) => median(runs[name]!));
  process.stdout.write(`ratio withDeadline / cockatiel: ${(after! / before!).toFixed(2)}\n`);
}

void main();
