/**
 * One keep-alive connection pool per provider, shared by all requests for the life of the process:
 * reusing sockets is most of what makes a gateway cheap, and separate pools keep one slow
 * provider from starving another of sockets.
 *
 * It speaks `undici.request` (several times cheaper than WHATWG fetch) and hands RESTDataSource a
 * fully buffered response. Identical GETs in flight at the same time share one upstream request:
 * the key is the URL plus every header sent, so requests with different credentials never share,
 * and writes never do.
 */
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { Agent, request } from 'undici';
import { BufferedResponse } from './buffered-response';

export interface UpstreamPool {
  fetch: Fetcher;
  /** Upstream requests actually sent (after in-flight sharing). */
  readonly sent: number;
  /** GETs answered by joining an identical request already in flight. */
  readonly shared: number;
  /**
   * Whether the call made with this (per-attempt) signal joined an exchange another caller
   * started. Its outcome is that exchange's: a circuit breaker must count it once, not per caller.
   */
  joinedExchange(signal: AbortSignal): boolean;
  close(): Promise<void>;
}

interface Exchange {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body, or why it could not be read in full (the provider cut it short). */
  body: string | Error;
}

interface InFlight {
  exchange: Promise<Exchange>;
}

export interface UpstreamPoolOptions {
  connections?: number;
  /**
   * Longest wait for headers, and between body chunks, on any socket. A shared GET follows no
   * single caller's deadline (each caller races its own), so this bound is what releases a socket
   * a hung provider holds once everybody has given up.
   */
  timeoutMs?: number;
}

export function createUpstreamPool(options: UpstreamPoolOptions = {}): UpstreamPool {
  const timeout = options.timeoutMs ?? 10_000;
  const agent = new Agent({
    connections: options.connections ?? 64,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: timeout,
    bodyTimeout: timeout,
  });
  const inFlight = new Map<string, InFlight>();
  const joiners = new WeakSet<AbortSignal>();
  let sent = 0;
  let shared = 0;

  async function exchange(url: string, init: FetcherRequestInit, signal: AbortSignal | undefined): Promise<Exchange> {
    sent++;
    const response = await request(url, {
      method: (init.method ?? 'GET') as 'GET',
      headers: init.headers,
      body: init.body,
      dispatcher: agent,
      signal,
    });
    // A body cut short is the provider's answer gone wrong, not a failed request: the status and
    // headers arrived, so it surfaces when the body is read (PROVIDER_BAD_RESPONSE), never retried.
    const body = await response.body.text().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    return { status: response.statusCode, headers: response.headers, body };
  }

  /**
   * Joins (or starts) the shared GET. Each caller races its own deadline (`signal`); the shared
   * request itself follows none, so one caller giving up never fails the others.
   */
  function join(key: string, url: string, init: FetcherRequestInit): Promise<Exchange> {
    const signal = init.signal as AbortSignal | undefined;
    // A caller that has already given up starts nothing.
    if (signal?.aborted) return Promise.reject(signal.reason);
    let entry = inFlight.get(key);
    if (entry) {
      shared++;
      if (signal) joiners.add(signal);
    } else {
      const created: InFlight = { exchange: exchange(url, init, undefined) };
      // Only remove itself: a newer exchange may hold the key since a deadline retired this one.
      const retire = () => {
        if (inFlight.get(key) === created) inFlight.delete(key);
      };
      created.exchange.then(retire, retire);
      inFlight.set(key, created);
      entry = created;
    }
    const current = entry;
    if (!signal) return current.exchange;
    return new Promise<Exchange>((resolve, reject) => {
      const onAbort = () => {
        // A caller's deadline passed: this exchange is suspect, so later callers (this caller's
        // retry among them) start afresh instead of joining it. Those already waiting keep it.
        if (inFlight.get(key) === current) inFlight.delete(key);
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      current.exchange.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  const fetch: Fetcher = async (url: string, init: FetcherRequestInit = {}): Promise<FetcherResponse> => {
    const method = init.method ?? 'GET';
    const result =
      method === 'GET'
        ? await join(`${url}\n${JSON.stringify(init.headers ?? {})}`, url, init)
        : await exchange(url, init, init.signal as AbortSignal | undefined);
    return new BufferedResponse(url, result.status, result.headers, result.body);
  };

  return {
    fetch,
    get sent() {
      return sent;
    },
    get shared() {
      return shared;
    },
    joinedExchange: (signal) => joiners.has(signal),
    close: () => agent.close(),
  };
}
