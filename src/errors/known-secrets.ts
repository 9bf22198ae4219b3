/**
 * Pattern rules cannot recognise every secret: a provider may echo a short, plain credential
 * (`tsl_demo_company_token`, `s3cr3t-value`) with nothing around it that says "secret". The
 * gateway knows its own credentials, though, so it registers them once at start-up and the
 * redaction replaces them literally wherever they appear, in client messages and in logs.
 */

/** Shorter values would replace ordinary words and numbers all over the logs. */
export const MIN_SECRET_LENGTH = 6;

/** Environment variables whose values are credentials (API_KEYS is read separately: it is JSON). */
const SECRET_VARIABLES = ['KEYSPOT_CLIENT_SECRET', 'KEYSPOT_API_TOKEN', 'TESSELYS_ACCESS_TOKEN', 'TESSELYS_COMPANY_TOKEN'];

const secrets = new Set<string>();
/** Rebuilt only when the set changes; undefined while nothing is registered. */
let pattern: RegExp | undefined;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Adds credentials to the process-wide list; blanks and values shorter than MIN_SECRET_LENGTH are ignored. */
export function registerSecrets(values: Iterable<string | undefined | null>): void {
  let added = false;
  for (const raw of values) {
    const value = raw?.trim();
    if (!value || value.length < MIN_SECRET_LENGTH) continue;
    // A secret may also travel URL-encoded (query strings, form bodies).
    for (const form of new Set([value, encodeURIComponent(value)])) {
      if (secrets.has(form)) continue;
      secrets.add(form);
      added = true;
    }
  }
  if (!added) return;
  // Longest first, so a secret that contains another is replaced whole.
  const alternatives = [...secrets].sort((a, b) => b.length - a.length).map(escape);
  pattern = new RegExp(alternatives.join('|'), 'g');
}

/** Every credential the environment gives the gateway: provider credentials and plain API keys. */
export function secretsInEnv(env: NodeJS.ProcessEnv): string[] {
  const values = SECRET_VARIABLES.map((name) => env[name] ?? '');
  try {
    const entries: unknown = JSON.parse(env.API_KEYS?.trim() || '[]');
    if (Array.isArray(entries))
      for (const entry of entries) {
        const key = (entry as Record<string, unknown> | null)?.key;
        if (typeof key === 'string') values.push(key);
      }
  } catch {
    // Invalid API_KEYS is reported by the configuration itself, without quoting it.
  }
  return values;
}

/** Replaces every registered secret in `text`. */
export function redactKnownSecrets(text: string, replacement = '[redacted]'): string {
  if (!pattern) return text;
  pattern.lastIndex = 0;
  return text.replace(pattern, replacement);
}

/** True when `text` holds a registered secret (a cheap pre-check for the logger). */
export function holdsKnownSecret(text: string): boolean {
  if (!pattern) return false;
  pattern.lastIndex = 0;
  return pattern.test(text);
}
