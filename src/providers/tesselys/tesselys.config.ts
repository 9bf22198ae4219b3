/** Tesselys's configuration variables (DESIGN.md): a base URL and the two header values. */
import { checkHeaderSafe } from '../../config/header-safe';
import { readBaseUrl } from '../http/read-base-url';
import type { ProviderConfigResult } from '../provider-adapter';

export interface TesselysConfig {
  baseUrl: string;
  accessToken: string;
  companyToken: string;
}

export const TESSELYS_DEFAULT_BASE_URL = 'https://api.tesselys.com.br';

export function readTesselysConfig(env: NodeJS.ProcessEnv): ProviderConfigResult<TesselysConfig> {
  const problems: string[] = [];
  // Each of these ends up in a request line or header; one that cannot travel there stops start-up.
  checkHeaderSafe(env, ['TESSELYS_BASE_URL', 'TESSELYS_ACCESS_TOKEN', 'TESSELYS_COMPANY_TOKEN'], problems);
  if (problems.length) return { config: null, problems };
  const baseUrl = readBaseUrl(env, 'TESSELYS_BASE_URL', TESSELYS_DEFAULT_BASE_URL, problems);
  const accessToken = env.TESSELYS_ACCESS_TOKEN?.trim() ?? '';
  const companyToken = env.TESSELYS_COMPANY_TOKEN?.trim() ?? '';
  if (!accessToken && !companyToken) return { config: null, problems };
  if (!accessToken) problems.push('TESSELYS_ACCESS_TOKEN is required when TESSELYS_COMPANY_TOKEN is set');
  if (!companyToken) problems.push('TESSELYS_COMPANY_TOKEN is required when TESSELYS_ACCESS_TOKEN is set');
  return { config: problems.length ? null : { baseUrl, accessToken, companyToken }, problems };
}
