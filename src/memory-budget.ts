/**
 * The gateway's memory budget: V8 settings applied before anything else loads (issue #7: peak RSS
 * under load at most 150 MB). Each was measured on its own; an operator who passes the same flag on
 * the command line keeps their value.
 *
 * - `--liftoff-only`: undici parses HTTP with llhttp compiled to WebAssembly. V8 first compiles it
 *   with its baseline compiler (Liftoff), then recompiles the hot parts with TurboFan on a worker
 *   thread, whose scratch memory took peak RSS from ~110 to ~144 MB during the first requests (the
 *   worker frees it right after, but the peak is what a container limit must hold). The baseline
 *   code parses as fast for us: bench (b)'s CPU per request did not change measurably (900–927 µs
 *   with the flag, 979–1,059 µs without, alternating runs).
 * - `--heap-growing-percent=50`: by default V8 lets the old generation grow to about twice what
 *   survived the last full GC before collecting again; under a list load that meant ~270 MB of RSS
 *   for ~45 MB of live objects. At 1.5x the next full GC comes sooner (measured ~165 MB, same load).
 *   It is pacing, not a ceiling: a larger live set still fits.
 *
 * The young generation is sized before any code runs, so its budget is a start-up flag instead
 * (`--max-semi-space-size=8` in package.json's start script and the Dockerfile).
 */
import { setFlagsFromString } from 'node:v8';

export const V8_MEMORY_FLAGS = ['--liftoff-only', '--heap-growing-percent=50'];

for (const flag of V8_MEMORY_FLAGS) {
  const name = flag.split('=')[0]!.replace(/_/g, '-');
  const given = process.execArgv.some((arg) => arg.replace(/_/g, '-').split('=')[0] === name);
  if (!given) setFlagsFromString(flag);
}
