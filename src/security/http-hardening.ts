/**
 * Browser-facing HTTP hardening: helmet's security headers everywhere, and CORS on /graphql for
 * the configured origins (plus Apollo Studio's Sandbox in development), every preflight answered
 * before the key check and the rate limiter.
 *
 * Content-Security-Policy: everything but /graphql gets helmet's strict default. /graphql serves
 * JSON (which CSP does not govern) and Apollo's landing page, which carries its own nonce-based
 * CSP in a meta tag. In development that page embeds the Sandbox and the header is left off; in
 * production the header allows only what the production landing page loads. Browsers enforce
 * both policies, so the header's 'unsafe-inline' does not loosen the meta tag's nonce rule.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import type { Express } from 'express';
import helmet from 'helmet';
import { APOLLO_SANDBOX_ORIGIN, type SecurityConfig } from './security-config';

const LANDING_PAGE_CDN = 'https://apollo-server-landing-page.cdn.apollographql.com';

const PRODUCTION_GRAPHQL_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'", "'unsafe-inline'", LANDING_PAGE_CDN],
    styleSrc: ["'unsafe-inline'", LANDING_PAGE_CDN, 'https://fonts.googleapis.com'],
    fontSrc: ['https://fonts.gstatic.com'],
    imgSrc: [LANDING_PAGE_CDN],
    manifestSrc: [LANDING_PAGE_CDN],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
};

export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

export function corsOrigins(security: SecurityConfig): Set<string> {
  return new Set(security.production ? security.corsOrigins : [...security.corsOrigins, APOLLO_SANDBOX_ORIGIN]);
}

/** A connect-style middleware (helmet, cors) run on a plain node request; true when it passed the request on. */
type ConnectMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

function passes(middleware: ConnectMiddleware, req: IncomingMessage, res: ServerResponse): boolean {
  let passed = false;
  // helmet and cors decide synchronously here (the origin callback below is synchronous).
  middleware(req, res, () => {
    passed = true;
  });
  return passed;
}

/** helmet's headers, with its strict CSP, on the routes Express serves (every one but /graphql). */
export function applyHttpHardening(app: Express): void {
  app.use(helmet());
}

/**
 * Headers and CORS for /graphql (server/graphql-endpoint.ts): helmet's headers, the CSP described
 * above, CORS for the configured origins, and every preflight answered here, before the key check
 * and the rate limiter. Returns false when the request has been answered (a preflight).
 */
export function graphqlHttpHardening(security: SecurityConfig): (req: IncomingMessage, res: ServerResponse) => boolean {
  const headers = helmet({ contentSecurityPolicy: security.production ? PRODUCTION_GRAPHQL_CSP : false }) as unknown as ConnectMiddleware;
  const allowed = corsOrigins(security);
  const corsHeaders = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  }) as ConnectMiddleware;

  return (req, res) => {
    passes(headers, req, res);
    if (!passes(corsHeaders, req, res)) return false;
    if (req.method !== 'OPTIONS') return true;
    // cors answers an allowed origin's preflight itself and passes the others on; answer those here
    // too (without CORS headers, so the browser refuses): a preflight never carries a key, and must
    // not spend anyone's tokens.
    res.statusCode = 204;
    res.setHeader('Content-Length', '0');
    res.end();
    return false;
  };
}
