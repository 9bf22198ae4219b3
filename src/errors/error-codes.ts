/** The `extensions.code` values a client can meet (DESIGN.md, "Errors"). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  UNSUPPORTED_BY_PROVIDER: 'UNSUPPORTED_BY_PROVIDER',
  PROVIDER_REJECTED: 'PROVIDER_REJECTED',
  PROVIDER_AUTH_FAILED: 'PROVIDER_AUTH_FAILED',
  PROVIDER_RATE_LIMITED: 'PROVIDER_RATE_LIMITED',
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  PROVIDER_BAD_RESPONSE: 'PROVIDER_BAD_RESPONSE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The idempotency key was used before with a different input: nothing was sent. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** The first request under this key has not finished (or its outcome is unknown): retry after `retryAfterSeconds`. */
  IDEMPOTENCY_KEY_IN_USE: 'IDEMPOTENCY_KEY_IN_USE',
  /** The store did not answer: nothing was accepted or sent; retry after `retryAfterSeconds`. */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type ProviderErrorCode = Extract<
  ErrorCode,
  'PROVIDER_REJECTED' | 'PROVIDER_AUTH_FAILED' | 'PROVIDER_RATE_LIMITED' | 'PROVIDER_UNAVAILABLE' | 'PROVIDER_BAD_RESPONSE'
>;
