/**
 * The patterns that strip secrets and personal data from text, with no length bound (callers bound
 * the text first: see sanitize.ts). Contract: every rule runs in time linear in the text's length,
 * whatever the text, because the text is often the caller's. A rule whose match may fail after
 * scanning a run of characters (`[\w-]*token`, `[\p{L}._%+-]+@`) has a second alternative that
 * consumes that run whole, so the scan never restarts inside it; each such rewrite matches exactly
 * what the plain pattern matched (a later start inside the same run fails whenever the first does,
 * since it ends where the first ends). Measurements: docs/decisions/linear-redaction.md.
 */
import { redactKnownSecrets } from './known-secrets';

type Replacement = string | ((match: string, ...groups: string[]) => string);
type Redaction = [RegExp, Replacement];

/** For a rule `(wanted)|run`: replaces the wanted match, keeps a consumed run as it was. */
const onlyGroup =
  (replacement: string) =>
  (match: string, wanted: string | undefined): string =>
    wanted === undefined ? match : replacement;

/** A URL scheme at a word boundary; the alternative after `|` consumes a scheme-like run that is not one. */
const SCHEME = String.raw`\b[a-z][a-z0-9+.-]*`;
/** Any URL: a provider's message has no business showing clients its hosts or paths. */
const ANY_URL: Redaction = [new RegExp(String.raw`(${SCHEME}:\/\/\S+)|${SCHEME}`, 'gi'), onlyGroup('[url]')];
/** Only URLs carrying credentials (`scheme://user:pass@host`): our own logs may name hosts. */
const URL_WITH_CREDENTIALS: Redaction = [
  new RegExp(String.raw`(${SCHEME}:\/\/)[^\s/@]+@|${SCHEME}`, 'gi'),
  (match: string, scheme: string | undefined) => (scheme === undefined ? match : `${scheme}[redacted]@`),
];

/** A word naming a credential: `token`, `x-company-token`, `clientSecret`, `api_key`, `password`... */
const CREDENTIAL_WORD = String.raw`\b([\w-]*(?:api[_-]?key|token|secret|password|passwd))`;
/**
 * What a credential rule consumes when it fails at a word: the rest of the `[\w-]` run. Every
 * credential rule continues with a character outside `[\w-]`, so a credential word always ends
 * where the run ends, and a later start in the run cannot succeed where the first failed.
 */
const REST_OF_WORD = String.raw`\b\w[\w-]*`;
/** The characters a bare credential value runs over. */
const VALUE = String.raw`[^\s,;"'&]+`;
/**
 * A value that looks like a secret rather than an English word: it has a digit, `_ + / =`, or a
 * lower-case letter followed by a capital. "token expired" stays; "token tsl_demo_x" does not.
 * Case-sensitive on purpose (never combine it with the `i` flag).
 */
const SECRET_LIKE = /[0-9_+/=]|[a-z][A-Z]/;

/** `(word)(space)(value)` after a credential word: redacted when the value looks like a secret. */
const redactIfSecretLike = (match: string, word: string | undefined, space: string, value: string): string =>
  word !== undefined && SECRET_LIKE.test(value) ? `${word}${space}[redacted]` : match;

const credentialRule = (rest: string, replacement: Replacement): Redaction => [
  new RegExp(String.raw`${CREDENTIAL_WORD}${rest}|${REST_OF_WORD}`, 'gi'),
  replacement,
];

/** E-mail characters, in any alphabet (joão@exemplo.com.br). */
const LOCAL = String.raw`[\p{L}\p{M}\p{N}._%+-]`;
const DOMAIN = String.raw`[\p{L}\p{M}\p{N}-]`;

// Order matters: each rule must see its match whole, before a later, narrower rule cuts into it.
const COMMON: Redaction[] = [
  [/\bBearer\s+\S+/gi, 'Bearer [redacted]'],
  // HTTP Basic credentials (base64 of user:password); "Basic auth" is a phrase, not a credential.
  [/\b(Basic|basic|BASIC)(\s+)(\S+)/g, redactIfSecretLike],
  // A JWT (three base64url parts); `eyJ-eyJ-...` runs that are not one are consumed whole.
  [/(\beyJ[\w-]+\.[\w-]+\.[\w-]*)|\beyJ[\w-]*/g, onlyGroup('[token]')],
  // A credential named in the text ("api_key=...", "password: ...") whatever its alphabet.
  credentialRule(String.raw`(["']?\s*[:=]\s*["']?)${VALUE}`, (match, word, separator) =>
    word === undefined ? match : `${word}${separator}[redacted]`,
  ),
  // ... or after a few words and a colon: "client_secret is wrong: s3cr3t-value".
  credentialRule(String.raw`((?:\s+[A-Za-z]+){1,3}\s*[:=]\s*["']?)${VALUE}`, (match, word, words) =>
    word === undefined ? match : `${word}${words}[redacted]`,
  ),
  // ... or quoted right after it: `access token "tsl_demo_access_token"`, `apiKey 'abcdEFGH1234'`.
  credentialRule(String.raw`(\s+)(["'])[^"'\n]+\3`, (match, word, space, quote) =>
    word === undefined ? match : `${word}${space}${quote}[redacted]${quote}`,
  ),
  // ... or bare right after it, when it looks like a secret: "x-company-token tsl_demo_company_token".
  credentialRule(String.raw`(\s+)(${VALUE})`, redactIfSecretLike),
  // E-mails, also URL-encoded (maria%40ex.com); a run of e-mail characters that holds none is consumed whole.
  [new RegExp(String.raw`(${LOCAL}+(?:@|%40)${DOMAIN}+(?:\.${DOMAIN}+)+)|${LOCAL}+`, 'gu'), onlyGroup('[email]')],
  // Long opaque strings (keys, secrets) of 32+ token characters between word boundaries; before
  // phones, whose rule would otherwise replace a digit run inside a key and leave the rest readable.
  // The whole `[\w-]` run is matched once; its leading and trailing dashes are outside the boundaries.
  [
    /[A-Za-z0-9_-]{32,}/g,
    (run: string) => {
      let start = 0;
      let end = run.length;
      while (run[start] === '-') start++;
      while (end > start && run[end - 1] === '-') end--;
      return end - start >= 32 ? `${run.slice(0, start)}[redacted]${run.slice(end)}` : run;
    },
  ],
  // Phone-like runs: 8+ digits, optionally with +, spaces, dots, dashes or parentheses between them,
  // standing on their own: a digit run glued to letters is part of an identifier (a provider's lead
  // id like "clmw…00001569wx…"), not a phone. ISO dates and IPv4 addresses look alike and are kept.
  [
    /(?<![A-Za-z0-9_])\+?\(?\d[\d\s().-]{6,}\d(?![A-Za-z0-9_])/g,
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

/** Every rule but the blanket URL one (a URL without credentials is useful in a log). Unbounded: bound the text first. */
export function redactForLogs(text: string): string {
  return apply(text, FOR_LOGS);
}

/** Every rule, URLs included. Unbounded: bound the text first. */
export function redactForClients(text: string): string {
  return apply(text, FOR_CLIENTS);
}
