/** A pino logger whose lines land in memory, so tests can assert what was (and was not) logged. */
import { Writable } from 'node:stream';
import type pino from 'pino';
import type { Logger } from '../../src/logging/logger';
import { createLogger } from '../../src/logging/logger';

export interface CapturedLogs {
  logger: Logger;
  lines: string[];
  records(): Array<Record<string, unknown>>;
}

export function captureLogs(level = 'debug'): CapturedLogs {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = createLogger({ level, destination: destination as unknown as pino.DestinationStream });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
