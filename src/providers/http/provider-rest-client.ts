/**
 * The base of every provider's HTTP client: an Apollo RESTDataSource whose hooks turn each way a
 * provider can fail into one of DESIGN.md's error codes, with a message safe to show. Subclasses
 * add auth in `willSendRequest` and one method per endpoint, each naming its route template
 * (`send` / `probeOnce`): metric and log labels come only from those templates, never from
 * request data.
 *
 * A call runs: single-flight (GETs) → resilience policy → RESTDataSource → pool. Writes that
 * complete invalidate the single-flight, so later reads start fresh.
 */
import {
  RESTDataSource,
  type AugmentedRequest,
  type DataSourceRequest,
  type RequestDeduplicationPolicy,
  type RequestOptions,
} from '@apollo/datasource-rest';
import type { FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider.error';
import { providerMessageFrom } from '../../errors/sanitize';
import type { LeadProvider } from '../../leads/enums/lead-provider.enum';
import type { Logger } from '../../logging/logger';
import type { UpstreamObserver } from '../provider-adapter';
import { withDeadline } from '../resilience/attempt-deadline';
import type { ProviderPolicy } from '../resilience/provider-policy';
import { CallerGoneError, classifyFault, networkErrorCode, UpstreamTimeoutError } from '../resilience/upstream-fault';
import { deliveryForFault, deliveryForStatus } from './delivery';
import { LocalRequestError } from './local-request.error';
import { providerLogger } from './provider-logger';
import { retryAfterSeconds } from './retry-after';
import type { SingleFlight } from './single-flight';
import { BodyTooLargeError, type UpstreamPool } from './upstream-pool';

/** One endpoint of a provider, as metrics and logs name it, e.g. `GET /external/v1/leads/:id`. */
export interface UpstreamRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  template: string;
}

export function routeLabel(route: UpstreamRoute): string {
  return `${route.method} ${route.template}`;
}

/** The label of a request no route was declared for; a bug, but never a new metric series. */
const UNDECLARED_ROUTE = 'undeclared';

/** How long a readiness probe may take, in ms (one attempt, no retries). */
export const PROBE_TIMEOUT_MS = 1_000;

export interface ProviderRestClientOptions {
  provider: LeadProvider;
  baseURL: string;
  pool: UpstreamPool;
  /** The provider's shared resilience policies (deadline, retries, circuit breaker, bulkhead). */
  policy: ProviderPolicy;
  /** The provider connection's sharing of identical reads in flight; none when absent. */
  flights?: SingleFlight;
  logger: Logger;
  /** Process-wide metrics sink. */
  observer?: UpstreamObserver;
  /** Called once per request actually sent (for the per-operation upstream count). */
  onUpstreamCall?: () => void;
  /** Fires when the client that asked went away: its calls stop (shared reads go on for the others). */
  signal?: AbortSignal;
}

/** What a concrete client passes through from its module: everything but its own identity. */
export type ClientTransport = Omit<ProviderRestClientOptions, 'provider' | 'baseURL'>;

type RoutedRequest = DataSourceRequest & { route?: string };

export abstract class ProviderRestClient extends RESTDataSource {
  protected readonly provider: LeadProvider;
  private readonly baseLogger: Logger;
  private providerLog?: Logger;
  private readonly observer?: UpstreamObserver;
  private readonly onUpstreamCall?: () => void;
  private readonly policy: ProviderPolicy;
  private readonly flights?: SingleFlight;
  private readonly signal?: AbortSignal;

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
    this.flights = options.flights;
    this.signal = options.signal;
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

  /** One call to a declared route, through single-flight (GETs) and the policy; resolves to the parsed body. */
  protected async send<T = unknown>(route: UpstreamRoute, path: string, request: Omit<DataSourceRequest, 'method'> = {}): Promise<T> {
    const routed = { ...request, method: route.method, route: routeLabel(route) } as RoutedRequest;
    return (await this.fetch<T>(path, routed)).parsedBody;
  }

