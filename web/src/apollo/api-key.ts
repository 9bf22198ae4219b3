/**
 * The API key the gateway asks for (README, Security: `Authorization: Bearer <key>`), entered once
 * in the app and kept in this tab's sessionStorage only: never localStorage, never a cookie, never
 * the URL. Components follow it through useSyncExternalStore.
 */
const STORAGE_KEY = 'leadgraph.apiKey';

type Listener = () => void;
const listeners = new Set<Listener>();
let needed = false;

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage disabled: the key lives for this page only
  }
}
let memoryKey: string | undefined;

export function readApiKey(): string | undefined {
  return storage()?.getItem(STORAGE_KEY) ?? memoryKey;
}

export function saveApiKey(key: string): void {
  const value = key.trim();
  memoryKey = value;
  storage()?.setItem(STORAGE_KEY, value);
  needed = false;
  notify();
}

export function forgetApiKey(): void {
  memoryKey = undefined;
  storage()?.removeItem(STORAGE_KEY);
  notify();
}

/** Set by the link when the gateway answered 401: the app then asks for a key. */
export function markApiKeyNeeded(): void {
  if (needed) return;
  needed = true;
  notify();
}

export function apiKeyNeeded(): boolean {
  return needed;
}

export function subscribeApiKey(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}
