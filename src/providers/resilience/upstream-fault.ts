/**
 * What went wrong with one upstream attempt, in the terms retry and circuit decisions need: did
 * the provider fail (worth counting and, for reads, retrying), did the request surely never leave
 * (safe to resend even for a write), or did the provider give an answer that retrying cannot change.
 */
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider.error';

export type UpstreamFaultKind =
  /** No complete answer before the deadline. */
  | 'timeout'
  /** The connection was refused: nothing reached the provider. */
  | 'refused'
  /** Reset, closed socket, DNS and the like: the request may have reached the provider. */
  | 'network'
  /** The provider answered 5xx. */
  | 'unavailable'
  /** The provider answered 429. */
  | 'rate-limited'
  /** A definite answer (4xx, refused credentials, a broken body) or a bug: never retried. */
  | 'final';

export interface UpstreamFault {
  kind: UpstreamFaultKind;
  /** For `rate-limited`: the provider's Retry-After, when it gave a readable one. */
  retryAfterSeconds?: number;
}

/** An attempt (or the whole call) ran out of time; the client maps it to PROVIDER_UNAVAILABLE. */
export class UpstreamTimeoutError extends Error {
  constructor(readonly afterMs: number) {
    super(`no answer within ${afterMs} ms`);
    this.name = 'UpstreamTimeout';
  }
}

export function classifyFault(error: unknown): UpstreamFault {
  if (error instanceof UpstreamTimeoutError) return { kind: 'timeout' };
  if (error instanceof ProviderError) {
    if (error.code === ErrorCode.PROVIDER_UNAVAILABLE && error.details.upstreamStatus !== undefined) return { kind: 'unavailable' };
    if (error.code === ErrorCode.PROVIDER_RATE_LIMITED) return { kind: 'rate-limited', retryAfterSeconds: error.details.retryAfterSeconds };
    return { kind: 'final' };
  }
  const code = networkErrorCode(error);
  if (code === 'ECONNREFUSED') return { kind: 'refused' };
  if (code !== undefined || isFetchFailure(error)) return { kind: 'network' };
  return { kind: 'final' };
}

/** Faults that say the provider is unwell, as opposed to answers it chose to give. */
export function isProviderFailure(fault: UpstreamFault): boolean {
  return fault.kind === 'timeout' || fault.kind === 'refused' || fault.kind === 'network' || fault.kind === 'unavailable';
}

/**
 * The system or undici error code behind a failed fetch (`ECONNREFUSED`, `ECONNRESET`,
 * `UND_ERR_SOCKET`...). undici wraps it as `TypeError('fetch failed', { cause })`, and a host
 * with several addresses reports an AggregateError whose members carry the codes.
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

function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && error.message === 'fetch failed';
}
