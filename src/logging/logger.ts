/**
 * The structured logger every module receives (never the console): pino, with redaction of
 * credentials and personal data, so a forgotten field cannot leak into a log line.
 */
import pino from 'pino';

export type Logger = pino.Logger;

const REDACTED_PATHS = [
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization', 'req.headers.authorization',
  'req.headers["x-api-key"]', 'req.headers["x-company-token"]', '*.headers["x-company-token"]',
  'token', '*.token', 'accessToken', '*.accessToken', 'clientSecret', '*.clientSecret', 'companyToken', '*.companyToken',
  'email', '*.email', 'phone', '*.phone', '*.contact.email', '*.contact.phone',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture and inspect lines. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    { level: options.level ?? 'info', redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'leadgraph' } },
    options.destination ?? pino.destination(1),
  );
}

/** A logger that drops everything, for tests that do not inspect logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
