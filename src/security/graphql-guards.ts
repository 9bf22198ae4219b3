/**
 * The Express middlewares in front of Apollo on /graphql, in the order that keeps refusals cheap:
 * identify the caller from its API key, spend one token of its rate-limit bucket (callers without
 * a valid key are bucketed by IP, so guessing keys is throttled too), refuse unknown callers (but
 * for a GET that carries no operation: the landing page), and only then read the body, up to the
 * configured limit. Nothing here reaches a provider. CORS preflights are answered before this
 * (http-hardening.ts).
 */
import express, { type Request, type RequestHandler } from 'express';
import { ErrorCode } from '../errors/error-codes';
import type { Logger } from '../logging/logger';
import { ApiKeyRegistry, presentedKey } from './api-keys';
import { sendRefusal } from './http-refusal';
import { TokenBucketLimiter } from './rate-limiter';
import { ANONYMOUS_CALLER, type Caller } from './scopes';
import type { SecurityConfig } from './security-config';

export const RATE_LIMITED = 'RATE_LIMITED';
export const PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE';
export const BAD_REQUEST = 'BAD_REQUEST';

export interface GuardDeps {
  logger: Logger;
  /** Clock (ms) for the rate-limit buckets. */
  now?: () => number;
}

/** The GET parameters from which Apollo builds an operation (persisted queries come in `extensions`). */
const OPERATION_PARAMETERS = ['query', 'extensions', 'variables'];

/**
 * A GET that cannot carry an operation: Apollo's landing page, which needs no key. Judged by the
 * URL, not by Accept: a client chooses its Accept header, and one preferring HTML but still
 * accepting JSON would otherwise have its query parsed and validated without a key. The search is
 * read from the first `?` of the raw URL, a superset of what Apollo parses, so any parameter Apollo
 * could see is seen here too.
 */
export function isLandingPageRequest(req: Request): boolean {
  if (req.method !== 'GET') return false;
  const start = req.url.indexOf('?');
  if (start < 0) return true;
  const parameters = new URLSearchParams(req.url.slice(start + 1));
  return !OPERATION_PARAMETERS.some((name) => parameters.has(name));
}

export function graphqlGuards(security: SecurityConfig, deps: GuardDeps): RequestHandler[] {
  const registry = new ApiKeyRegistry(security.apiKeys);
  const limiter = new TokenBucketLimiter(security.rateLimit, deps.now);
  const open = registry.size === 0;

  const admit: RequestHandler = (req, res, next) => {
    // The landing page needs no key, but it is still rate limited like anything else.
    const landingPage = isLandingPageRequest(req);
    const key = open ? undefined : presentedKey(req.headers);
    const caller: Caller | undefined = open ? ANONYMOUS_CALLER : key ? registry.identify(key) : undefined;
    const bucket = caller && !caller.anonymous ? `key:${caller.name}` : `ip:${req.ip ?? 'unknown'}`;
    const decision = limiter.take(bucket);
    const requestId = res.locals.requestId as string;
    if (!decision.allowed) {
      deps.logger.warn(
        { requestId, caller: caller?.name ?? null, retryAfterSeconds: decision.retryAfterSeconds },
        'request refused: rate limited',
      );
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      return sendRefusal(res, 429, RATE_LIMITED, 'Too many requests; retry later', { retryAfterSeconds: decision.retryAfterSeconds });
    }
    if (!caller) {
      if (landingPage) return next();
      deps.logger.warn({ requestId, reason: key ? 'unknown key' : 'no key' }, 'request refused: unauthenticated');
      res.setHeader('WWW-Authenticate', 'Bearer realm="leadgraph"');
      return sendRefusal(
        res,
        401,
        ErrorCode.UNAUTHENTICATED,
        key ? 'Unknown API key' : 'An API key is required: send Authorization: Bearer <key> or x-api-key: <key>',
      );
    }
    res.locals.caller = caller;
    next();
  };

  const parseJson = express.json({ limit: security.bodyLimitBytes });
  const readBody: RequestHandler = (req, res, next) => {
    parseJson(req, res, (error?: unknown) => {
      if (!error) return next();
      const { type, status } = error as { type?: string; status?: number };
      if (type === 'entity.too.large') return sendRefusal(res, 413, PAYLOAD_TOO_LARGE, 'Request body is too large');
      if (type === 'entity.parse.failed') return sendRefusal(res, 400, BAD_REQUEST, 'Request body is not valid JSON');
      if (status && status >= 400 && status < 500) return sendRefusal(res, status, BAD_REQUEST, 'Request body could not be read');
      next(error);
    });
  };

  return [admit, readBody];
}

/** The caller the guard admitted, for the GraphQL context. */
export function callerOf(locals: Record<string, unknown>): Caller | undefined {
  return locals.caller as Caller | undefined;
}
