/**
 * Jest global setup: names one folder for this run's compiled gateway. Tests that start real
 * gateway processes (test/ops/gateway-process.ts) compile src/ into it once, on first use, and
 * share it: the sources cannot change during a run, and five separate `tsc` runs cost minutes of
 * the suite. Workers inherit the variable; global teardown removes the folder.
 */
import { join } from 'node:path';

export default function globalSetup(): void {
  process.env.LEADGRAPH_TEST_BUILD_DIR ??= join(__dirname, '..', '..', 'dist', 'process-tests', `run-${process.pid}-${Date.now()}`);
}
