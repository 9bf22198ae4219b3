/**
 * Log lines reach stdout in the order they were logged, even when the process exits right after
 * (a start-up failure logs its problems and exits 1): with an asynchronous stdout the lines still
 * queued at exit were written before the one in flight (seen as two start-up problems printed in
 * reverse order, about one run in three, when stdout was a pipe read by a busy process).
 */
import pino from 'pino';
import { createLogger } from '../../src/logging/logger';
import { runTsChild } from '../store/support/ts-child';

test('the production logger writes stdout synchronously (what keeps the order at exit)', () => {
  const stream = (createLogger() as unknown as Record<symbol, { sync?: boolean }>)[pino.symbols.streamSym];
  expect(stream?.sync).toBe(true);
});

test('200 lines logged just before process.exit arrive complete and in order', async () => {
  const child = runTsChild('../../ops/children/log-burst.ts', [], {});
  expect(await child.exited).toBe(1);
  const lines = child.lines.map((line) => (JSON.parse(line) as { line: number }).line);
  expect(lines).toEqual(Array.from({ length: 200 }, (_, index) => index));
});
