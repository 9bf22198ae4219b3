/**
 * A gateway loads only the libraries its configuration uses (issue #20: every loaded module's
 * source stays in the heap): on the embedded SQLite store without Redis, the compiled gateway never
 * loads `pg` or `ioredis`, reads JWTs through jose's `jose/jwt/decode` entry point, not the
 * package root (every JWS/JWE/JWK module), and takes only undici's pool and request method, not its
 * index (fetch, WebSocket, caches, mocks); without federation traces (production's default) it never
 * loads Apollo's trace protobuf; node-fetch's `whatwg-url` and graphql-jit's `fast-json-stringify`
 * are the stand-ins in vendor/ (package.json overrides), so neither tr46's Unicode table nor ajv is
 * loaded; and the served subgraph is built from subgraph.generated.ts, so Apollo's federation
 * composition library (@apollo/federation-internals) is not loaded either. Checked on the compiled
 * server in its own process, whose `require.cache` a preload script writes out when the process exits.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileGateway, startGatewayProcess, type CompiledGateway } from './gateway-process';

const API_KEYS = JSON.stringify([{ name: 'crm', key: 'lg_crm_8f3a91c2d7e64b0f9a5c1e7d3b2a6f40', scopes: ['leads:read', 'leads:write'] }]);
/** A JWT-shaped static token that expires in 2286: start-up decodes it (assertStaticTokenUnexpired). */
const KEYSPOT_API_TOKEN = `e30.${Buffer.from(JSON.stringify({ exp: 9_999_999_999 })).toString('base64url')}.sig`;

let build: CompiledGateway;
let dir: string;
beforeAll(() => {
  build = compileGateway();
  dir = mkdtempSync(join(tmpdir(), 'leadgraph-loaded-modules-'));
}, 120_000);
afterAll(() => {
  build?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The files a gateway process had loaded (its require.cache) when it exited. */
async function filesLoaded(env: Record<string, string>): Promise<string[]> {
  const preload = join(dir, 'list-modules.js');
  const list = join(dir, 'modules.json');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`,
  );
  const gateway = startGatewayProcess(build.main, { ...env, NODE_OPTIONS: `--require ${preload}` });
  try {
    const url = await gateway.listening();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  } finally {
    expect(await gateway.stop()).toBe(0);
  }
  return JSON.parse(readFileSync(list, 'utf8')) as string[];
}

/** The package a loaded file belongs to, if any. */
const packageOf = (file: string): string | undefined => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];

test('a gateway on SQLite without Redis loads neither pg nor ioredis nor the trace protobuf, only jose’s JWT decoding and undici’s pool', async () => {
  const files = await filesLoaded({
    NODE_ENV: 'production',
    API_KEYS,
    KEYSPOT_BASE_URL: 'http://127.0.0.1:9',
    KEYSPOT_API_TOKEN,
    TESSELYS_BASE_URL: 'http://127.0.0.1:9',
    TESSELYS_ACCESS_TOKEN: 'a',
    TESSELYS_COMPANY_TOKEN: 'b',
  });
  const packages = new Set(files.map(packageOf));
  // The list is the real one (an empty list would pass everything below).
  expect(packages).toContain('better-sqlite3');
  expect([...packages].filter((name) => name === 'pg' || name?.startsWith('pg-') || name === 'ioredis')).toEqual([]);
  expect([...packages].filter((name) => name === '@apollo/usage-reporting-protobuf' || name === '@apollo/protobufjs')).toEqual([]);
  const jose = files.filter((file) => packageOf(file) === 'jose');
  expect(jose.some((file) => file.endsWith('/util/decode_jwt.js'))).toBe(true);
  expect(jose.filter((file) => /\/jose\/dist\/node\/cjs\/index\.js$/.test(file))).toEqual([]);
  const undici = files.filter((file) => packageOf(file) === 'undici');
  expect(undici.some((file) => file.endsWith('/lib/dispatcher/agent.js'))).toBe(true);
  expect(undici.filter((file) => /\/undici\/(index\.js|lib\/web\/)/.test(file))).toEqual([]);
  expect([...packages].filter((name) => ['tr46', 'whatwg-url', 'fast-json-stringify', 'ajv'].includes(name ?? ''))).toEqual([]);
  expect(packages).toContain('@apollo/subgraph');
  expect(packages).not.toContain('@apollo/federation-internals');
  expect(files.filter((file) => /\/vendor\/(whatwg-url-builtin|fast-json-stringify-unused)\/index\.js$/.test(file))).toHaveLength(2);
});
