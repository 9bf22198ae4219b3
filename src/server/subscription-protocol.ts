/**
 * What a graphql-ws connection may do: the security pipeline's checks, as /graphql runs them,
 * adapted to a socket (docs/decisions/request-pipeline.md). Handed to graphql-ws's makeServer by
 * websocket-transport.ts.
 *
 * Contract:
 * - connection_init: the key is its payload's `authorization` ("Bearer <key>" or the bare key),
 *   the payload at most MAX_INIT_PAYLOAD_BYTES. Admission as over HTTP (identify, rate limit
 *   `key:<tenant>:<name>`); a missing or unknown key closes with 4401, a rate-limited one with
 *   4429, a key without `leads:read` with 4403, a key with `maxSocketsPerKey` sockets open already
 *   with 4429, and a tenant key the store must identify while the store does not answer with 1013
 *   (Try Again Later: the key may well be valid).
 * - subscribe: only subscription operations (queries and mutations belong to HTTP POST, where every
 *   Apollo plugin runs); each spends one request of the key's rate limit; parse limits, validation
 *   rules and the operation check (scopes, cost) are the pipeline's; at most
 *   `maxSubscriptionsPerSocket` at once. A refusal is an `error` message for that subscription,
 *   with the pipeline's code (e.g. STORE_UNAVAILABLE with `retryAfterSeconds`); an unknown key
 *   also closes the socket with 4401.
 * - Every `keyCheckMs`, each open socket's key is identified again (the key cache bounds how stale
 *   that is, at most 5 s): a revoked key's sockets close with 4401, one that lost `leads:read` with 4403.
 * - A subscriber whose socket holds more than `maxBufferedBytes` unsent, or lets
 *   `maxQueuedEvents` wait, is dropped (close 1008) rather than buffered without bound.
 * - Errors reach the client formatted as over HTTP (unexpected ones masked).
 */
import { randomUUID } from 'node:crypto';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { ChangeFeed } from '../change-feed/change-feed';
import type { ChangeFeedSettings } from '../change-feed/change-feed-settings';
import { ErrorCode } from '../errors/error-codes';
import type { RequestContextFactory } from '../graphql/request-context';
import type { Logger } from '../logging/logger';
import { presentedKey } from '../security/api-keys';
import type { CallerIdentifier } from '../security/caller-identifier';
import { Scope, type Caller } from '../security/scopes';
import type { Refusal, SecurityPipeline } from '../security/security-pipeline';
import { SubscriptionRootDirectivesRule } from '../security/subscription-root-directives.rule';
import { formatGatewayError } from './error-formatting';
import type { SocketExtra } from './websocket-transport';

/** The largest connection_init payload accepted: it carries a key, nothing more. */
export const MAX_INIT_PAYLOAD_BYTES = 4_096;

export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_TOO_MANY = 4429;
export const CLOSE_SLOW_CONSUMER = 1008;
/** RFC 6455's "Try Again Later": the store cannot identify the key now. */
export const CLOSE_TRY_AGAIN_LATER = 1013;

/** Where the protocol reports what it did (metrics). */
export interface SubscriptionObserver {
  eventSent(): void;
  slowConsumerDropped(): void;
}

export interface SubscriptionProtocolDeps {
  schema: GraphQLSchema;
  pipeline: SecurityPipeline;
  /** Who a key belongs to now (the re-check of open sockets; no rate limit spent). */
  identifier: CallerIdentifier;
  context: RequestContextFactory;
  feed: ChangeFeed;
  settings: ChangeFeedSettings;
  /** Production hides schema hints from validation messages, as Apollo does over HTTP. */
  production: boolean;
  logger: Logger;
  observer?: SubscriptionObserver;
}

interface SocketState {
  requestId: string;
  headers: Record<string, string>;
  key: string | undefined;
  caller: Caller;
  /** Each running subscription's abort controller, by its graphql-ws id. */
  running: Map<string, AbortController>;
}

type Protocol = ServerOptions<Record<string, unknown> | undefined, SocketExtra>;

export class SubscriptionProtocol {
  private readonly states = new Map<SocketExtra['socket'], SocketState>();
  private readonly perKey = new Map<string, number>();
  private readonly validationRules;
  private recheck: NodeJS.Timeout | undefined;

  constructor(private readonly deps: SubscriptionProtocolDeps) {
    this.validationRules = [...specifiedRules, SubscriptionRootDirectivesRule, ...deps.pipeline.validationRules];
  }

