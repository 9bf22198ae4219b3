/**
 * /graphql on plain node:http, in front of Apollo Server. Everything else (health, readiness,
 * metrics, 404s) stays on Express.
 *
 * Why not Express here: issue #7 asked to measure the HTTP layer before switching. Through Express
 * (router, middleware chain, `res.send`) a `{ __typename }` cost the gateway 392–491 µs of CPU;
 * through this handler, 176–188 µs. Bench (b)'s list operation went from 1,396–1,504 to
 * 1,159–1,177 µs (two alternating runs each, CPU per request read from /proc, 20 connections).
 * The work is the same: request id, helmet's headers, CORS, API key and rate limit, body limit,
 * then Apollo's own HTTP handling (`executeHTTPGraphQLRequest`, as @as-integrations/express5 calls
 * it).
 *
 * This is a thin HTTP adapter: admission is the transport-neutral security pipeline
 * (security/security-pipeline.ts), the context comes from graphql/request-context.ts; what is left
 * here is HTTP itself (CORS, the body, the landing page, status codes, the disconnect signal).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { ErrorCode } from '../errors/error-codes';
import type { GatewayContext, RequestHeaders } from '../graphql/context';
import type { RequestContextFactory } from '../graphql/request-context';
import type { Logger } from '../logging/logger';
import { graphqlHttpHardening } from '../security/http-hardening';
import { sendRefusal } from '../security/http-refusal';
import type { SecurityConfig } from '../security/security-config';
import type { SecurityPipeline } from '../security/security-pipeline';
import { jsonBodyReader } from './json-body';
import { isLandingPageRequest } from './landing-page';
import { assignRequestId } from './request-id';

export interface GraphqlEndpointOptions {
  apollo: ApolloServer<GatewayContext>;
  security: SecurityConfig;
  /** Admission (key, rate limit): the same pipeline every transport runs. */
  pipeline: SecurityPipeline;
  /** The one request-context factory (graphql/request-context.ts). */
  context: RequestContextFactory;
  logger: Logger;
  /**
   * Aborted when the gateway stops waiting for in-flight work (shutdown): every request in flight
   * then stops its provider calls as if its client had gone, and answers with what it has.
   */
  stopping?: AbortSignal;
}

/**
 * The path of a request target: origin-form (`/graphql?x`) as is, absolute-form
 * (`http://host/graphql`, what forward proxies send) reduced to its path, as Express's parseurl does.
 */
function pathOf(url: string | undefined): string {
  const target = url ?? '/';
  if (target.startsWith('/')) return target.split('?', 1)[0]!;
  try {
    return new URL(target).pathname;
  } catch {
    return target;
  }
}

/** Whether a request is served by this endpoint: /graphql and below, any case, as Express matched it. */
export function isGraphqlPath(url: string | undefined): boolean {
  const path = pathOf(url).toLowerCase();
  return path === '/graphql' || path.startsWith('/graphql/');
}

export function graphqlEndpoint(options: GraphqlEndpointOptions) {
  const { apollo, logger, pipeline } = options;
  const harden = graphqlHttpHardening(options.security);
  const readBody = jsonBodyReader(options.security.bodyLimitBytes);
  /** Each request's abort controller until its response closes. */
  const inFlight = new Set<AbortController>();
  options.stopping?.addEventListener(
    'abort',
    () => {
      for (const controller of inFlight) controller.abort(options.stopping!.reason);
    },
    { once: true },
  );

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    if (!harden(req, res)) return;
    const admission = await pipeline.admit({
      headers: req.headers,
      remoteAddress: req.socket.remoteAddress,
      keyOptional: isLandingPageRequest(req),
      requestId,
    });
    if (!admission.admitted) {
      const { status, code, message, retryAfterSeconds } = admission.refusal;
      if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
      if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="leadgraph"');
      sendRefusal(res, requestId, status, code, message, retryAfterSeconds !== undefined ? { retryAfterSeconds } : {});
      return;
    }
    const read = await readBody(req, res, requestId);
    if (read.refused) return;

    const headers = new HeaderMap();
    const plainHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      const text = Array.isArray(value) ? value.join(', ') : value;
      headers.set(name, text);
      plainHeaders[name] = text;
    }
    // The client going away before its answer (a closed socket, an aborted fetch) stops its provider
    // work; so does the end of a shutdown's grace (`stopping`), so the answer goes out before the cut.
    const disconnected = new AbortController();
    inFlight.add(disconnected);
    if (options.stopping?.aborted) disconnected.abort(options.stopping.reason);
    res.once('close', () => {
      inFlight.delete(disconnected);
      if (!res.writableFinished) disconnected.abort(new Error('client disconnected'));
    });
    const url = req.url ?? '/';
    const searchStart = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: searchStart < 0 ? '' : url.slice(searchStart),
        body: read.body,
      },
      context: async () =>
        options.context({ requestId, caller: admission.caller, headers: plainHeaders as RequestHeaders, signal: disconnected.signal }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    // Apollo's landing page comes as bare text/html; Express used to add the charset, browsers want it.
    if (response.headers.get('content-type') === 'text/html') res.setHeader('content-type', 'text/html; charset=utf-8');
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const body = res.statusCode >= 400 ? withRequestId(response.body.string, requestId) : response.body.string;
      // Encoded once: measuring the string and then writing it would walk (and flatten) it twice.
      const bytes = Buffer.from(body, 'utf8');
      res.setHeader('content-length', bytes.length);
      res.end(bytes);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = assignRequestId(req, res);
    serve(req, res, requestId).catch((error: unknown) => {
      logger.error({ requestId, err: error }, 'graphql endpoint failed');
      if (res.headersSent) return void res.destroy();
      sendRefusal(res, requestId, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    });
  };
}

/**
 * Stamps the request id on errors Apollo raised before any operation existed (a batch, a body
 * without a query, CSRF, a GET mutation): no plugin hook sees those, so the operation observer,
 * which stamps every other error, cannot. Such answers are 4xx and small; the JSON is left as is
 * when it is not an error body.
 */
export function withRequestId(body: string, requestId: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const errors = (parsed as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return body;
  for (const error of errors as Array<{ extensions?: Record<string, unknown> } | null>) {
    if (error && typeof error === 'object') error.extensions = { ...error.extensions, requestId: error.extensions?.requestId ?? requestId };
  }
  return `${JSON.stringify(parsed)}\n`;
}
