/**
 * Browser-facing HTTP hardening for the whole app: helmet's security headers, and CORS on
 * /graphql for the configured origins (plus Apollo Studio's Sandbox in development), every
 * preflight answered here, before the key check and the rate limiter.
 *
 * Content-Security-Policy: everything but /graphql gets helmet's strict default. /graphql serves
 * JSON (which CSP does not govern) and Apollo's landing page, which carries its own nonce-based
 * CSP in a meta tag. In development that page embeds the Sandbox and the header is left off; in
 * production the header allows only what the production landing page loads. Browsers enforce
 * both policies, so the header's 'unsafe-inline' does not loosen the meta tag's nonce rule.
 */
import cors from 'cors';
import type { Express, RequestHandler } from 'express';
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

export function applyHttpHardening(app: Express, security: SecurityConfig): void {
  const strictCsp = helmet.contentSecurityPolicy();
  const graphqlCsp: RequestHandler | undefined = security.production ? helmet.contentSecurityPolicy(PRODUCTION_GRAPHQL_CSP) : undefined;
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use((req, res, next) => {
    const onGraphql = req.path === '/graphql' || req.path.startsWith('/graphql/');
    const csp = onGraphql ? graphqlCsp : strictCsp;
    if (csp) csp(req, res, next);
    else next();
  });

  const allowed = corsOrigins(security);
  app.use(
    '/graphql',
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    }),
  );
  // cors answers an allowed origin's preflight itself and passes the others on; answer those here
  // too (without CORS headers, so the browser refuses), before the key check and the rate limiter:
  // a preflight never carries a key, and must not spend anyone's tokens.
  app.use('/graphql', (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    res.status(204).setHeader('Content-Length', '0');
    res.end();
  });
}
