/**
 * One keep-alive connection pool per provider, shared by all requests for the life of the process:
 * reusing sockets is most of what makes a gateway cheap, and separate pools keep one slow
 * provider from starving another of sockets.
 */
import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';

export interface UpstreamPool {
  fetch: Fetcher;
  close(): Promise<void>;
}

export function createUpstreamPool(options: { connections?: number } = {}): UpstreamPool {
  const agent = new Agent({ connections: options.connections ?? 64, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  const fetch = ((url: string, init?: object) => undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as Fetcher;
  return {
    fetch,
    close: () => agent.close(),
  };
}
