/**
 * Provider messages reach clients and logs, but providers echo whatever they like: URLs with
 * credentials, tokens, the e-mail or phone of the lead. This strips what must never leak and
 * bounds the length, keeping the useful part ("email must be an email").
 */

import { redactKnownSecrets } from './known-secrets';

const MAX_MESSAGE_LENGTH = 300;

type Redaction = [RegExp, string | ((match: string, ...groups: string[]) => string)];

/** Any URL: a provider's message has no business showing clients its hosts or paths. */
const ANY_URL: Redaction = [/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]'];
/** Only URLs carrying credentials (`scheme://user:pass@host`): our own logs may name hosts. */
const URL_WITH_CREDENTIALS: Redaction = [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1[redacted]@'];

/** A word naming a credential: `token`, `x-company-token`, `clientSecret`, `api_key`, `password`... */
const CREDENTIAL_WORD = String.raw`\b([\w-]*(?:api[_-]?key|token|secret|password|passwd))`;
/** The characters a bare credential value runs over. */
const VALUE = String.raw`[^\s,;"'&]+`;
/**
 * A value that looks like a secret rather than an English word: it has a digit, `_ + / =`, or a
 * lower-case letter followed by a capital. "token expired" stays; "token tsl_demo_x" does not.
 * Case-sensitive on purpose (never combine it with the `i` flag).
 */
const SECRET_LIKE = /[0-9_+/=]|[a-z][A-Z]/;

const redactIfSecretLike = (match: string, word: string, space: string, value: string): string =>
  SECRET_LIKE.test(value) ? `${word}${space}[redacted]` : match;

// Order matters: each rule must see its match whole, before a later, narrower rule cuts into it.
const COMMON: Redaction[] = [
  [/\bBearer\s+\S+/gi, 'Bearer [redacted]'],
  // HTTP Basic credentials (base64 of user:password); "Basic auth" is a phrase, not a credential.
  [/\b(Basic|basic|BASIC)(\s+)(\S+)/g, redactIfSecretLike],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]'],
  // A credential named in the text ("api_key=...", "password: ...") whatever its alphabet.
  [new RegExp(String.raw`${CREDENTIAL_WORD}(["']?\s*[:=]\s*["']?)${VALUE}`, 'gi'), '$1$2[redacted]'],
  // ... or after a few words and a colon: "client_secret is wrong: s3cr3t-value".
  [new RegExp(String.raw`${CREDENTIAL_WORD}((?:\s+[A-Za-z]+){1,3}\s*[:=]\s*["']?)${VALUE}`, 'gi'), '$1$2[redacted]'],
  // ... or quoted right after it: `access token "tsl_demo_access_token"`, `apiKey 'abcdEFGH1234'`.
  [new RegExp(String.raw`${CREDENTIAL_WORD}(\s+)(["'])[^"'\n]+\3`, 'gi'), '$1$2$3[redacted]$3'],
  // ... or bare right after it, when it looks like a secret: "x-company-token tsl_demo_company_token".
  [new RegExp(String.raw`${CREDENTIAL_WORD}(\s+)(${VALUE})`, 'gi'), redactIfSecretLike],
  // E-mails in any alphabet (joão@exemplo.com.br), also URL-encoded (maria%40ex.com).
  [/[\p{L}\p{M}\p{N}._%+-]+(?:@|%40)[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+/gu, '[email]'],
  // Long opaque strings (keys, secrets) of 32+ token characters; before phones, whose rule would
  // otherwise replace a digit run inside a key and leave the rest of it readable.
  [/\b[A-Za-z0-9_-]{32,}\b/g, '[redacted]'],
  // Phone-like runs: 8+ digits, optionally with +, spaces, dots, dashes or parentheses between them;
  // ISO dates and IPv4 addresses look alike and are kept.
  [
    /\+?\(?\d[\d\s().-]{6,}\d/g,
    (match: string) => (/^\d{4}-\d{2}-\d{2}/.test(match) || /^\d{1,3}(\.\d{1,3}){3}$/.test(match) ? match : '[phone]'),
  ],
];

const FOR_CLIENTS: Redaction[] = [ANY_URL, ...COMMON];
const FOR_LOGS: Redaction[] = [URL_WITH_CREDENTIALS, ...COMMON];

function apply(text: string, rules: Redaction[]): string {
  // The gateway's own credentials first, literally: no pattern has to recognise them.
  let clean = redactKnownSecrets(text);
  for (const [pattern, replacement] of rules) clean = clean.replace(pattern, replacement as string);
  return clean;
}

/**
 * Every redaction but the blanket URL one, no length bound: for text that reaches a log, where
 * a URL without credentials (where the gateway listens) is useful and harmless.
 */
export function redactSecrets(text: string): string {
  return apply(text, FOR_LOGS);
}

export function sanitizeMessage(message: string): string {
  const clean = apply(message, FOR_CLIENTS).replace(/\s+/g, ' ').trim();
  return clean.length > MAX_MESSAGE_LENGTH ? `${clean.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : clean;
}

/**
 * The human part of a provider's error body, whatever its shape: `message` as a string or list
 * (NestJS style), `error`, `errors[].message`, `detail`; sanitized. Undefined when none is found.
 */
export function providerMessageFrom(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() && !body.trimStart().startsWith('<') ? sanitizeMessage(body) : undefined;
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const candidates: unknown[] = [record.message, record.errors, record.detail, record.error];
  for (const candidate of candidates) {
    const text = textOf(candidate);
    if (text) return sanitizeMessage(text);
  }
  return undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value;
  if (Array.isArray(value)) {
    const parts = value
      .map((item) => (typeof item === 'string' ? item : textOf((item as Record<string, unknown> | null)?.message)))
      .filter(Boolean);
    return parts.length ? parts.join('; ') : undefined;
  }
  return undefined;
}
