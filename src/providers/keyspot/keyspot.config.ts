/**
 * Keyspot's configuration variables (DESIGN.md): a base URL and either client credentials (tokens
 * fetched and refreshed by LeadGraph) or a ready JWT (static, used until it is refused).
 */
import { checkHeaderSafe } from '../../config/header-safe';
import { readBaseUrl } from '../http/read-base-url';
import type { ProviderConfigResult } from '../provider-adapter';

export type KeyspotAuthConfig =
  { kind: 'client-credentials'; clientId: string; clientSecret: string } | { kind: 'static-token'; token: string };

export interface KeyspotConfig {
  baseUrl: string;
  auth: KeyspotAuthConfig;
}

export const KEYSPOT_DEFAULT_BASE_URL = 'https://sandbox-partner-api.keyspot.com.br';

export function readKeyspotConfig(env: NodeJS.ProcessEnv): ProviderConfigResult<KeyspotConfig> {
  const problems: string[] = [];
  // Each of these ends up in a request line or header; one that cannot travel there stops start-up.
  checkHeaderSafe(env, ['KEYSPOT_BASE_URL', 'KEYSPOT_CLIENT_ID', 'KEYSPOT_CLIENT_SECRET', 'KEYSPOT_API_TOKEN'], problems);
  if (problems.length) return { config: null, problems };
  const baseUrl = readBaseUrl(env, 'KEYSPOT_BASE_URL', KEYSPOT_DEFAULT_BASE_URL, problems);
  const clientId = env.KEYSPOT_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.KEYSPOT_CLIENT_SECRET?.trim() ?? '';
  const token = env.KEYSPOT_API_TOKEN?.trim() ?? '';
  if (!clientId && !clientSecret && !token) return { config: null, problems };

  if (clientId || clientSecret) {
    if (!clientId) problems.push('KEYSPOT_CLIENT_ID is required when KEYSPOT_CLIENT_SECRET is set');
    if (!clientSecret) problems.push('KEYSPOT_CLIENT_SECRET is required when KEYSPOT_CLIENT_ID is set');
    // With both kinds set, the refreshable credentials win; the static token would only expire.
    return { config: problems.length ? null : { baseUrl, auth: { kind: 'client-credentials', clientId, clientSecret } }, problems };
  }
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) problems.push('KEYSPOT_API_TOKEN must be a JWT (three base64url parts separated by dots)');
  return { config: problems.length ? null : { baseUrl, auth: { kind: 'static-token', token } }, problems };
}
