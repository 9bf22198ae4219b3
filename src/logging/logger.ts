/**
 * The structured logger every module receives (never the console): pino JSON, with two layers of
 * redaction so a forgotten field cannot leak into a log line: secret and personal keys (matched by
 * pattern) are censored at any depth, child bindings included, and every string value (and the
 * message) goes through the same redaction as provider messages (the gateway's registered
 * credentials, tokens, URLs with credentials, e-mails, phones). One walk does both: pino's
 * own path-based redaction cost more than the rest of the log line (measured with bench:profile).
 */
import pino from 'pino';
import { escapeControlCharacters, escapeWhatJsonKeepsRaw, truncateText } from '../errors/bounded-text';
import { holdsKnownSecret } from '../errors/known-secrets';
import { MAX_LOGGED_STRING, redactSecrets } from '../errors/sanitize';

export type Logger = pino.Logger;

/**
 * Keys whose values are never logged, at any depth, matched by pattern so variants are caught too
 * (`x-access-token`, `refreshToken`, `apiKeyValue`, `userEmail`). `apiKeys` alone is exempt: the
 * start-up line lists the key *names* under it (the keys themselves are registered secrets).
 */
const SENSITIVE_KEY = /token|secret|passw(or)?d|authorization|^auth$|credential|api[-_]?key(?!s$)|^key$|cookie|e-?mail|phone|^variables$/i;

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture and inspect lines. */
  destination?: pino.DestinationStream;
  /**
   * Human-readable lines (pino-pretty) for a developer's terminal; JSON otherwise. Pretty lines
   * print strings as they are, so every logged string then has its control characters escaped
   * (a caller's newline or ANSI escape can neither forge a line nor recolour the terminal).
   * JSON lines escape C0 controls themselves; the logger escapes what JSON leaves raw (DEL, C1,
   * U+2028/U+2029).
   */
  pretty?: boolean;
}

/** How deep redaction walks a logged object; deeper values are logged as "[depth]". */
const MAX_DEPTH = 6;

/**
 * Cheap pre-check (fixed-width alternatives, so linear): a string matching none of these holds
 * nothing any redaction rule would change, and is left as it is.
 */
const MIGHT_HOLD_SECRETS = /[@:=/]|%40|bearer|basic|token|secret|passw|api[-_]?key|eyJ|\d[\d\s().-]{6}|[A-Za-z0-9_-]{32}/i;

/** What every logged string goes through: bounded first, then redacted, then (pretty lines) escaped. */
interface StringCleaning {
  escape: boolean;
}

function redactString(text: string, { escape }: StringCleaning): string {
  const bounded = truncateText(text, MAX_LOGGED_STRING);
  const clean = MIGHT_HOLD_SECRETS.test(bounded) || holdsKnownSecret(bounded) ? redactSecrets(bounded) : bounded;
  return escape ? escapeControlCharacters(clean) : escapeWhatJsonKeepsRaw(clean);
}

/** A stack keeps its line per frame when escaped; any other line break (in the message) is escaped. */
function cleanStack(stack: string, cleaning: StringCleaning): string {
  const clean = redactSecrets(stack);
  if (!cleaning.escape) return clean;
  return clean
    .split(/\n(?=[ \t]+at )/)
    .map((line) => escapeControlCharacters(line))
    .join('\n');
}

/** An error as a plain object, keeping its class name (`TypeError`, `ProviderError`) and code. */
function serializeError(error: Error, cleaning: StringCleaning): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  // A subclass that never set `name` still says "Error": its constructor knows better.
  const type = error.name && error.name !== 'Error' ? error.name : error.constructor?.name || 'Error';
  return {
    type,
    message: redactString(error.message, cleaning),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(error.stack ? { stack: cleanStack(error.stack, cleaning) } : {}),
  };
}

/**
 * A request id as the gateway generates it (a UUID). Kept readable: its 36 token characters would
 * otherwise pass for an opaque secret, and a log line whose request id is "[redacted]" cannot be
 * matched to the error a client quotes. A caller's own id (any other shape) is redacted like any
 * string, and so is anything holding a registered credential.
 */
const GENERATED_REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isGeneratedRequestId(key: string, value: unknown): boolean {
  return key === 'requestId' && typeof value === 'string' && GENERATED_REQUEST_ID.test(value) && !holdsKnownSecret(value);
}

function redactValue(value: unknown, depth: number, cleaning: StringCleaning): unknown {
  if (typeof value === 'string') return redactString(value, cleaning);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[depth]';
  if (value instanceof Error) return serializeError(value, cleaning);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, cleaning));
  const clean: Record<string, unknown> = {};
  for (const [rawKey, item] of Object.entries(value)) {
    const key = cleaning.escape ? escapeControlCharacters(rawKey) : rawKey;
    if (SENSITIVE_KEY.test(key)) clean[key] = '[redacted]';
    else clean[key] = isGeneratedRequestId(key, item) ? item : redactValue(item, depth + 1, cleaning);
  }
  return clean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const cleaning: StringCleaning = { escape: options.pretty === true };
  const config: pino.LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: 'leadgraph' },
    formatters: { log: (object) => redactValue(object, 0, cleaning) as Record<string, unknown> },
    // The formatter above already made errors plain objects; pino's default `err` serializer
    // would take them for errors again and relabel them "Object".
    serializers: { err: (value: unknown) => value },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactString(arg, cleaning) : arg)) as Parameters<typeof method>);
      },
    },
  };
  if (options.pretty) {
    const pretty = { translateTime: 'SYS:HH:MM:ss.l' };
    // A given destination (tests) gets the very lines a terminal would, uncoloured.
    if (options.destination)
      return redactingChildren(pino(config, prettyStream({ ...pretty, colorize: false, destination: options.destination })), cleaning);
    return redactingChildren(pino({ ...config, transport: { target: 'pino-pretty', options: { ...pretty, colorize: true } } }), cleaning);
  }
  if (options.destination) return redactingChildren(pino(config, options.destination), cleaning);
  // Synchronous writes: an asynchronous stdout wrote the lines still queued at process.exit before
  // the one in flight (a start-up failure's lines came out in another order), and loses what is
  // queued when the process is killed.
  return redactingChildren(pino(config, pino.destination({ dest: 1, sync: true })), cleaning);
}

/** pino-pretty is a development dependency: loaded only when pretty lines are asked for. */
function prettyStream(options: Record<string, unknown>): pino.DestinationStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = require('pino-pretty') as (options: Record<string, unknown>) => pino.DestinationStream;
  return build(options);
}

/**
 * child({...}) bindings are serialised once, when the child is made, and pino's formatters do not
 * see them (`formatters.bindings` only covers the root): redact them on the way in. Children are
 * prototype copies of their parent, so every descendant inherits this `child`.
 */
function redactingChildren(logger: Logger, cleaning: StringCleaning): Logger {
  const child = logger.child;
  logger.child = function (this: Logger, bindings, options) {
    return child.call(this, redactValue(bindings, 0, cleaning) as pino.Bindings, options);
  } as typeof logger.child;
  return logger;
}

/** A logger that drops everything, for tests that do not inspect logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
