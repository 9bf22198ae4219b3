/**
 * Says at start-up, loudly, when the gateway lets anyone in: an open gateway serves personal data
 * (names, e-mails, phones), so running one must never go unnoticed.
 */
import type { Logger } from '../logging/logger';
import type { SecurityConfig } from './security-config';

export function announceSecurityPosture(security: SecurityConfig, logger: Logger): void {
  if (security.apiKeys.length > 0) {
    logger.info({ apiKeys: security.apiKeys.map((entry) => entry.name) }, 'API keys required on /graphql');
    return;
  }
  logger.warn(
    { allowAnonymous: security.allowAnonymous, production: security.production },
    'OPEN GATEWAY: no API_KEYS configured, anyone who can reach /graphql can read and write leads',
  );
}