  /** The graphql-ws server options. */
  options(): Protocol {
    return {
      schema: this.deps.schema,
      onConnect: (ctx) => this.connect(ctx.extra, ctx.connectionParams),
      onSubscribe: (ctx, id, payload) => this.subscribe(ctx.extra, id, payload),
      onNext: (_ctx, _id, _payload, _args, result) => {
        this.deps.observer?.eventSent();
        return result.errors ? { ...result, errors: result.errors.map((error) => formatGatewayError(error.toJSON())) } : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatGatewayError(error.toJSON() as GraphQLFormattedError)),
      onComplete: (ctx, id) => this.end(ctx.extra, id),
      onClose: (ctx) => this.closed(ctx.extra),
    };
  }

  /** Starts re-checking open sockets' keys. */
  start(): void {
    this.recheck ??= setInterval(() => void this.recheckKeys(), this.deps.settings.keyCheckMs);
    this.recheck.unref();
  }

  stop(): void {
    clearInterval(this.recheck);
  }

  private async connect(extra: SocketExtra, params: Record<string, unknown> | undefined): Promise<boolean> {
    const { socket, request } = extra;
    const requestId = randomUUID();
    if (params !== undefined && Buffer.byteLength(JSON.stringify(params)) > MAX_INIT_PAYLOAD_BYTES) {
      socket.close(4400, 'connection_init payload too large');
      return false;
    }
    const headers = credentialHeaders(params?.authorization);
    const admission = await this.deps.pipeline.admit({ headers, remoteAddress: request.socket.remoteAddress, requestId });
    if (!admission.admitted) {
      socket.close(...closeFor(admission.refusal));
      return false;
    }
    // Gone while it was being admitted: its close was handled already, so nothing may be registered.
    if (socket.readyState !== socket.OPEN) return false;
    const caller = admission.caller!;
    if (!caller.scopes.has(Scope.READ)) {
      this.deps.logger.warn({ requestId, caller: caller.name }, 'subscription socket refused: key without leads:read');
      socket.close(CLOSE_FORBIDDEN, 'Forbidden: leads:read is required');
      return false;
    }
    const keyName = `${caller.tenant}:${caller.name}`;
    const sockets = this.perKey.get(keyName) ?? 0;
    if (sockets >= this.deps.settings.maxSocketsPerKey) {
      this.deps.logger.warn({ requestId, caller: caller.name }, 'subscription socket refused: too many sockets for this key');
      socket.close(CLOSE_TOO_MANY, 'Too many subscription sockets for this API key');
      return false;
    }
    this.perKey.set(keyName, sockets + 1);
    this.states.set(socket, { requestId, headers, key: presentedKey(headers), caller, running: new Map() });
    return true;
  }

  private async subscribe(
    extra: SocketExtra,
    id: string,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  ) {
    const state = this.states.get(extra.socket);
    if (!state) return [refusal('Not connected', ErrorCode.UNAUTHENTICATED)];
    // An id completed by the client while its subscribe is still being checked: graphql-ws lets the
    // id in again, but the first would then run with nothing left to end it. Refused until it ends.
    if (state.running.has(id))
      return [refusal(`Subscription ${id.slice(0, 64)} is still ending; use another id`, ErrorCode.BAD_USER_INPUT)];
    if (state.running.size >= this.deps.settings.maxSubscriptionsPerSocket)
      return [refusal(`At most ${this.deps.settings.maxSubscriptionsPerSocket} subscriptions run at once on one socket`, 'RATE_LIMITED')];
    // The slot is taken before anything asynchronous: subscribe messages are handled concurrently.
    const abort = new AbortController();
    state.running.set(id, abort);
    const checked = await this.check(extra, state, id, payload, abort.signal);
    if (Array.isArray(checked)) state.running.delete(id);
    return checked;
  }

