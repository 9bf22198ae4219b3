/**
 * Tenant API key secrets: `lgk_` + 40 base64url characters (240 random bits). The first 12
 * characters are the visible prefix an operator sees in listings; only the SHA-256 digest of the
 * whole secret is stored, so the store alone never lets anyone call the gateway.
 */
import { createHash, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'lgk_';
const PREFIX_LENGTH = 12;

export interface ApiKeySecret {
  secret: string;
  prefix: string;
  digest: string;
}

export function newApiKeySecret(): ApiKeySecret {
  const secret = `${SECRET_PREFIX}${randomBytes(30).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), digest: apiKeyDigest(secret) };
}

/** SHA-256 (hex) of a presented key, as stored. */
export function apiKeyDigest(presented: string): string {
  return createHash('sha256').update(presented, 'utf8').digest('hex');
}
