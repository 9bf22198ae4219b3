/**
 * The structured logger every module receives (never the console): pino JSON, with two layers of
 * redaction so a forgotten field cannot leak into a log line: known secret and personal keys are
 * censored by path, and every string value (and the message) goes through the same redaction as
 * provider messages (tokens, URLs, e-mails, phones).
 */
import pino from 'pino';
import { redactSecrets } from '../errors/sanitize';

export type Logger = pino.Logger;

const REDACTED_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'headers["x-api-key"]',
  '*.headers["x-api-key"]',
  'headers["x-company-token"]',
  '*.headers["x-company-token"]',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'clientSecret',
  '*.clientSecret',
  'companyToken',
  '*.companyToken',
  'apiKey',
  '*.apiKey',
  'password',
  '*.password',
  'email',
  '*.email',
  'phone',
  '*.phone',
  '*.contact.email',
  '*.contact.phone',
  'variables',
  '*.variables',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture and inspect lines. */
  destination?: pino.DestinationStream;
  /** Human-readable lines (pino-pretty) for a developer's terminal; JSON otherwise. */
  pretty?: boolean;
}

/** How deep redaction walks a logged object; deeper values are logged as "[depth]". */
const MAX_DEPTH = 6;

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[depth]';
  if (value instanceof Error) {
    return { type: value.name, message: redactSecrets(value.message), stack: value.stack ? redactSecrets(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, depth + 1)]));
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const config: pino.LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: 'leadgraph' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { log: (object) => redactValue(object, 0) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  if (options.destination) return pino(config, options.destination);
  if (options.pretty)
    return pino({ ...config, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } });
  return pino(config, pino.destination(1));
}

/** A logger that drops everything, for tests that do not inspect logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
