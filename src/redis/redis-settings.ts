/**
 * The Redis variables (DESIGN.md Part 2, "The store": `REDIS_URL`, optional): where the Redis that
 * replicas share lives, and the prefix of every key and channel LeadGraph uses there, so several
 * deployments (or test runs) can share one Redis without meeting. Like every variable, a bad value
 * is one line naming it, never its value: REDIS_URL may hold a password.
 */
export interface RedisSettings {
  /** redis:// or rediss:// URL, password included (a registered secret: never logged). */
  url: string;
  /** Prefix of every key and channel, e.g. `leadgraph:`. */
  keyPrefix: string;
  /** host:port/db, for logs and /readyz: never the user or password. */
  location: string;
}

export const DEFAULT_REDIS_KEY_PREFIX = 'leadgraph:';
const KEY_PREFIX = /^[A-Za-z0-9:_.-]{1,64}$/;

export function readRedisSettings(env: NodeJS.ProcessEnv): { settings?: RedisSettings; problems: string[] } {
  const problems: string[] = [];
  const url = env.REDIS_URL?.trim() || undefined;
  const keyPrefix = env.REDIS_KEY_PREFIX?.trim() || DEFAULT_REDIS_KEY_PREFIX;
  if (!KEY_PREFIX.test(keyPrefix)) problems.push('REDIS_KEY_PREFIX must be 1 to 64 of A-Z, a-z, 0-9 and : _ . -');
  if (url === undefined) return { problems };
  const location = redisLocation(url);
  if (location === undefined) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL with a host (leave it unset to run without Redis)');
    return { problems };
  }
  return { settings: { url, keyPrefix, location }, problems };
}

/** host:port/db of a Redis URL, or undefined when it is not one. */
export function redisLocation(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if ((parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || !parsed.hostname) return undefined;
    return `${parsed.hostname}:${parsed.port || 6379}${parsed.pathname.length > 1 ? parsed.pathname : '/0'}`;
  } catch {
    return undefined;
  }
}

/** The URL and its password, for the redaction registry (registered before anything is logged). */
export function redisSecretsInEnv(env: NodeJS.ProcessEnv): string[] {
  const url = env.REDIS_URL?.trim();
  if (!url) return [];
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? [url, password] : [url];
  } catch {
    return [url];
  }
}
