/**
 * Waiting in a test for something the event loop, a simulator or another process will do.
 *
 * Contract: resolves as soon as `condition` holds, checked at every turn of the event loop (an async
 * condition, such as a /metrics read, is awaited before the next check). The deadline is wall-clock
 * time, not a count of turns: a count of turns is over in a fraction of a second on an idle machine,
 * before a 250 ms poll could have run, and is what made a test fail only when the machine was quiet.
 * It is a deadline, never a measurement: it only turns a wait that cannot end into a failure that
 * names what was awaited, below Jest's 20 s test timeout.
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}; it never happened`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
