/**
 * The structured logger every module receives (never the console): pino JSON, with two layers of
 * redaction so a forgotten field cannot leak into a log line: known secret and personal keys are
 * censored at any depth, and every string value (and the message) goes through the same redaction
 * as provider messages (tokens, URLs with credentials, e-mails, phones). One walk does both: pino's
 * own path-based redaction cost more than the rest of the log line (measured with bench:profile).
 */
import pino from 'pino';
import { redactSecrets } from '../errors/sanitize';

export type Logger = pino.Logger;

/** Keys whose values are never logged, at any depth (compared lower-cased). */
const SENSITIVE_KEYS = new Set([
  'authorization',
  'x-api-key',
  'x-company-token',
  'cookie',
  'set-cookie',
  'token',
  'accesstoken',
  'access_token',
  'clientsecret',
  'client_secret',
  'companytoken',
  'apikey',
  'api_key',
  'key',
  'password',
  'secret',
  'email',
  'phone',
  'variables',
]);

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture and inspect lines. */
  destination?: pino.DestinationStream;
  /** Human-readable lines (pino-pretty) for a developer's terminal; JSON otherwise. */
  pretty?: boolean;
}

/** How deep redaction walks a logged object; deeper values are logged as "[depth]". */
const MAX_DEPTH = 6;

/** Characters every redaction pattern needs; a string without any is left as it is, cheaply. */
const MIGHT_HOLD_SECRETS = /[@:=/]|bearer|eyJ|\d[\d\s().-]{6,}\d|[A-Za-z0-9_-]{32}/i;

function redactString(text: string): string {
  return MIGHT_HOLD_SECRETS.test(text) ? redactSecrets(text) : text;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[depth]';
  if (value instanceof Error) {
    return { type: value.name, message: redactSecrets(value.message), stack: value.stack ? redactSecrets(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const clean: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    clean[key] = SENSITIVE_KEYS.has(key.toLowerCase()) ? '[redacted]' : redactValue(item, depth + 1);
  return clean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const config: pino.LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: 'leadgraph' },
    formatters: { log: (object) => redactValue(object, 0) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactString(arg) : arg)) as Parameters<typeof method>);
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
