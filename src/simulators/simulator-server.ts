/**
 * The HTTP shell every provider simulator runs in: it routes, parses JSON bodies, records each
 * request in the counters, applies latency and armed faults, then lets the provider's handler
 * answer. Provider folders only describe their routes; this keeps fault behaviour identical
 * across providers and out of their business logic.
 */
import { once, setMaxListeners } from 'node:events';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import express, { type Request, type Response } from 'express';
import { FaultInjector, type Fault, type RouteKey } from './fault-injector';
import { RequestCounters, type RecordedRequest } from './request-counters';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface SimRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface SimReply {
  status: number;
  /** Serialised as JSON; omitted for an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SimRoute {
  method: HttpMethod;
  /** Express path, e.g. `/external/v1/leads/:id`. The route key is `"<method> <path>"`. */
  path: string;
  handle(request: SimRequest): SimReply | Promise<SimReply>;
}

export interface SimulatorServerOptions {
  routes: SimRoute[];
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: simulators never listen beyond loopback unless asked. */
  host?: string;
  /**
   * Mount the fault and counter control API under `/__control` (off by default: it lets any
   * caller break the simulator). Extra provider routes can join it, e.g. token lifetime.
   */
  control?: boolean;
  controlRoutes?: SimRoute[];
}

export interface SimulatorServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  faults: FaultInjector;
  counters: RequestCounters;
  /** Stops listening and drops every open connection, hung ones included. */
  close(): Promise<void>;
}

export function routeKey(route: Pick<SimRoute, 'method' | 'path'>): RouteKey {
  return `${route.method} ${route.path}`;
}

/** The body providers answer for a request whose JSON could not be parsed. */
const MALFORMED_REQUEST_BODY = { statusCode: 400, error: 'Bad Request', message: 'Malformed JSON body' };

export async function startSimulatorServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const faults = new FaultInjector();
  const counters = new RequestCounters();
  // Aborted on close so a pending latency delay neither outlives the server nor keeps the process alive.
  const closing = new AbortController();
  // Every delayed request listens on this one signal: many at a time under load is expected.
  setMaxListeners(0, closing.signal);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  if (options.control) mountControl(app, faults, counters, options.controlRoutes ?? []);

  for (const route of options.routes) {
    const key = routeKey(route);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    app[method](route.path, async (req: Request, res: Response) => {
      const raw = await readBody(req);
      // The client went away mid-body: there is nobody left to answer.
      if (raw === undefined) return;
      let body: unknown;
      let bodyIsMalformed = false;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          bodyIsMalformed = true;
        }
      }
      const params = req.params as Record<string, string>;
      counters.record({ route: key, method: req.method, url: req.originalUrl, headers: { ...req.headers }, body, leadId: params.id });

      if (faults.latency > 0) {
        try {
          await delay(faults.latency, undefined, { signal: closing.signal });
        } catch {
          return; // closed while waiting; the connection is already gone
        }
      }
      try {
        const fault = faults.take(key);
        if (fault) return actOut(fault, res, faults);
        if (bodyIsMalformed) return send(res, { status: 400, body: MALFORMED_REQUEST_BODY });
        send(res, await route.handle({ params, query: req.query as Record<string, unknown>, body, headers: req.headers }));
      } catch {
        // Also covers a fault armed with headers Node refuses: the test sees a 500, not a stalled request.
        if (!res.headersSent) send(res, { status: 500, body: { statusCode: 500, message: 'Internal server error' } });
        else res.destroy();
      }
    });
  }
  app.use((req: Request, res: Response) => {
    send(res, { status: 404, body: { statusCode: 404, error: 'Not Found', message: `Cannot ${req.method} ${req.path}` } });
  });

  const server: Server = app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    port,
    faults,
    counters,
    async close() {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The raw body, or undefined when the client aborted before sending all of it. */
async function readBody(req: Request): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req) chunks.push(chunk as Buffer);
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, reply: SimReply): void {
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.body === undefined) {
    res.end();
    return;
  }
  const payload = JSON.stringify(reply.body);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(payload));
  res.end(payload);
}

function actOut(fault: Fault, res: ServerResponse, faults: FaultInjector): void {
  switch (fault.kind) {
    case 'status':
      return send(res, { status: fault.status, body: fault.body, headers: fault.headers });
    case 'hang':
      // Never answer; the connection is dropped when the client gives up or the simulator closes.
      res.on('close', () => faults.noteAbandoned());
      return;
    case 'trickle': {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.write('{"data":[');
      const timer = setInterval(() => res.write(' '), fault.intervalMs);
      res.on('close', () => {
        clearInterval(timer);
        faults.noteAbandoned();
      });
      return;
    }
    case 'malformed':
      return sendMalformed(res, fault.malform);
  }
}

