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
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { ErrorCode } from '../errors/error-codes';
import type { Logger } from '../logging/logger';
import { graphqlGuards, type GuardDeps } from '../security/graphql-guards';
import { graphqlHttpHardening } from '../security/http-hardening';
import { sendRefusal } from '../security/http-refusal';
import type { Caller } from '../security/scopes';
import type { SecurityConfig } from '../security/security-config';
import { assignRequestId } from './request-id';

export interface GraphqlEndpointOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  security: SecurityConfig;
  logger: Logger;
  now?: GuardDeps['now'];
  /** Builds the operation context for an admitted request. */
  context(request: { requestId: string; caller: Caller | undefined }): Promise<TContext>;
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

export function graphqlEndpoint<TContext extends BaseContext>(options: GraphqlEndpointOptions<TContext>) {
  const { apollo, logger } = options;
  const harden = graphqlHttpHardening(options.security);
  const guards = graphqlGuards(options.security, { logger, now: options.now });

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    if (!harden(req, res)) return;
    const admission = guards.admit(req, res, requestId);
    if (admission.refused) return;
    const read = await guards.readBody(req, res, requestId);
    if (read.refused) return;

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '/';
    const searchStart = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: searchStart < 0 ? '' : url.slice(searchStart),
        body: read.body,
      },
      context: () => options.context({ requestId, caller: admission.caller }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    // Apollo's landing page comes as bare text/html; Express used to add the charset, browsers want it.
    if (response.headers.get('content-type') === 'text/html') res.setHeader('content-type', 'text/html; charset=utf-8');
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const body = res.statusCode >= 400 ? withRequestId(response.body.string, requestId) : response.body.string;
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(body);
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
