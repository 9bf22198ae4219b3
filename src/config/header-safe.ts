/**
 * Credentials and provider URLs travel in HTTP request headers (or the request line). A value with
 * a character that cannot travel there (a space, a control character, a zero-width space pasted
 * from a chat window, any non-ASCII letter) would make every upstream call fail locally, which
 * looks like a provider outage. Such a value is a configuration mistake and stops start-up.
 */

/** Visible ASCII only: no space, no control character, nothing beyond 0x7e. */
const HEADER_SAFE = /^[\x21-\x7e]*$/;

/**
 * The problem line for `variable` when its (trimmed) value has a character that cannot travel in
 * an HTTP header, or undefined. The line names the variable and never the value or the character.
 */
export function headerUnsafeProblem(variable: string, value: string | undefined): string | undefined {
  if (value === undefined || HEADER_SAFE.test(value)) return undefined;
  return `${variable} contains a character that cannot be sent in an HTTP header (a space, a control or invisible character, or a non-ASCII letter); paste the value again`;
}

/** Checks every named variable of `env` (trimmed, as the readers trim it), adding one line per bad one. */
export function checkHeaderSafe(env: NodeJS.ProcessEnv, variables: readonly string[], problems: string[]): void {
  for (const variable of variables) {
    const problem = headerUnsafeProblem(variable, env[variable]?.trim());
    if (problem) problems.push(problem);
  }
}
