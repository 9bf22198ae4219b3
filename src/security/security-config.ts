/**
 * The security half of the configuration: who may call (API_KEYS), from which browser origins,
 * how big and how complex an operation may be, and how often a caller may ask. Like the rest of
 * the configuration, each bad variable yields one line naming it and never its value.
 */
import { parseApiKeys, type ApiKeyEntry } from './api-keys';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Fields weighted by the `first`/`last` of the lists they sit in (operation-cost.ts). */
  maxCost: number;
}

export interface RateLimitSettings {
  /** Sustained requests per minute per caller; 0 turns rate limiting off. */
  perMinute: number;
  /** Requests a caller may make at once before the sustained rate applies. */
  burst: number;
}

export interface SecurityConfig {
  production: boolean;
  apiKeys: ApiKeyEntry[];
  /** Production with no API keys was explicitly allowed (ALLOW_ANONYMOUS=true). */
  allowAnonymous: boolean;
  corsOrigins: string[];
  introspection: boolean;
  bodyLimitBytes: number;
  rateLimit: RateLimitSettings;
  limits: OperationLimits;
}

export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 8, maxAliases: 15, maxDirectives: 20, maxTokens: 1000, maxCost: 5000 };
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { perMinute: 600, burst: 300 };
export const DEFAULT_BODY_LIMIT_BYTES = 100 * 1024;
/** Apollo Studio's hosted Sandbox, allowed as a browser origin in development. */
export const APOLLO_SANDBOX_ORIGIN = 'https://studio.apollographql.com';

const BOOLEAN_TEXT: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };

function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const text = env[name]?.trim().toLowerCase() ?? '';
  if (!text) return fallback;
  if (text in BOOLEAN_TEXT) return BOOLEAN_TEXT[text]!;
  problems.push(`${name} must be true or false`);
  return fallback;
}

function readWholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, problems: string[]): number {
  const text = env[name]?.trim() ?? '';
  if (!text) return fallback;
  const value = Number(text);
  if (/^\d+$/.test(text) && Number.isSafeInteger(value) && value >= min) return value;
  problems.push(`${name} must be a whole number of at least ${min}`);
  return fallback;
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** `102400`, `100kb` or `1mb` (the units body-parser understands). */
function readBytes(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const text = env[name]?.trim().toLowerCase() ?? '';
  if (!text) return fallback;
  const match = /^(\d+)\s*(b|kb|mb)?$/.exec(text);
  const bytes = match ? Number(match[1]) * BYTE_UNITS[match[2] ?? '']! : NaN;
  if (bytes >= 1024 && bytes <= 50 * 1024 * 1024) return bytes;
  problems.push(`${name} must be a size from 1kb to 50mb, e.g. 100kb`);
  return fallback;
}

function readOrigins(env: NodeJS.ProcessEnv, problems: string[]): string[] {
  const items = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const origins: string[] = [];
  for (const item of items) {
    let origin: string | undefined;
    try {
      const url = new URL(item);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === item.replace(/\/$/, '')) origin = url.origin;
    } catch {
      origin = undefined;
    }
    if (!origin) {
      problems.push('CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.com (no paths, no wildcards)');
      return [];
    }
    origins.push(origin);
  }
  return origins;
}

export function readSecurityConfig(env: NodeJS.ProcessEnv, nodeEnv: string): { config: SecurityConfig; problems: string[] } {
  const problems: string[] = [];
  const production = nodeEnv === 'production';

  const keys = parseApiKeys(env.API_KEYS);
  if (keys.problems.length) problems.push(`API_KEYS: ${keys.problems.slice(0, 5).join('; ')}`);
  const allowAnonymous = readBoolean(env, 'ALLOW_ANONYMOUS', false, problems);
  if (production && keys.problems.length === 0 && keys.entries.length === 0 && !allowAnonymous)
    problems.push('API_KEYS is required in production (set ALLOW_ANONYMOUS=true to run the gateway open to anyone)');

  const rateLimit: RateLimitSettings = {
    perMinute: readWholeNumber(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute, 0, problems),
    burst: readWholeNumber(env, 'RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst, 1, problems),
  };
  const limits: OperationLimits = {
    maxDepth: readWholeNumber(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 1, problems),
    maxAliases: readWholeNumber(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, problems),
    maxDirectives: readWholeNumber(env, 'GRAPHQL_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0, problems),
    maxTokens: readWholeNumber(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 10, problems),
    maxCost: readWholeNumber(env, 'GRAPHQL_MAX_COST', DEFAULT_LIMITS.maxCost, 1, problems),
  };

  return {
    problems,
    config: {
      production,
      apiKeys: keys.entries,
      allowAnonymous,
      corsOrigins: readOrigins(env, problems),
      introspection: readBoolean(env, 'INTROSPECTION', !production, problems),
      bodyLimitBytes: readBytes(env, 'BODY_LIMIT', DEFAULT_BODY_LIMIT_BYTES, problems),
      rateLimit,
      limits,
    },
  };
}
