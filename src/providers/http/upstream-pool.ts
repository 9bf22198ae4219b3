/**
 * One keep-alive connection pool per provider, shared by all requests for the life of the process:
 * reusing sockets is most of what makes a gateway cheap, and separate pools keep one slow
 * provider from starving another of sockets.
 *
 * It speaks `undici.request` (cheaper than WHATWG fetch) and hands RESTDataSource a fully buffered
 * response. Every request is one upstream exchange (sharing identical reads is SingleFlight's job,
 * above the policy) and follows its caller's signal: when it fires, the socket is dropped, even
 * mid-body. A body larger than `maxBodyBytes` is not buffered: the socket is dropped and the
 * response reads as an error (PROVIDER_BAD_RESPONSE).
 */
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import type { Agent as UndiciAgent, Dispatcher } from 'undici';
import { BufferedResponse } from './buffered-response';

// undici's pool and its request method, loaded from their own files: undici's index also loads
// fetch, WebSocket, caches and mocks (85 more modules, ~3.5 MB of a running gateway's memory) that
// LeadGraph never uses. Both paths are undici's (pinned in the lock); every HTTP test runs them.
/* eslint-disable @typescript-eslint/no-require-imports */
const Agent = require('undici/lib/dispatcher/agent') as typeof UndiciAgent;
const requestOn = require('undici/lib/api/api-request') as (
  this: Dispatcher,
  options: Dispatcher.RequestOptions,
) => Promise<Dispatcher.ResponseData>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The default cap on one provider answer's body. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface UpstreamPool {
  fetch: Fetcher;
  /** Upstream requests actually sent. */
  readonly sent: number;
  close(): Promise<void>;
}

/** The body of an answer went beyond the pool's cap; it was not read further. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the response body is larger than ${limitBytes} bytes`);
    this.name = 'BodyTooLarge';
  }
}

export interface UpstreamPoolOptions {
  connections?: number;
  /** Longest wait for headers, and between body chunks, on any socket: a backstop under the callers' deadlines. */
  timeoutMs?: number;
  /** Largest body read from one answer (default DEFAULT_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

export function createUpstreamPool(options: UpstreamPoolOptions = {}): UpstreamPool {
  const timeout = options.timeoutMs ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const agent = new Agent({
    connections: options.connections ?? 64,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: timeout,
    bodyTimeout: timeout,
  });
  let sent = 0;

  const fetch: Fetcher = async (url: string, init: FetcherRequestInit = {}): Promise<FetcherResponse> => {
    sent++;
    const target = new URL(url);
    const response = await requestOn.call(agent, {
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init.headers,
      body: init.body,
      signal: init.signal as AbortSignal | undefined,
    });
    // A body cut short (or too large) is the provider's answer gone wrong, not a failed request:
    // the status and headers arrived, so it surfaces when the body is read (PROVIDER_BAD_RESPONSE).
    const body = await readCapped(response.body, response.headers['content-length'], maxBodyBytes);
    return new BufferedResponse(url, response.statusCode, response.headers, body);
  };

  return {
    fetch,
    get sent() {
      return sent;
    },
    close: () => agent.close(),
  };
}

type Body = AsyncIterable<Buffer> & { destroy(error?: Error): unknown };

async function readCapped(body: Body, contentLength: string | string[] | undefined, limit: number): Promise<string | Error> {
  if (typeof contentLength === 'string' && Number(contentLength) > limit) {
    body.destroy();
    return new BodyTooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > limit) {
        body.destroy();
        return new BodyTooLargeError(limit);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