  /** The execution arguments of an admitted subscription, or the errors that refuse it. */
  private async check(
    extra: SocketExtra,
    state: SocketState,
    id: string,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
    signal: AbortSignal,
  ) {
    const admission = await this.deps.pipeline.admit({
      headers: state.headers,
      remoteAddress: extra.request.socket.remoteAddress,
      requestId: state.requestId,
    });
    if (!admission.admitted) {
      if (admission.refusal.status === 401) extra.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized');
      const { message, code, retryAfterSeconds } = admission.refusal;
      return [refusal(message, code, retryAfterSeconds !== undefined ? { retryAfterSeconds } : {})];
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, this.deps.pipeline.parseOptions);
    } catch (error) {
      return [refusal(error instanceof GraphQLError ? error.message : 'The operation could not be parsed', 'GRAPHQL_PARSE_FAILED')];
    }
    const invalid = validate(this.deps.schema, document, this.validationRules);
    if (invalid.length > 0) return invalid.map((error) => this.validationError(error));
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (!operation) return [refusal('The operation to run could not be identified', 'OPERATION_RESOLUTION_FAILURE')];
    if (operation.operation !== 'subscription')
      return [
        refusal('Only subscriptions run over WebSocket; send queries and mutations with HTTP POST /graphql', ErrorCode.BAD_USER_INPUT),
      ];
    // Coerced here, as Apollo does over HTTP, so a bad value is the client's BAD_USER_INPUT (graphql-js's
    // subscribe would report it as an error without a code, which is masked as internal).
    const coerced = getVariableValues(this.deps.schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 10 });
    if (coerced.errors) return coerced.errors.map((error) => this.validationError(error, ErrorCode.BAD_USER_INPUT));
    const requestId = `${state.requestId}/${id.slice(0, 64)}`;
    const base = this.deps.context({ requestId, caller: admission.caller ?? state.caller, headers: {}, signal });
    const socket = extra.socket;
    const contextValue = {
      ...base,
      changeFeed: this.deps.feed,
      feedConnection: {
        congested: () => socket.bufferedAmount > this.deps.settings.maxBufferedBytes,
        drop: () => this.drop(extra, requestId),
      },
    };
    const variableValues = payload.variables ?? {};
    try {
      this.deps.pipeline.checkOperation({
        caller: contextValue.caller,
        schema: this.deps.schema,
        document,
        operation,
        variables: variableValues,
        logger: base.logger,
      });
    } catch (error) {
      return [error instanceof GraphQLError ? error : refusal('Operation refused', ErrorCode.FORBIDDEN)];
    }
    return { schema: this.deps.schema, document, operationName: payload.operationName ?? null, variableValues, contextValue };
  }

  /** A validation error as Apollo would answer it: its code, and no schema hints in production. */
  private validationError(error: GraphQLError, code = 'GRAPHQL_VALIDATION_FAILED'): GraphQLError {
    const message = this.deps.production ? error.message.replace(/ Did you mean .*$/, '') : error.message;
    return new GraphQLError(message, {
      nodes: error.nodes ?? null,
      extensions: { ...error.extensions, code: error.extensions.code ?? code },
    });
  }

  private end(extra: SocketExtra, id: string): void {
    const state = this.states.get(extra.socket);
    state?.running.get(id)?.abort(new Error('subscription completed'));
    state?.running.delete(id);
  }

  private closed(extra: SocketExtra): void {
    const state = this.states.get(extra.socket);
    if (!state) return;
    this.states.delete(extra.socket);
    for (const abort of state.running.values()) abort.abort(new Error('socket closed'));
    const keyName = `${state.caller.tenant}:${state.caller.name}`;
    const sockets = (this.perKey.get(keyName) ?? 1) - 1;
    if (sockets > 0) this.perKey.set(keyName, sockets);
    else this.perKey.delete(keyName);
  }

  private drop(extra: SocketExtra, requestId: string): void {
    const { socket } = extra;
    if (socket.readyState !== socket.OPEN) return;
    this.deps.observer?.slowConsumerDropped();
    this.deps.logger.warn(
      { requestId, bufferedBytes: socket.bufferedAmount },
      'subscriber dropped: it does not read its events fast enough',
    );
    socket.close(CLOSE_SLOW_CONSUMER, 'Slow consumer: events were not read in time');
    // A client that does not read will not answer the close either.
    setTimeout(() => socket.terminate(), 1_000).unref();
  }

  private async recheckKeys(): Promise<void> {
    if (this.deps.identifier.open) return;
    for (const [socket, state] of [...this.states]) {
      if (!state.key) continue;
      let caller: Caller | undefined;
      try {
        caller = await this.deps.identifier.identify(state.key);
      } catch (error) {
        this.deps.logger.warn({ err: error, requestId: state.requestId }, 'subscription key re-check failed; kept until the next check');
        continue;
      }
      if (!caller) {
        this.deps.logger.info({ requestId: state.requestId, caller: state.caller.name }, 'subscription socket closed: API key revoked');
        socket.close(CLOSE_UNAUTHORIZED, 'API key revoked');
      } else if (!caller.scopes.has(Scope.READ)) {
        socket.close(CLOSE_FORBIDDEN, 'Forbidden: leads:read is required');
      }
    }
  }
}

/** The connection_init `authorization` as the pipeline's header-like credentials. */
function credentialHeaders(authorization: unknown): Record<string, string> {
  if (typeof authorization !== 'string' || authorization.length === 0) return {};
  return /^Bearer\s/i.test(authorization) ? { authorization } : { 'x-api-key': authorization };
}

function refusal(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** The close code and reason of a connection the pipeline refused (reasons stay under 123 bytes). */
function closeFor(refusal: Refusal): [number, string] {
  if (refusal.status === 429) return [CLOSE_TOO_MANY, 'Too many requests'];
  if (refusal.status === 503) return [CLOSE_TRY_AGAIN_LATER, 'Try again later: the store cannot check the API key now'];
  return [CLOSE_UNAUTHORIZED, 'Unauthorized'];
}