function sendMalformed(res: ServerResponse, kind: Extract<Fault, { kind: 'malformed' }>['malform']): void {
  switch (kind) {
    case 'truncated': {
      const partial = '{"data":[{"id":"clx';
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(partial.length + 200) });
      // Destroy only once the partial chunk is flushed: destroying earlier can drop the headers too,
      // and the client would see a refused request instead of a body cut short.
      res.write(partial, () => res.destroy());
      return;
    }
    case 'invalid-json':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"data": [ this is not json');
      return;
    case 'wrong-content-type':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><h1>Service temporarily moved</h1></body></html>');
      return;
    case 'empty-object':
      send(res, { status: 200, body: {} });
      return;
  }
}

/**
 * `/__control` API, for driving a standalone simulator from another process (curl, a soak run):
 *   POST /__control/latency {ms}
 *   POST /__control/fail {status, body?, headers?, route?, count?}
 *   POST /__control/answer {body, status?=200, headers?, route?, count?}   a canned answer
 *   POST /__control/hang {route?, count?}
 *   POST /__control/trickle {route?, count?, intervalMs?}
 *   POST /__control/malform {kind, route?, count?}
 *   POST /__control/reset            faults and counters
 *   GET  /__control/counters         {total, byRoute, last}
 */
/** Credentials the caller sent are shown by name only: the control API may be reachable by others. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'x-company-token', 'x-api-key', 'cookie']);

function withoutCredentials(request: RecordedRequest | undefined): RecordedRequest | null {
  if (!request) return null;
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, CREDENTIAL_HEADERS.has(name) ? '[redacted]' : value]),
  );
  const body =
    request.body && typeof request.body === 'object' && 'clientSecret' in request.body
      ? { ...request.body, clientSecret: '[redacted]' }
      : request.body;
  return { ...request, headers, body };
}

function mountControl(app: express.Express, faults: FaultInjector, counters: RequestCounters, extra: SimRoute[]): void {
  const control = express.Router();
  // Room for a canned answer far past any provider limit (huge strings, oversized pages).
  control.use(express.json({ limit: '8mb' }));
  const guard = (handler: (body: Record<string, unknown>) => SimReply) => (req: Request, res: Response) => {
    try {
      send(res, handler((req.body ?? {}) as Record<string, unknown>));
    } catch (error) {
      send(res, { status: 400, body: { message: (error as Error).message } });
    }
  };
  const target = (b: Record<string, unknown>) => ({ route: b.route as string | undefined, count: b.count as number | undefined });
  control.post(
    '/latency',
    guard((b) => (faults.setLatency(Number(b.ms)), { status: 204 })),
  );
  control.post(
    '/fail',
    guard((b) => {
      faults.failNext({ ...target(b), status: Number(b.status), body: b.body, headers: b.headers as Record<string, string> | undefined });
      return { status: 204 };
    }),
  );
  control.post(
    '/answer',
    guard((b) => {
      const status = b.status === undefined ? undefined : Number(b.status);
      faults.answerNext({ ...target(b), status, body: b.body, headers: b.headers as Record<string, string> | undefined });
      return { status: 204 };
    }),
  );
  control.post(
    '/hang',
    guard((b) => (faults.hangNext(target(b)), { status: 204 })),
  );
  control.post(
    '/trickle',
    guard((b) => (faults.trickleNext({ ...target(b), intervalMs: b.intervalMs as number | undefined }), { status: 204 })),
  );
  control.post(
    '/malform',
    guard((b) => (faults.malformNext({ ...target(b), kind: b.kind as never }), { status: 204 })),
  );
  control.post(
    '/reset',
    guard(() => (faults.reset(), counters.reset(), { status: 204 })),
  );
  control.get(
    '/counters',
    guard(() => ({
      status: 200,
      body: { total: counters.count(), byRoute: counters.byRoute(), last: withoutCredentials(counters.last()) },
    })),
  );
  for (const route of extra) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    control[method](route.path, async (req: Request, res: Response) => {
      try {
        send(
          res,
          await route.handle({
            params: req.params as Record<string, string>,
            query: req.query as Record<string, unknown>,
            body: req.body,
            headers: req.headers,
          }),
        );
      } catch (error) {
        send(res, { status: 400, body: { message: (error as Error).message } });
      }
    });
  }
  // express.json() reports bad JSON through next(err); answer it as JSON instead of Express's HTML page.
  control.use((error: Error, _req: Request, res: Response, _next: express.NextFunction) => {
    send(res, { status: 400, body: { message: error.message } });
  });
  app.use('/__control', control);
}
