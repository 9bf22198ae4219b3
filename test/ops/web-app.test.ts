/**
 * The reference inbox served at `/` beside /graphql (src/server/web-app.ts), over real HTTP from a
 * web root made here (an index.html and a hashed asset, as Vite writes them): content types,
 * caching, the app's CSP, nothing outside the root, and when it is served at all (development and
 * demo when built; production only with SERVE_WEB=true, which then requires the build).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { ConfigError } from '../../src/config/gateway-config';
import { startGateway, type RunningGateway } from '../../src/server/gateway';
import { captureLogs } from '../support/log-capture';
import { scratchStoreEnv } from '../support/test-database';

const API_KEYS = JSON.stringify([{ name: 'crm', key: 'lg_web_8f3a91c2d7e64b0f9a5c1e7d3b2a6f40', scopes: ['leads:read'] }]);
let webRoot: string;

beforeAll(() => {
  webRoot = mkdtempSync(join(tmpdir(), 'leadgraph-webroot-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(
    join(webRoot, 'index.html'),
    '<!doctype html><title>inbox</title><script type="module" src="/assets/index-AbC123.js"></script>',
  );
  writeFileSync(join(webRoot, 'assets', 'index-AbC123.js'), 'console.log("inbox");');
  writeFileSync(join(webRoot, 'assets', 'index-AbC123.css'), 'body{}');
  writeFileSync(join(webRoot, '.env'), 'DOTFILE-CONTENT');
  writeFileSync(join(tmpdir(), 'leadgraph-outside.txt'), 'OUTSIDE-CONTENT');
});
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

function start(env: Record<string, string>): Promise<RunningGateway> {
  return startGateway({ env: { LEADGRAPH_DEMO: '1', ...scratchStoreEnv(), ...env }, port: 0, logger: captureLogs().logger, webRoot });
}

/** A raw GET, so the path and headers reach the server exactly as written (fetch normalizes `..`). */
function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('development', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await start({ NODE_ENV: 'development' });
  });
  afterAll(() => gateway?.close());

  test('`/` is the app: HTML revalidated on every load, with a CSP that allows only this origin', async () => {
    const page = await fetch(`${gateway.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('/assets/index-AbC123.js');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|upgrade-insecure-requests/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(gateway.servesWebApp).toBe(true);
  });

  test('hashed assets are cached for a year as immutable, with their content types; a repeat is a 304', async () => {
    const script = await fetch(`${gateway.url}/assets/index-AbC123.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = script.headers.get('etag')!;
    // (fetch adds `cache-control: no-cache` to a conditional request, which forbids a 304.)
    expect((await rawGet(gateway.url, '/assets/index-AbC123.js', { 'if-none-match': etag })).status).toBe(304);
    expect((await fetch(`${gateway.url}/assets/index-AbC123.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  test.each([
    '/../leadgraph-outside.txt',
    '/assets/../../leadgraph-outside.txt',
    '/assets/..%2f..%2fleadgraph-outside.txt',
    '/%2e%2e/leadgraph-outside.txt',
    '/.env',
    '/assets/missing.js',
  ])('nothing outside the root, no dotfile, no missing file: %s', async (path) => {
    const answer = await rawGet(gateway.url, path);
    expect([403, 404]).toContain(answer.status);
    expect(answer.body).not.toMatch(/OUTSIDE-CONTENT|DOTFILE-CONTENT/);
  });

  test('/graphql, /healthz and a POST to / are not the app', async () => {
    expect((await fetch(`${gateway.url}/healthz`)).headers.get('content-type')).toMatch(/json/);
    const graphql = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(`${gateway.url}/`, { method: 'POST' })).status).toBe(404);
  });
});

test('production does not serve the app unless SERVE_WEB=true', async () => {
  const gateway = await start({ NODE_ENV: 'production', API_KEYS });
  try {
    expect(gateway.servesWebApp).toBe(false);
    expect((await fetch(`${gateway.url}/`)).status).toBe(404);
  } finally {
    await gateway.close();
  }
  const serving = await start({ NODE_ENV: 'production', API_KEYS, SERVE_WEB: 'true' });
  try {
    expect((await fetch(`${serving.url}/`)).status).toBe(200);
  } finally {
    await serving.close();
  }
});

test('SERVE_WEB=true without a build stops start-up, naming the variable; a bad value too', async () => {
  const missing = startGateway({
    env: { LEADGRAPH_DEMO: '1', SERVE_WEB: 'true', ...scratchStoreEnv() },
    port: 0,
    logger: captureLogs().logger,
    webRoot: join(webRoot, 'nowhere'),
  });
  await expect(missing).rejects.toThrow(ConfigError);
  await expect(missing).rejects.toThrow(/SERVE_WEB=true but the inbox is not built .*: run npm run build:web$/);
  await expect(start({ SERVE_WEB: 'yes' })).rejects.toThrow(/SERVE_WEB must be true or false/);
});
