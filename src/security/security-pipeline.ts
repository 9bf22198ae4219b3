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
 * or Redis can answer them.
 *
 * Operations: `validationRules` and `parseOptions` (depth, aliases, directives, tokens, and
 * `_service` when introspection is off) go to whatever parses and validates, and `checkOperation`
 * (scopes, write-only receipts, then cost) runs once the operation and its variables are known,
 * before anything executes. docs/decisions/request-pipeline.md says how each transport calls them.
 */
import type { ParseOptions, ValidationRule } from 'graphql';
import { ErrorCode } from '../errors/error-codes';
import { STORE_RETRY_AFTER_SECONDS, StoreUnavailableError } from '../errors/store-unavailable.error';
import type { Logger } from '../logging/logger';
import { LogBudget } from '../logging/log-budget';
import { presentedKey } from './api-keys';
import type { CallerIdentifier } from './caller-identifier';
import { checkOperationCost } from './operation-cost';
import { authorizeOperation, type OperationToAuthorize } from './operation-authorization';
import { operationLimits, type OperationLimitProtections } from './operation-limits';
import { ApiKeyRegistry } from './api-keys';
import type { RedisConnection } from '../redis/redis-connection';
import type { RateLimiter } from './rate-limiter';
import { ANONYMOUS_CALLER, type Caller } from './scopes';
import type { SecurityConfig } from './security-config';
import { NoServiceSdlRule } from './service-sdl.rule';
import { createRateLimiter } from './shared-rate-limits';

export const RATE_LIMITED = 'RATE_LIMITED';

/** What a transport knows about a request before any operation is read. */
export interface AdmissionRequest {
  /**
   * Credentials as header-like pairs, names in lower case: the HTTP headers, or graphql-ws's
   * connection_init payload (`authorization`). Only `authorization` and `x-api-key` are read.
   */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The peer address (no proxy is trusted: docs/security.md). */
  remoteAddress: string | undefined;
  /** The request cannot carry an operation (the landing page): no key needed, still rate limited. */
  keyOptional?: boolean;
  requestId: string;
}

/** Why a request was refused, for the transport to say in its own way; never quotes a key. */
export interface Refusal {
  /** 503: the key can only be identified by the store, which does not answer (STORE_UNAVAILABLE). */
  status: 401 | 429 | 503;
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

export type Admission = { admitted: true; caller: Caller | undefined } | { admitted: false; refusal: Refusal };

/** An operation once parsed, validated and resolved, with its variables. */
export interface OperationToCheck extends OperationToAuthorize {
  variables: Record<string, unknown>;
}

export interface SecurityPipelineDeps {
  identifier: CallerIdentifier;
  limiter: RateLimiter;
  logger: Logger;
  /** Operation limits; none when absent (unit tests of admission). */
  security?: Pick<SecurityConfig, 'limits' | 'production' | 'introspection'>;
}

export class SecurityPipeline {
  /** Parse and validation limits, plus Apollo's own hooks for them (error-message hiding). */
  readonly limits: OperationLimitProtections | undefined;
  /** Every validation rule an operation must pass, whatever the transport. */
  readonly validationRules: readonly ValidationRule[];
  readonly parseOptions: ParseOptions;

  constructor(private readonly deps: SecurityPipelineDeps) {
    const security = deps.security;
    this.limits = security ? operationLimits(security.limits, security.production) : undefined;
    const rules = this.limits?.validationRules ?? [];
    // `_service { sdl }` is introspection by another name (service-sdl.rule.ts).
    this.validationRules = security && !security.introspection ? [...rules, NoServiceSdlRule] : rules;
    this.parseOptions = this.limits?.parseOptions ?? {};
  }

  /**
   * The pipeline of a configuration: rate limits shared through `redis` when given (else counted in
   * this process; shared-rate-limits.ts), and callers identified by `identifier` (the gateway's:
   * API_KEYS, then tenant keys in the store), else by API_KEYS alone.
   */
  static fromConfig(
    security: SecurityConfig,
    deps: { logger: Logger; identifier?: CallerIdentifier; redis?: RedisConnection },
  ): SecurityPipeline {
    return new SecurityPipeline({
      identifier: deps.identifier ?? new ApiKeyRegistry(security.apiKeys),
      limiter: createRateLimiter(security.rateLimit, { logger: deps.logger, ...(deps.redis ? { redis: deps.redis } : {}) }),
      logger: deps.logger,
      security,
    });
  }

  /** Refusals are caused at will by callers: their warnings are budgeted (src/logging/log-budget.ts). */
  private readonly refusalLog = new LogBudget();

  private warnRefused(why: string, fields: Record<string, unknown>): void {
    const turn = this.refusalLog.take(why);
    if (!turn.write) return;
    this.deps.logger.warn(turn.suppressed > 0 ? { ...fields, suppressed: turn.suppressed } : fields, `request refused: ${why}`);
  }

  async admit(request: AdmissionRequest): Promise<Admission> {
    const { identifier, limiter } = this.deps;
    const authorization = request.headers.authorization;
    const key = identifier.open
      ? undefined
      : presentedKey({
          authorization: Array.isArray(authorization) ? authorization[0] : authorization,
          'x-api-key': request.headers['x-api-key'],
        });
    let caller: Caller | undefined;
    try {
      caller = identifier.open ? ANONYMOUS_CALLER : key ? await identifier.identify(key) : undefined;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.warnRefused('store unavailable to identify the key', { requestId: request.requestId, code: error.code });
      return {
        admitted: false,
        refusal: {
          status: 503,
          code: ErrorCode.STORE_UNAVAILABLE,
          message: 'The API key cannot be checked: the store is unreachable. Retry later.',
          retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
        },
      };
    }
    const bucket = caller && !caller.anonymous ? `key:${caller.tenant}:${caller.name}` : `ip:${request.remoteAddress ?? 'unknown'}`;
    const decision = await limiter.take(bucket);
    if (!decision.allowed) {
      this.warnRefused('rate limited', {
        requestId: request.requestId,
        caller: caller?.name ?? null,
        retryAfterSeconds: decision.retryAfterSeconds,
      });
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
    this.warnRefused('unauthenticated', { requestId: request.requestId, reason: key ? 'unknown key' : 'no key' });
    return {
      admitted: false,
      refusal: {
        status: 401,
        code: ErrorCode.UNAUTHENTICATED,
        message: key ? 'Unknown API key' : 'An API key is required: send Authorization: Bearer <key> or x-api-key: <key>',
      },
    };
  }

  /**
   * Checks a resolved operation before it runs: the caller's scopes (and a write-only key's
   * receipt), then its cost. Throws the GraphQLError that refuses it.
   */
  checkOperation(operation: OperationToCheck): void {
    authorizeOperation(operation);
    const security = this.deps.security;
    if (security)
      checkOperationCost(operation.schema, operation.document, operation.operation, operation.variables, {
        maxCost: security.limits.maxCost,
        production: security.production,
      });
  }
}
