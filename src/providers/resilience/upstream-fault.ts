/**
 * What went wrong with one upstream attempt, in the terms retry and circuit decisions need: did
 * the provider fail (worth counting and, for reads, retrying), did the request surely never leave
 * (safe to resend even for a write), or did the provider give an answer that retrying cannot change.
 * Errors LeadGraph made itself (a header undici refuses, a bug) are `local`: the provider never saw
 * them, so they are neither retried nor counted against it.
 */
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError, type Delivery } from '../../errors/provider.error';

export type UpstreamFaultKind =
  /** No complete answer before the deadline. */
  | 'timeout'
  /** No connection could be made (refused, unknown host, connect timeout): nothing reached the provider. */
  | 'refused'
  /** Reset, closed socket and the like: the request may have reached the provider. */
  | 'network'
  /** The provider answered 5xx. */
  | 'unavailable'
  /** The provider answered 429. */
  | 'rate-limited'
  /** A definite answer (4xx, refused credentials, a broken body): never retried. */
  | 'final'
  /** LeadGraph's own error (invalid request, bug, the caller went away): never retried nor counted. */
  | 'local';

export interface UpstreamFault {
  kind: UpstreamFaultKind;
  /** For `rate-limited`: the provider's Retry-After, when it gave a readable one. */
  retryAfterSeconds?: number;
}

/** An attempt (or the whole call) ran out of time; the client maps it to PROVIDER_UNAVAILABLE. */
export class UpstreamTimeoutError extends Error {
  /** `not-sent` when the time ran out before an attempt started (e.g. waiting for a bulkhead slot). */
  constructor(
    readonly afterMs: number,
    readonly delivery: Delivery = 'maybe-sent',
  ) {
    super(`no answer within ${afterMs} ms`);
    this.name = 'UpstreamTimeout';
  }
}

/** The caller (the GraphQL client) went away: its provider work stops, and nobody is blamed. */
export class CallerGoneError extends Error {
  /** `maybe-sent` when an attempt was in flight as the caller left. */
  constructor(readonly delivery: Delivery = 'not-sent') {
    super('the caller went away');
    this.name = 'CallerGone';
  }
}

/** Codes meaning no connection was ever made: the request surely did not reach the provider. */
const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Codes of a connection that failed once made (or whose TLS handshake failed): the network or the provider. */
const CONNECTION_FAILURE_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EPROTO',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RESPONSE_STATUS_CODE',
  'HPE_INVALID_CONSTANT',
  'HPE_INVALID_CHUNK_SIZE',
  'HPE_INVALID_HEADER_TOKEN',
  'HPE_UNEXPECTED_CONTENT_LENGTH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function classifyFault(error: unknown): UpstreamFault {
  if (error instanceof UpstreamTimeoutError) return { kind: 'timeout' };
  if (error instanceof CallerGoneError) return { kind: 'local' };
  if (error instanceof ProviderError) {
    if (error.code === ErrorCode.PROVIDER_UNAVAILABLE && error.details.upstreamStatus !== undefined) return { kind: 'unavailable' };
    if (error.code === ErrorCode.PROVIDER_RATE_LIMITED) return { kind: 'rate-limited', retryAfterSeconds: error.details.retryAfterSeconds };
    return { kind: 'final' };
  }
  const code = networkErrorCode(error);
  if (code === undefined) return { kind: 'local' };
  if (NOT_CONNECTED_CODES.has(code)) return { kind: 'refused' };
  if (CONNECTION_FAILURE_CODES.has(code)) return { kind: 'network' };
  return { kind: 'local' };
}

/** Faults that say the provider is unwell, as opposed to answers it chose to give or our own errors. */
export function isProviderFailure(fault: UpstreamFault): boolean {
  return fault.kind === 'timeout' || fault.kind === 'refused' || fault.kind === 'network' || fault.kind === 'unavailable';
}

/**
 * The system or undici error code behind a failed request (`ECONNREFUSED`, `UND_ERR_SOCKET`,
 * `UND_ERR_INVALID_ARG`...), whether it names a network fault or not. undici may wrap it as
 * `TypeError('fetch failed', { cause })`, and a host with several addresses reports an
 * AggregateError whose members carry the codes.
 */
export function networkErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') return code;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = cause;
  }
  return undefined;
}