  /**
   * One attempt with its own short deadline, outside the policy: no retry, no bulkhead slot, and
   * it never counts towards the circuit breaker. For readiness probes, which must answer fast
   * and must not turn a probe's failure into an outage for requests.
   */
  protected async probeOnce<T = unknown>(
    route: UpstreamRoute,
    path: string,
    request: Omit<DataSourceRequest, 'method'> = {},
    timeoutMs = PROBE_TIMEOUT_MS,
  ): Promise<T> {
    const routed = { ...request, method: route.method, route: routeLabel(route) } as RoutedRequest;
    try {
      return (await withDeadline(timeoutMs, (signal) => super.fetch<T>(path, { ...routed, signal }))).parsedBody;
    } catch (error) {
      throw this.asCallError(error, route.method);
    }
  }

  // Paths start with "/" in provider docs; resolve them under baseURL so a base with a path prefix keeps it.
  protected override resolveURL(path: string, request: AugmentedRequest): URL {
    return super.resolveURL(path.replace(/^\//, ''), request) as URL;
  }

  /** No per-instance deduplication: the per-request DataLoader merges identical reads, SingleFlight the rest. */
  protected override requestDeduplicationPolicyFor(): RequestDeduplicationPolicy {
    return { policy: 'do-not-deduplicate' };
  }

  /** RESTDataSource's hook around each actual HTTP exchange: where metrics are taken. */
  protected override async trace<TResult>(_url: URL, request: RequestOptions, fn: () => Promise<TResult>): Promise<TResult> {
    this.onUpstreamCall?.();
    if (!this.observer) return fn();
    const started = performance.now();
    const route = (request as { route?: string }).route ?? UNDECLARED_ROUTE;
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
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw this.badResponse(error.message);
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
      (request as { route?: string }).route ?? UNDECLARED_ROUTE,
    );
  }

  /**
   * Every request goes through the provider's policies, each attempt with its own deadline
   * (`signal` reaches undici, which drops the socket when it fires); identical GETs in flight
   * share one call. Network failures, timeouts and our own errors never reach
   * throwIfResponseIsError: they are mapped here, once per call.
   */
  override async fetch<TResult>(path: string, request: DataSourceRequest = {}) {
    const method = request.method ?? 'GET';
    const idempotent = this.isIdempotent(method, path);
    const call = (signal: AbortSignal | undefined) =>
      this.policy.execute((attemptSignal) => super.fetch<TResult>(path, { ...request, signal: attemptSignal }), { idempotent, signal });
    try {
      if (method === 'GET' && this.flights) return await this.shared(this.flights, await this.flightKey(path, request), request, call);
      try {
        return await call(this.signal);
      } finally {
        // Whatever its outcome, a write may have changed what reads return: later reads start afresh.
        if (!idempotent) this.flights?.invalidate();
      }
    } catch (error) {
      throw this.asCallError(error, method);
    }
  }

  /** Whether sending this request twice is harmless. Reads are; a subclass may vouch for a POST that changes nothing. */
  protected isIdempotent(method: string, _path: string): boolean {
    return method === 'GET' || method === 'HEAD';
  }

  /** Joins (or starts) the shared call for this read; a join is logged at debug level (tests wait on it). */
  private shared<T>(flights: SingleFlight, key: string, request: DataSourceRequest, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const joinedBefore = flights.joined;
    const result = flights.run(key, this.signal, call);
    if (flights.joined !== joinedBefore && this.baseLogger.isLevelEnabled('debug'))
      this.log.debug({ route: (request as RoutedRequest).route ?? UNDECLARED_ROUTE }, 'joined an identical call in flight');
    return result;
  }

  /** The key identical reads share a call by: the URL as sent and every header (credentials included). */
  private async flightKey(path: string, request: DataSourceRequest): Promise<string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    const params =
      request.params instanceof URLSearchParams
        ? new URLSearchParams(request.params)
        : new URLSearchParams(Object.entries(request.params ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const augmented = { ...request, method: 'GET', params, headers } as AugmentedRequest;
    await this.willSendRequest?.(path, augmented);
    const url = this.resolveURL(path, augmented);
    for (const [name, value] of params) url.searchParams.append(name, value);
    return `${url.toString()}\n${JSON.stringify(augmented.headers)}`;
  }

  /** Maps what a call threw to what the client sees: a ProviderError, or a LocalRequestError (ours). */
  private asCallError(error: unknown, method: string): Error {
    if (error instanceof ProviderError || error instanceof LocalRequestError) return error;
    if (error instanceof UpstreamTimeoutError) {
      this.log.warn({ method, cause: 'timeout' }, 'upstream request failed');
      return new ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, this.provider, `${this.provider} did not answer in time.`, {
        delivery: error.delivery,
      });
    }
    if (error instanceof CallerGoneError) {
      this.log.info({ method }, 'upstream call abandoned: the client went away');
      return new ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, this.provider, `The request to ${this.provider} was cancelled.`, {
        delivery: error.delivery,
      });
    }
    const fault = classifyFault(error);
    const code = networkErrorCode(error);
    if (fault.kind === 'refused' || fault.kind === 'network') {
      this.log.warn({ method, cause: code }, 'upstream request failed');
      return new ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, this.provider, `${this.provider} could not be reached.`, {
        delivery: deliveryForFault(fault.kind),
      });
    }
    // Nothing left LeadGraph, or we cannot tell: our own error, never the provider's.
    this.log.error({ method, cause: code ?? (error as Error)?.name }, 'upstream request could not be made');
    return new LocalRequestError(this.provider, code);
  }

  protected errorForStatus(status: number, body: unknown, retryAfter: string | null, method: string, route: string): ProviderError {
    const providerMessage = providerMessageFrom(body);
    const code = codeForStatus(status);
    this.log.warn({ method, path: route, status, code }, 'upstream error');
    const said = providerMessage ? `: ${providerMessage}` : '.';
    const delivery = deliveryForStatus(status);
    switch (code) {
      case ErrorCode.PROVIDER_AUTH_FAILED:
        return new ProviderError(code, this.provider, `${this.provider} refused LeadGraph's credentials (HTTP ${status}).`, {
          upstreamStatus: status,
          delivery,
        });
      case ErrorCode.PROVIDER_RATE_LIMITED: {
        const seconds = retryAfterSeconds(retryAfter);
        return new ProviderError(code, this.provider, `${this.provider} is rate limiting LeadGraph; retry later.`, {
          upstreamStatus: status,
          delivery,
          ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}),
        });
      }
      case ErrorCode.PROVIDER_UNAVAILABLE:
        return new ProviderError(code, this.provider, `${this.provider} is unavailable (HTTP ${status}).`, {
          upstreamStatus: status,
          delivery,
        });
      default:
        return new ProviderError(code, this.provider, `${this.provider} rejected the request (HTTP ${status})${said}`, {
          upstreamStatus: status,
          delivery,
        });
    }
  }

  protected badResponse(what: string): ProviderError {
    this.log.warn({ code: ErrorCode.PROVIDER_BAD_RESPONSE, problem: what }, 'upstream bad response');
    return new ProviderError(ErrorCode.PROVIDER_BAD_RESPONSE, this.provider, `${this.provider} sent an unexpected response: ${what}.`, {
      delivery: 'sent',
    });
  }
}

/** 401: our credentials were refused. 403: accepted, but this action is forbidden (a rejection, with the provider's reason). */
function codeForStatus(status: number) {
  if (status === 401) return ErrorCode.PROVIDER_AUTH_FAILED;
  if (status === 429) return ErrorCode.PROVIDER_RATE_LIMITED;
  if (status >= 500) return ErrorCode.PROVIDER_UNAVAILABLE;
  return ErrorCode.PROVIDER_REJECTED;
}
