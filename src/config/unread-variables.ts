/**
 * Finds provider variables the gateway does not read: a misspelled `TESSELYS_ACCES_TOKEN` leaves
 * Tesselys unconfigured without an error (a provider with no credentials is simply off), so the
 * start-up log names such variables. Names only: a value may be a credential.
 *
 * Contract: `trackReads` returns an environment view that records every name read through it;
 * `unreadVariables` returns, sorted, the set names that start with one of `prefixes` and were
 * never read. What counts as read is what the provider modules' `readConfig` actually looked at,
 * so the list never goes stale when a provider gains a variable.
 */
export interface TrackedEnv {
  env: NodeJS.ProcessEnv;
  read: ReadonlySet<string>;
}

export function trackReads(env: NodeJS.ProcessEnv): TrackedEnv {
  const read = new Set<string>();
  const tracked = new Proxy(env, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name) as unknown;
    },
  });
  return { env: tracked, read };
}

export function unreadVariables(env: NodeJS.ProcessEnv, prefixes: readonly string[], read: ReadonlySet<string>): string[] {
  return Object.keys(env)
    .filter((name) => prefixes.some((prefix) => name.startsWith(prefix)) && !read.has(name) && env[name] !== undefined)
    .sort();
}
