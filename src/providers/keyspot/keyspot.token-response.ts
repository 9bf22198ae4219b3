/**
 * Reads Keyspot's token response, whose shape is not documented (providers/README.md): the JWT may
 * sit under several keys, and its lifetime is taken from the JWT's own `exp` when it has one.
 *
 * The answer is untrusted provider input: a token that cannot travel in an `Authorization` header
 * (anything but visible ASCII) or longer than MAX_TOKEN_LENGTH is a ResponseShapeError
 * (PROVIDER_BAD_RESPONSE), so it is never cached and the next call asks again; a lifetime is at
 * most MAX_LIFETIME_MS, so an absurd `exp` or `expiresIn` cannot pin one token for ever.
 */
import { decodeJwt } from './decode-jwt';
import { ResponseShapeError } from '../../leads/mapping/response-shape.error';

export interface IssuedToken {
  token: string;
  /** Epoch ms after which the provider will refuse it. */
  expiresAt: number;
}

const DEFAULT_LIFETIME_SECONDS = 3600;
/** Far beyond any JWT, well under what HTTP servers accept as one header. */
const MAX_TOKEN_LENGTH = 4096;
const MAX_LIFETIME_MS = 24 * 3600_000;
/** Visible ASCII only: what an HTTP header value can carry without surprises (RFC 9110 token68 and more). */
const HEADER_SAFE = /^[\x21-\x7e]+$/;
const TOKEN_KEYS = ['token', 'accessToken', 'access_token'] as const;

export function parseKeyspotTokenResponse(body: unknown, now: number): IssuedToken {
  const root = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const data = (root.data && typeof root.data === 'object' ? root.data : {}) as Record<string, unknown>;
  const token = [...TOKEN_KEYS.map((key) => data[key]), ...TOKEN_KEYS.map((key) => root[key])].find(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
  if (!token)
    throw new ResponseShapeError('no token under data.token, data.accessToken, data.access_token, token, accessToken or access_token');
  if (token.length > MAX_TOKEN_LENGTH) throw new ResponseShapeError(`the token is longer than ${MAX_TOKEN_LENGTH} characters`);
  // Never quoted: the value is a credential.
  if (!HEADER_SAFE.test(token)) throw new ResponseShapeError('the token holds a character that cannot be sent in an HTTP header');
  return { token, expiresAt: Math.min(expiryOf(token, data, root, now), now + MAX_LIFETIME_MS) };
}

function expiryOf(token: string, data: Record<string, unknown>, root: Record<string, unknown>, now: number): number {
  try {
    const { exp, iat } = decodeJwt(token);
    if (typeof exp === 'number' && Number.isFinite(exp)) {
      if (exp * 1000 > now) return exp * 1000;
      // Already past by our clock, yet just issued: our clock runs ahead of Keyspot's. Trust the
      // token's own lifetime (exp - iat) rather than refetching on every request.
      if (typeof iat === 'number' && exp > iat) return now + (exp - iat) * 1000;
    }
  } catch {
    // Not a JWT we can read: fall back to the response's own lifetime fields.
  }
  const seconds = [data.expiresIn, data.expires_in, root.expiresIn, root.expires_in].map(Number).find((n) => Number.isFinite(n) && n > 0);
  return now + (seconds ?? DEFAULT_LIFETIME_SECONDS) * 1000;
}
