/**
 * Reads Keyspot's token response, whose shape is not documented (providers/README.md): the JWT may
 * sit under several keys, and its lifetime is taken from the JWT's own `exp` when it has one.
 */
import { decodeJwt } from 'jose';
import { ResponseShapeError } from '../../leads/mapping/response-shape.error';

export interface IssuedToken {
  token: string;
  /** Epoch ms after which the provider will refuse it. */
  expiresAt: number;
}

const DEFAULT_LIFETIME_SECONDS = 3600;
const TOKEN_KEYS = ['token', 'accessToken', 'access_token'] as const;

export function parseKeyspotTokenResponse(body: unknown, now: number): IssuedToken {
  const root = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const data = (root.data && typeof root.data === 'object' ? root.data : {}) as Record<string, unknown>;
  const token = [...TOKEN_KEYS.map((key) => data[key]), ...TOKEN_KEYS.map((key) => root[key])].find(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
  if (!token)
    throw new ResponseShapeError('no token under data.token, data.accessToken, data.access_token, token, accessToken or access_token');
  return { token, expiresAt: expiryOf(token, data, root, now) };
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
