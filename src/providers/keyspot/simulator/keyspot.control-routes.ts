/**
 * Keyspot's additions to the `/__control` API, so a standalone simulator (demo, soak run) can be
 * made to expire or revoke tokens from another process:
 *   POST /__control/token-lifetime {seconds}   tokens issued from now on live this long
 *   POST /__control/revoke-all                 every token issued so far gets 401
 * Handlers never throw: the harness does not guard extra control routes.
 */
import type { SimRoute } from '../../../simulators/simulator-server';
import type { KeyspotTokenIssuer } from './keyspot.token-issuer';

export function keyspotControlRoutes(issuer: KeyspotTokenIssuer): SimRoute[] {
  return [
    {
      method: 'POST',
      path: '/token-lifetime',
      handle({ body }) {
        const seconds = (body as { seconds?: unknown } | undefined)?.seconds;
        if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
          return { status: 400, body: { message: 'seconds must be a non-negative integer' } };
        }
        issuer.setLifetime(seconds);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: '/revoke-all',
      handle() {
        issuer.revokeAll();
        return { status: 204 };
      },
    },
  ];
}
