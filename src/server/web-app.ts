/**
 * Serves the built reference inbox (web/dist) at `/`, beside /graphql, with serve-static (Express's
 * own): paths are resolved inside the root only (`..` and encoded escapes refused), dotfiles are
 * ignored, content types come from the file extension, and conditional requests get 304s.
 *
 * Caching: Vite names every file under assets/ by its content hash, so those are cached for a
 * year as immutable; index.html (which names the current hashes) is revalidated on every load.
 *
 * Headers: helmet's like every Express route, with a CSP for the app: scripts, styles, fonts and
 * connections from this origin only (so /graphql and its WebSocket), images also from data: URLs,
 * no framing, no plugins. Without helmet's `upgrade-insecure-requests`, so the app also loads over
 * plain http on a LAN address (Chromium upgrades every subresource of such a page otherwise).
 */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';

/** Where `npm run build -w web` writes the app, relative to the package root (npm start's cwd). */
export const DEFAULT_WEB_ROOT = join('web', 'dist');

const YEAR_SECONDS = 365 * 24 * 60 * 60;

export function webAppBuilt(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

export function mountWebApp(app: Express, root: string): void {
  const absoluteRoot = resolve(root);
  const assetsDir = join(absoluteRoot, 'assets') + sep;
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
  });
  const files = express.static(absoluteRoot, {
    index: 'index.html',
    dotfiles: 'ignore',
    redirect: false,
    fallthrough: true,
    setHeaders(res, path) {
      res.setHeader('Cache-Control', path.startsWith(assetsDir) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache');
    },
  });
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    headers(req, res, (error?: unknown) => (error ? next(error) : files(req, res, next)));
  });
}
