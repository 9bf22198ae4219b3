/**
 * The one security pipeline every transport runs: /graphql over HTTP (server/graphql-endpoint.ts,
 * a thin adapter) and, later, graphql-ws on connection_init. It takes what any transport has (the
 * credentials as header-like pairs and the peer address) and never a node request or response, and
 * it answers with a decision the transport turns into its own refusal (an HTTP 401/429, a
 * WebSocket close 4401/4429).
 *
 * Admission, in the order that keeps refusals cheap: identify the caller from its API key, spend
 * one request of its rate limit (callers without a valid key are limited by address, so guessing
 * keys is throttled too), then refuse unknown callers (but for a request that cannot carry an
 * operation: the landing page). Identification and rate limiting are asynchronous so that a store
 * or Redis can answer them. The operation check (scopes, write-only receipts) runs once the
 * operation is known: `authorizeOperation`.
 */
import { ErrorCode } from '../errors/error-codes';
import type { Logger } from '../logging/logger';
import { presentedKey } from './api-keys';
import type { CallerIdentifier } from './caller-identifier';
import { authorizeOperation, type OperationToAuthorize } from './operation-authorization';
import type { RateLimiter } from './rate-limiter';
import { ANONYMOUS_CALLER, type Caller } from './scopes';

export const RATE_LIMITED = 'RATE_LIMITED';

/** What a transport knows about a request before any operation is read. */
export interface AdmissionRequest {
  /**
   * Credentials as header-like pairs, names in lower case: the HTTP headers, or graphql-ws's
   * connection_init payload (`authorization`). Only `authorization` and `x-api-key` are read.
   */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The peer address (no proxy is trusted: README "Security"). */
  remoteAddress: string | undefined;
  /** The request cannot carry an operation (the landing page): no key needed, still rate limited. */
  keyOptional?: boolean;
  requestId: string;
}

/** Why a request was refused, for the transport to say in its own way; never quotes a key. */
export interface Refusal {
  status: 401 | 429;
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

export type Admission = { admitted: true; caller: Caller | undefined } | { admitted: false; refusal: Refusal };

export interface SecurityPipelineDeps {
  identifier: CallerIdentifier;
  limiter: RateLimiter;
  logger: Logger;
}

export class SecurityPipeline {
  constructor(private readonly deps: SecurityPipelineDeps) {}

  async admit(request: AdmissionRequest): Promise<Admission> {
    const { identifier, limiter, logger } = this.deps;
    const authorization = request.headers.authorization;
    const key = identifier.open
      ? undefined
      : presentedKey({
          authorization: Array.isArray(authorization) ? authorization[0] : authorization,
          'x-api-key': request.headers['x-api-key'],
        });
    const caller = identifier.open ? ANONYMOUS_CALLER : key ? await identifier.identify(key) : undefined;
    const bucket = caller && !caller.anonymous ? `key:${caller.tenant}:${caller.name}` : `ip:${request.remoteAddress ?? 'unknown'}`;
    const decision = await limiter.take(bucket);
    if (!decision.allowed) {
      logger.warn(
        { requestId: request.requestId, caller: caller?.name ?? null, retryAfterSeconds: decision.retryAfterSeconds },
        'request refused: rate limited',
      );
      return {
        admitted: false,
        refusal: {
          status: 429,
          code: RATE_LIMITED,
          message: 'Too many requests; retry later',
          retryAfterSeconds: decision.retryAfterSeconds,
        },
      };
    }
    if (caller) return { admitted: true, caller };
    if (request.keyOptional) return { admitted: true, caller: undefined };
    logger.warn({ requestId: request.requestId, reason: key ? 'unknown key' : 'no key' }, 'request refused: unauthenticated');
    return {
      admitted: false,
      refusal: {
        status: 401,
        code: ErrorCode.UNAUTHENTICATED,
        message: key ? 'Unknown API key' : 'An API key is required: send Authorization: Bearer <key> or x-api-key: <key>',
      },
    };
  }

  /** The scope check for a resolved operation; throws the GraphQLError that refuses it. */
  authorizeOperation(operation: OperationToAuthorize): void {
    authorizeOperation(operation);
  }
}
