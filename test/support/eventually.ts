/**
 * Waits for a condition the system reaches on its own (a reconnection, an announcement, a worker's
 * delivery), looking again every 20 ms; fails naming it after `deadlineMs`. The deadline is a
 * safety net for a broken build, not an assertion about speed. It is wall-clock time, never a count
 * of looks: a count is over sooner on an idle machine, before a 250 ms poll could have run.
 */
import { setTimeout as delay } from 'node:timers/promises';

export async function eventually(what: string, check: () => Promise<boolean> | boolean, deadlineMs = 15_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await delay(20);
  }
}
