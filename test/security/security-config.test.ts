/**
 * Start-up rules for the security variables: production refuses to run open unless told to, an
 * open gateway says so loudly, and each bad variable is one line that names it and never echoes a
 * key.
 */
import { ConfigError, loadConfig } from '../../src/config/gateway-config';
import { PROVIDER_MODULES } from '../../src/providers/registry';
import { ApiKeyRegistry, parseApiKeys, presentedKey } from '../../src/security/api-keys';
import { startTestStack } from '../support/test-stack';
import { API_KEYS, CRM_KEY, REPORTING_KEY, sha256Hex, SITE_KEY } from './security-harness';

const load = (env: Record<string, string>) => loadConfig(env as NodeJS.ProcessEnv, PROVIDER_MODULES);

function problemsOf(env: Record<string, string>): string[] {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    for (const value of [CRM_KEY, SITE_KEY, REPORTING_KEY, sha256Hex(REPORTING_KEY), 'short-key-1', 'lg_crm_8f3a91c2'])
      expect((error as ConfigError).message).not.toContain(value);
    return problems;
  }
  throw new Error('expected a ConfigError');
}

describe('production without API keys', () => {
  test('refuses to start, with one ConfigError line naming API_KEYS and ALLOW_ANONYMOUS', async () => {
    const error = await startTestStack({ env: { NODE_ENV: 'production' } }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^API_KEYS is required in production.*ALLOW_ANONYMOUS=true/)]);
  });

  test('starts open with ALLOW_ANONYMOUS=true, and warns loudly', async () => {
    const stack = await startTestStack({ env: { NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true' } });
    try {
      const res = await stack.gql('{ providers { provider } }');
      expect(res.status).toBe(200);
      const warning = stack.logs.records().find((r) => String(r.msg).startsWith('OPEN GATEWAY'));
      expect(warning).toMatchObject({ level: 40, allowAnonymous: true, production: true });
    } finally {
      await stack.close();
    }
  });

  test('API keys are enough', () => {
    expect(load({ NODE_ENV: 'production', API_KEYS, LEADGRAPH_DEMO: '1' }).security.apiKeys.map((k) => k.name)).toEqual([
      'crm',
      'reporting',
      'site',
    ]);
  });
});

test('outside production, no keys means open, with the same warning', async () => {
  const stack = await startTestStack({ env: { NODE_ENV: 'development' } });
  try {
    expect(stack.logs.records().some((r) => r.level === 40 && String(r.msg).startsWith('OPEN GATEWAY'))).toBe(true);
    expect((await stack.gql('{ providers { provider } }')).status).toBe(200);
  } finally {
    await stack.close();
  }
});

describe('bad variables: one line each, naming it, never a key', () => {
  test.each([
    ['not JSON', '[{"name":', /^API_KEYS: is not valid JSON$/],
    ['not an array', JSON.stringify({ name: 'crm', key: CRM_KEY }), /^API_KEYS: must be a JSON array/],
    [
      'a short key',
      JSON.stringify([{ name: 'crm', key: 'short-key-1', scopes: ['leads:read'] }]),
      /entry 1 \("crm"\) has a key shorter than 16/,
    ],
    [
      'key and sha256',
      JSON.stringify([{ name: 'crm', key: CRM_KEY, sha256: sha256Hex(CRM_KEY), scopes: ['leads:read'] }]),
      /exactly one of key or sha256/,
    ],
    [
      'a key with a space',
      JSON.stringify([{ name: 'crm', key: 'lg_crm_8f3a91c2 d7e64b0f9a5c1e7d', scopes: ['leads:read'] }]),
      /entry 1 \("crm"\) has a key with characters other than printable ASCII/,
    ],
    [
      'a non-ASCII key',
      JSON.stringify([{ name: 'crm', key: 'lg_crm_8f3a91c2é7e64b0f9a5c1e7d', scopes: ['leads:read'] }]),
      /entry 1 \("crm"\) has a key with characters other than printable ASCII/,
    ],
    [
      'a key with a control character',
      JSON.stringify([{ name: 'crm', key: 'lg_crm_8f3a91c2\u0007d7e64b0f9a5c1e7d', scopes: ['leads:read'] }]),
      /entry 1 \("crm"\) has a key with characters other than printable ASCII/,
    ],
    ['a bad sha256', JSON.stringify([{ name: 'crm', sha256: 'abc', scopes: ['leads:read'] }]), /sha256 that is not 64 hex digits/],
    ['an unknown scope', JSON.stringify([{ name: 'crm', key: CRM_KEY, scopes: ['leads:delete'] }]), /needs scopes/],
    ['no scopes', JSON.stringify([{ name: 'crm', key: CRM_KEY, scopes: [] }]), /needs scopes/],
    ['no name', JSON.stringify([{ key: CRM_KEY, scopes: ['leads:read'] }]), /entry 1 needs a name/],
    [
      'a repeated name',
      JSON.stringify([
        { name: 'crm', key: CRM_KEY, scopes: ['leads:read'] },
        { name: 'crm', key: SITE_KEY, scopes: ['leads:read'] },
      ]),
      /entry 2 \("crm"\) repeats a name/,
    ],
    [
      'the same key twice (once as its sha256)',
      JSON.stringify([
        { name: 'crm', key: CRM_KEY, scopes: ['leads:read'] },
        { name: 'copy', sha256: sha256Hex(CRM_KEY), scopes: ['leads:write'] },
      ]),
      /entry 2 \("copy"\) repeats the key/,
    ],
  ])('API_KEYS with %s', (_case, value, expected) => {
    const problems = problemsOf({ API_KEYS: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  test.each([
    ['ALLOW_ANONYMOUS', 'sometimes'],
    ['INTROSPECTION', 'yes please'],
    ['CORS_ORIGINS', 'https://app.example.com/path'],
    ['CORS_ORIGINS', '*'],
    ['BODY_LIMIT', '10gb'],
    ['BODY_LIMIT', '12'],
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['RATE_LIMIT_BURST', '0'],
    ['GRAPHQL_MAX_DEPTH', 'deep'],
    ['GRAPHQL_MAX_ALIASES', '1.5'],
    ['GRAPHQL_MAX_DIRECTIVES', 'x'],
    ['GRAPHQL_MAX_TOKENS', '5'],
    ['GRAPHQL_MAX_COST', '0'],
  ])('%s=%p', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.startsWith(name)).toBe(true);
    expect(problems[0]).not.toContain(value);
  });

  test('several bad variables: one line for each', () => {
    expect(problemsOf({ API_KEYS: 'nope', BODY_LIMIT: 'big', GRAPHQL_MAX_COST: 'many' })).toHaveLength(3);
  });
});

test('defaults and parsed values', () => {
  const defaults = load({}).security;
  expect(defaults).toMatchObject({
    production: false,
    apiKeys: [],
    corsOrigins: [],
    introspection: true,
    bodyLimitBytes: 100 * 1024,
    rateLimit: { perMinute: 600, burst: 300 },
    limits: { maxDepth: 8, maxAliases: 15, maxDirectives: 20, maxTokens: 1000, maxCost: 5000 },
  });
  expect(load({ NODE_ENV: 'production', ALLOW_ANONYMOUS: '1', LEADGRAPH_DEMO: '1' }).security.introspection).toBe(false);
  const custom = load({
    CORS_ORIGINS: ' https://app.example.com , http://localhost:5173/ ',
    BODY_LIMIT: '1mb',
    INTROSPECTION: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
  }).security;
  expect(custom).toMatchObject({
    corsOrigins: ['https://app.example.com', 'http://localhost:5173'],
    bodyLimitBytes: 1024 * 1024,
    introspection: false,
    rateLimit: { perMinute: 0 },
  });
});

describe('API key matching', () => {
  const registry = new ApiKeyRegistry(parseApiKeys(API_KEYS).entries);

  test('a key matches its entry, by key or by sha256, and nothing else does; every key is of the tenant default', async () => {
    expect(await registry.identify(CRM_KEY)).toMatchObject({ name: 'crm', tenant: 'default', anonymous: false });
    expect([...(await registry.identify(REPORTING_KEY))!.scopes]).toEqual(['leads:read']);
    expect(await registry.identify(SITE_KEY)).toMatchObject({ tenant: 'default', scopes: new Set(['leads:write']) });
    for (const guess of ['', ' ', CRM_KEY.toUpperCase(), `${CRM_KEY} `, sha256Hex(REPORTING_KEY), CRM_KEY.slice(1)])
      expect(await registry.identify(guess)).toBeUndefined();
  });

  test('the presented key: Bearer first, then x-api-key', () => {
    expect(presentedKey({ authorization: `Bearer ${CRM_KEY}` })).toBe(CRM_KEY);
    expect(presentedKey({ authorization: `BEARER   ${CRM_KEY}  ` })).toBe(CRM_KEY);
    expect(presentedKey({ 'x-api-key': ` ${SITE_KEY} ` })).toBe(SITE_KEY);
    expect(presentedKey({ authorization: `Bearer ${CRM_KEY}`, 'x-api-key': SITE_KEY })).toBe(CRM_KEY);
    expect(presentedKey({ authorization: `Basic ${CRM_KEY}`, 'x-api-key': SITE_KEY })).toBe(SITE_KEY);
    expect(presentedKey({ authorization: 'Bearer' })).toBeUndefined();
    expect(presentedKey({})).toBeUndefined();
  });
});
