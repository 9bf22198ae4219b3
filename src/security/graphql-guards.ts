/**
 * The checks in front of Apollo on /graphql, in the order that keeps refusals cheap: identify the
 * caller from its API key, spend one token of its rate-limit bucket (callers without a valid key
 * are bucketed by IP, so guessing keys is throttled too), refuse unknown callers (but for a GET
 * that carries no operation: the landing page), and only then read the body, up to the configured
 * limit. Nothing here reaches a provider. CORS preflights are answered before this
 * (http-hardening.ts). Plain node:http, like the endpoint that runs them (server/graphql-endpoint.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import bodyParser from 'body-parser';
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

/** What the guards decided: the request was answered (refused), or may go on, as `caller` (none for the landing page). */
export type Admission = { refused: true } | { refused: false; caller: Caller | undefined };

export interface GraphqlGuards {
  /** Identifies and rate-limits the caller; on refusal the response has been sent. */
  admit(req: IncomingMessage, res: ServerResponse, requestId: string): Admission;
  /**
   * Reads and parses a JSON body up to the limit (undefined when the request has none, or it is
   * not JSON: Apollo then answers as it does for any such request). On refusal the response has
   * been sent and `refused` is true.
   */
  readBody(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<{ refused: boolean; body?: unknown }>;
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
export function isLandingPageRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  const url = req.url ?? '';
  const start = url.indexOf('?');
  if (start < 0) return true;
  const parameters = new URLSearchParams(url.slice(start + 1));
  return !OPERATION_PARAMETERS.some((name) => parameters.has(name));
}

export function graphqlGuards(security: SecurityConfig, deps: GuardDeps): GraphqlGuards {
  const registry = new ApiKeyRegistry(security.apiKeys);
  const limiter = new TokenBucketLimiter(security.rateLimit, deps.now);
  const open = registry.size === 0;
  // body-parser is framework-neutral: it reads a node request and leaves the result on `req.body`.
  const parseJson = bodyParser.json({ limit: security.bodyLimitBytes });

  return {
    admit(req, res, requestId) {
      // The landing page needs no key, but it is still rate limited like anything else.
      const landingPage = isLandingPageRequest(req);
      const key = open ? undefined : presentedKey(req.headers);
      const caller: Caller | undefined = open ? ANONYMOUS_CALLER : key ? registry.identify(key) : undefined;
      // No proxy is trusted (README "Security"): the peer address is the caller's.
      const bucket = caller && !caller.anonymous ? `key:${caller.name}` : `ip:${req.socket.remoteAddress ?? 'unknown'}`;
      const decision = limiter.take(bucket);
      if (!decision.allowed) {
        deps.logger.warn(
          { requestId, caller: caller?.name ?? null, retryAfterSeconds: decision.retryAfterSeconds },
          'request refused: rate limited',
        );
        res.setHeader('Retry-After', String(decision.retryAfterSeconds));
        sendRefusal(res, requestId, 429, RATE_LIMITED, 'Too many requests; retry later', { retryAfterSeconds: decision.retryAfterSeconds });
        return { refused: true };
      }
      if (!caller) {
        if (landingPage) return { refused: false, caller: undefined };
        deps.logger.warn({ requestId, reason: key ? 'unknown key' : 'no key' }, 'request refused: unauthenticated');
        res.setHeader('WWW-Authenticate', 'Bearer realm="leadgraph"');
        sendRefusal(
          res,
          requestId,
          401,
          ErrorCode.UNAUTHENTICATED,
          key ? 'Unknown API key' : 'An API key is required: send Authorization: Bearer <key> or x-api-key: <key>',
        );
        return { refused: true };
      }
      return { refused: false, caller };
    },

    readBody(req, res, requestId) {
      return new Promise((resolve, reject) => {
        parseJson(req, res, (error?: unknown) => {
          if (!error) return resolve({ refused: false, body: (req as IncomingMessage & { body?: unknown }).body });
          const { type, status } = error as { type?: string; status?: number };
          const refuse = (code: number, name: string, message: string) => {
            sendRefusal(res, requestId, code, name, message);
            resolve({ refused: true });
          };
          if (type === 'entity.too.large') return refuse(413, PAYLOAD_TOO_LARGE, 'Request body is too large');
          if (type === 'entity.parse.failed') return refuse(400, BAD_REQUEST, 'Request body is not valid JSON');
          if (status && status >= 400 && status < 500) return refuse(status, BAD_REQUEST, 'Request body could not be read');
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
    },
  };
}
