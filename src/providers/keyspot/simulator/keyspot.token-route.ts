/**
 * `POST /v1/auth/token`: trades the client credentials for a JWT. Missing fields are a 400 that
 * names them (so a gateway sending the wrong field names finds out), wrong values a 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { SimRoute } from '../../../simulators/simulator-server';
import { INVALID_CREDENTIALS_MESSAGE, badRequest, unauthorized } from './keyspot.errors';
import { KEYSPOT_TOKEN_PATH } from './keyspot.documented-api';
import type { KeyspotTokenIssuer } from './keyspot.token-issuer';
import { shapeTokenResponse, type KeyspotTokenResponseShape } from './keyspot.token-response';

export interface KeyspotCredentials {
  clientId: string;
  clientSecret: string;
}

export function keyspotTokenRoute(credentials: KeyspotCredentials, issuer: KeyspotTokenIssuer, shape: KeyspotTokenResponseShape): SimRoute {
  return {
    method: 'POST',
    path: KEYSPOT_TOKEN_PATH,
    async handle({ body }) {
      const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
      const missing = (['clientId', 'clientSecret'] as const).filter((field) => typeof input[field] !== 'string' || input[field] === '');
      if (missing.length > 0) return badRequest(missing.map((field) => `${field} must be a non-empty string`));

      // Both compared, always, so the answer time does not reveal which one was wrong.
      const idMatches = sameSecret(input.clientId as string, credentials.clientId);
      const secretMatches = sameSecret(input.clientSecret as string, credentials.clientSecret);
      if (!idMatches || !secretMatches) return unauthorized(INVALID_CREDENTIALS_MESSAGE);

      const lifetime = issuer.lifetimeSeconds;
      const token = await issuer.issue(credentials.clientId, lifetime);
      return { status: 201, body: shapeTokenResponse(shape, token, lifetime) };
    },
  };
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
