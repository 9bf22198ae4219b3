/** Shared parsing of a provider's `*_BASE_URL` variable: a plain http(s) URL, never echoed (it may embed credentials). */

export function readBaseUrl(env: NodeJS.ProcessEnv, variable: string, fallback: string, problems: string[]): string {
  const value = env[variable]?.trim();
  if (!value) return fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${variable} must be an absolute http(s) URL`);
    return fallback;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`${variable} must use http or https`);
  else if (url.username || url.password) problems.push(`${variable} must not embed credentials; use the provider's credential variables`);
  return value.replace(/\/+$/, '');
}
