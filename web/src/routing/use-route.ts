/**
 * The app's three screens live in the URL's hash (#/, #/leads/<id>, #/new/<provider>), so the
 * gateway serves one index.html and a link or reload lands on the same screen. Small enough that
 * a router library would be most of the code it replaces.
 */
import { useSyncExternalStore } from 'react';

export type Route = { screen: 'inbox' } | { screen: 'lead'; id: string } | { screen: 'new'; provider: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const lead = /^\/leads\/(.+)$/.exec(path);
  if (lead) return { screen: 'lead', id: safeDecode(lead[1]!) };
  const create = /^\/new\/([A-Z_]+)$/.exec(path);
  if (create) return { screen: 'new', provider: create[1]! };
  return { screen: 'inbox' };
}

export function hrefOf(route: Route): string {
  switch (route.screen) {
    case 'lead':
      return `#/leads/${encodeURIComponent(route.id)}`;
    case 'new':
      return `#/new/${route.provider}`;
    default:
      return '#/';
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
