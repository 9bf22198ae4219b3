/**
 * The base of every provider's HTTP client: an Apollo RESTDataSource whose hooks turn each way a
 * provider can fail into one of DESIGN.md's error codes, with a message safe to show. Subclasses
 * add auth in `willSendRequest` and one method per endpoint.
 */
import { RESTDataSource, type AugmentedRequest, type RequestDeduplicationPolicy, type RequestOptions } from '@apollo/datasource-rest';
import type { FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider.error';
import { providerMessageFrom } from '../../errors/sanitize';
import type { LeadProvider } from '../../leads/enums/lead-provider.enum';
import type { Logger } from '../../logging/logger';
import type { UpstreamObserver } from '../provider-adapter';
import type { ProviderPolicy } from '../resilience/provider-policy';
import { networkErrorCode, UpstreamTimeoutError } from '../resilience/upstream-fault';
import { providerLogger } from './provider-logger';
import type { UpstreamPool } from './upstream-pool';
import { retryAfterSeconds } from './retry-after';

export interface ProviderRestClientOptions {
  provider: LeadProvider;
  baseURL: string;
  pool: UpstreamPool;
  /** The provider's shared resilience policies (deadline, retries, circuit breaker, bulkhead). */
  policy: ProviderPolicy;
  logger: Logger;
  /** Process-wide metrics sink. */
  observer?: UpstreamObserver;
  /** Called once per request actually sent (for the per-operation upstream count). */
  onUpstreamCall?: () => void;
}

/** What a concrete client passes through from its module: everything but its own identity. */
export type ClientTransport = Omit<ProviderRestClientOptions, 'provider' | 'baseURL'>;

export abstract class ProviderRestClient extends RESTDataSource {
  protected readonly provider: LeadProvider;
  private readonly baseLogger: Logger;
  private providerLog?: Logger;
  private readonly observer?: UpstreamObserver;
  private readonly onUpstreamCall?: () => void;
  private readonly policy: ProviderPolicy;

  constructor(options: ProviderRestClientOptions) {
    super({ fetch: options.pool.fetch });
    // Providers send no cache headers and leads must be fresh: skip RESTDataSource's HTTP cache
    // (and its per-request policy bookkeeping) and go straight to the pool.
    const poolFetch = options.pool.fetch;
    this.httpCache = {
      fetch: async (url: URL, init: FetcherRequestInit) => ({ response: await poolFetch(url.toString(), init) }),
    } as never;
    this.provider = options.provider;
    this.policy = options.policy;
    this.observer = options.observer;
    this.onUpstreamCall = options.onUpstreamCall;
    this.baseLogger = options.logger;
    this.baseURL = options.baseURL.endsWith('/') ? options.baseURL : `${options.baseURL}/`;
  }

  /**
   * Bound to the provider on first use: a client lives for one request and most never log, while a
   * child logger (with its redacted bindings) costs on every request that makes one.
   */
  protected get log(): Logger {
    return (this.providerLog ??= providerLogger(this.baseLogger, this.provider));
  }

  // Paths start with "/" in provider docs; resolve them under baseURL so a base with a path prefix keeps it.
  protected override resolveURL(path: string, request: AugmentedRequest): URL {
    return super.resolveURL(path.replace(/^\//, ''), request) as URL;
  }

  /**
   * No per-instance deduplication: the per-request DataLoader already merges identical reads, and
   * the pool shares identical GETs in flight across requests. RESTDataSource's own would deep-clone
   * every parsed body for nothing.
   */
  protected override requestDeduplicationPolicyFor(): RequestDeduplicationPolicy {
    return { policy: 'do-not-deduplicate' };
  }

  /** RESTDataSource's per-request hook around the actual HTTP exchange: where metrics are taken. */
  protected override async trace<TResult>(url: URL, request: RequestOptions, fn: () => Promise<TResult>): Promise<TResult> {
    this.onUpstreamCall?.();
    if (!this.observer) return fn();
    const started = performance.now();
    const route = `${request.method ?? 'GET'} ${this.pathTemplate(url.pathname)}`;
    let status = 'network';
    try {
      const result = await fn();
      status = String((result as { response?: FetcherResponse }).response?.status ?? 'unknown');
      return result;
    } catch (error) {
      if (error instanceof ProviderError) status = String(error.details.upstreamStatus ?? 'bad_response');
      throw error;
    } finally {
      this.observer.upstream(this.provider, route, status, (performance.now() - started) / 1000);
    }
  }

  /** Bodies must be JSON: anything else is the provider breaking its contract. */
  protected override async parseBody(response: FetcherResponse): Promise<object | string> {
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw this.badResponse('the response body was cut short');
    }
    if (text.length === 0) return '';
    const contentType = response.headers.get('content-type') ?? '';
    if (!/json/i.test(contentType)) {
      if (!response.ok) return text;
      throw this.badResponse(`expected JSON, got ${contentType.split(';')[0] || 'no content type'}`);
    }
    try {
      return JSON.parse(text) as object;
    } catch {
      if (!response.ok) return text;
      throw this.badResponse('the response body is not valid JSON');
    }
  }

  protected override async throwIfResponseIsError(options: {
    url: URL;
    request: RequestOptions;
    response: FetcherResponse;
    parsedBody: unknown;
  }): Promise<void> {
    const { response, parsedBody, request } = options;
    if (response.ok) return;
    throw this.errorForStatus(
      response.status,
      parsedBody,
      response.headers.get('retry-after'),
      request.method ?? 'GET',
      options.url.pathname,
    );
  }

  /**
   * Every request goes through the provider's policies, each attempt with its own deadline
   * (`signal` reaches undici's fetch, which drops the socket when it fires). Network failures
   * and timeouts never reach throwIfResponseIsError: they are mapped here, once per call.
   */
  override async fetch<TResult>(path: string, request?: Parameters<RESTDataSource['fetch']>[1]) {
    const method = request?.method ?? 'GET';
    try {
      return await this.policy.execute((signal) => super.fetch<TResult>(path, { ...request, signal }), {
        idempotent: this.isIdempotent(method, path),
      });
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      const timedOut = error instanceof UpstreamTimeoutError;
      this.log.warn(
        { method, cause: timedOut ? 'timeout' : (networkErrorCode(error) ?? (error as Error).name) },
        'upstream request failed',
      );
      const message = timedOut ? `${this.provider} did not answer in time.` : `${this.provider} could not be reached.`;
      throw new ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, this.provider, message);
    }
  }

  /** Whether sending this request twice is harmless. Reads are; a subclass may vouch for a POST that changes nothing. */
  protected isIdempotent(method: string, _path: string): boolean {
    return method === 'GET' || method === 'HEAD';
  }

  protected errorForStatus(status: number, body: unknown, retryAfter: string | null, method: string, path: string): ProviderError {
    const providerMessage = providerMessageFrom(body);
    const code = codeForStatus(status);
    this.log.warn({ method, path: this.pathTemplate(path), status, code }, 'upstream error');
    const said = providerMessage ? `: ${providerMessage}` : '.';
    switch (code) {
      case ErrorCode.PROVIDER_AUTH_FAILED:
        return new ProviderError(code, this.provider, `${this.provider} refused LeadGraph's credentials (HTTP ${status}).`, {
          upstreamStatus: status,
        });
      case ErrorCode.PROVIDER_RATE_LIMITED: {
        const seconds = retryAfterSeconds(retryAfter);
        return new ProviderError(code, this.provider, `${this.provider} is rate limiting LeadGraph; retry later.`, {
          upstreamStatus: status,
          ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}),
        });
      }
      case ErrorCode.PROVIDER_UNAVAILABLE:
        return new ProviderError(code, this.provider, `${this.provider} is unavailable (HTTP ${status}).`, { upstreamStatus: status });
      default:
        return new ProviderError(code, this.provider, `${this.provider} rejected the request (HTTP ${status})${said}`, {
          upstreamStatus: status,
        });
    }
  }

  protected badResponse(what: string): ProviderError {
    this.log.warn({ code: ErrorCode.PROVIDER_BAD_RESPONSE, problem: what }, 'upstream bad response');
    return new ProviderError(ErrorCode.PROVIDER_BAD_RESPONSE, this.provider, `${this.provider} sent an unexpected response: ${what}.`);
  }

  /** Ids in paths are not secrets, but logging templates keeps log cardinality low. */
  protected pathTemplate(path: string): string {
    return path.replace(/\/[a-z0-9]{20,}(?=\/|$)/gi, '/:id');
  }
}

function codeForStatus(status: number) {
  if (status === 401 || status === 403) return ErrorCode.PROVIDER_AUTH_FAILED;
  if (status === 429) return ErrorCode.PROVIDER_RATE_LIMITED;
  if (status >= 500) return ErrorCode.PROVIDER_UNAVAILABLE;
  return ErrorCode.PROVIDER_REJECTED;
}
