/**
 * A caller's text can neither forge a log line nor drive the terminal: pretty (development) lines
 * print strings raw, so the logger escapes control characters in every string it logs there; JSON
 * lines are escaped by JSON itself. Every logged string is bounded, in both modes.
 */
import { once } from 'node:events';
import { Writable } from 'node:stream';
import type pino from 'pino';
import { createLogger } from '../../src/logging/logger';
import { MAX_LOGGED_STRING } from '../../src/errors/sanitize';
import { captureLogs } from '../support/log-capture';

const FORGED = 'login failed\n[12:00:00.000] INFO (leadgraph): forged line \u001b[31mred\u001b[0m\u2028\u009b2J';

function prettyCapture() {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString('utf8');
      callback();
      this.emit('written');
    },
  });
  const logger = createLogger({ pretty: true, destination: destination as unknown as pino.DestinationStream });
  return { logger, destination, text: () => text };
}

test('pretty lines: message, fields, child bindings, error message and stack are escaped; frames keep their lines', async () => {
  const { logger, destination, text } = prettyCapture();
  const error = new Error(FORGED);
  logger.child({ caller: FORGED }).error({ err: error, field: FORGED, [FORGED]: 'key' }, FORGED);
  // pino-pretty formats in a stream of its own: wait until the line (stack included) is written.
  while (!/\n\s+at /.test(text())) await once(destination, 'written');
  const output = text();
  for (const raw of ['\u001b', '\u009b', '\u2028']) expect(output).not.toContain(raw);
  expect(output).toContain('login failed\\n[12:00:00.000] INFO (leadgraph): forged line \\u001b[31m');
  // No line of the output starts with the forged prefix: it stayed inside the line it came in.
  expect(output.split('\n').filter((line) => line.startsWith('[12:00:00.000] INFO (leadgraph): forged'))).toEqual([]);
  // The stack still has one line per frame.
  expect(output.split('\n').filter((line) => /^\s+at /.test(line)).length).toBeGreaterThan(1);
});

test('JSON lines: one line per call whatever the text; C0 escaped by JSON, what JSON keeps raw escaped by the logger', () => {
  const { logger, lines, records } = captureLogs();
  logger.info({ field: FORGED }, FORGED);
  expect(lines).toHaveLength(1);
  for (const raw of ['\n', '\u001b', '\u009b', '\u2028']) expect(lines[0]).not.toContain(raw);
  const logged = FORGED.replace('\u2028', '\\u2028').replace('\u009b', '\\u009b');
  expect(records()[0]).toMatchObject({ field: logged, msg: logged });
});

test('every logged string is bounded, in the message and in fields', () => {
  const { logger, records } = captureLogs();
  const long = 'word '.repeat(50_000);
  logger.info({ field: long, nested: { deeper: [long] } }, long);
  const [line] = records() as Array<{ field: string; msg: string; nested: { deeper: string[] } }>;
  for (const value of [line!.field, line!.msg, line!.nested.deeper[0]!]) {
    expect(value.length).toBeLessThanOrEqual(MAX_LOGGED_STRING);
    expect(value.endsWith('…')).toBe(true);
  }
});
