/** Jest global teardown: removes the run's shared gateway build (see jest-global-setup.ts). */
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = process.env.LEADGRAPH_TEST_BUILD_DIR;
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.lock`, { recursive: true, force: true });
  }
}
