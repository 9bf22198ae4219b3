/**
 * Start-up configuration: which providers are on, when demo mode kicks in, and how a bad
 * environment is reported (one line per bad variable, naming it, never echoing a value).
 */
import { ConfigError, loadConfig } from '../../src/config/gateway-config';
import { PROVIDER_MODULES } from '../../src/providers/registry';
import { startGateway } from '../../src/server/gateway';
import { silentLogger } from '../../src/logging/logger';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrc19kZW1vIn0.c2lnbmF0dXJlLXZhbHVlLTEyMw';
const TESSELYS_ENV = {
  TESSELYS_BASE_URL: 'https://tesselys.example.test/api/',
  TESSELYS_ACCESS_TOKEN: 'tsl-access-7d1e0c9b',
  TESSELYS_COMPANY_TOKEN: 'tsl-company-51aa2f3e',
};
/** Production encrypts stored leads: every production configuration below carries a data key. */
const DATA_KEY_ENV = { LEADGRAPH_DATA_KEY: Buffer.alloc(32, 7).toString('base64') };
const KEYSPOT_CREDENTIALS_ENV = { KEYSPOT_CLIENT_ID: 'ks-client-4411', KEYSPOT_CLIENT_SECRET: 'ks-secret-88c2e7f0' };

const load = (env: Record<string, string>) => loadConfig(env as NodeJS.ProcessEnv, PROVIDER_MODULES);

function problemsOf(env: Record<string, string>): string[] {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    // The whole message goes to the console at start-up: no value set in the env may appear in it.
    for (const value of Object.values(env).filter((v) => v.length > 3)) {
      expect((error as ConfigError).message).not.toContain(value);
      for (const line of problems) expect(line).not.toContain(value);
    }
    return problems;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

function providerConfig(env: Record<string, string>, provider: string): unknown {
  return load(env).providers.find((p) => p.module.provider === provider)?.config;
}

describe('demo mode', () => {
  test('an empty environment runs the simulators: no provider configured', () => {
    const config = load({});
    expect(config).toMatchObject({
      demo: true,
      demoReason: 'no-provider-configured',
      providers: [],
      port: 4000,
      nodeEnv: 'development',
      logLevel: 'info',
      compileAfter: 2,
    });
  });

  test.each([
    ['0', 0],
    ['1', 1],
    [' 10 ', 10],
  ])('GRAPHQL_COMPILE_AFTER=%p', (text, value) => {
    expect(load({ GRAPHQL_COMPILE_AFTER: text }).compileAfter).toBe(value);
  });

  test.each([
    [undefined, true],
    ['1', true],
    ['0', false],
    ['false', false],
  ])('GRAPHQL_SHARE_IDENTICAL=%p shares identical queries in flight: %p', (text, shared) => {
    expect(load(text === undefined ? {} : { GRAPHQL_SHARE_IDENTICAL: text }).shareIdenticalQueries).toBe(shared);
  });

  test('GRAPHQL_COMPILE_MAX_FIELDS: unset leaves the executor its default; a number is taken as is', () => {
    expect(load({}).compileMaxFields).toBeUndefined();
    expect(load({ GRAPHQL_COMPILE_MAX_FIELDS: ' 400 ' }).compileMaxFields).toBe(400);
  });

  test.each(['1', 'true'])('LEADGRAPH_DEMO=%s forces it even with providers configured', (flag) => {
    const config = load({ ...TESSELYS_ENV, ...KEYSPOT_CREDENTIALS_ENV, LEADGRAPH_DEMO: flag });
    expect(config).toMatchObject({ demo: true, demoReason: 'forced', providers: [] });
  });

  test.each(['0', 'false', ''])('LEADGRAPH_DEMO=%p with a provider leaves it off', (flag) => {
    const config = load({ ...TESSELYS_ENV, LEADGRAPH_DEMO: flag });
    expect(config.demo).toBe(false);
    expect(config.demoReason).toBeUndefined();
  });
});

describe('providers', () => {
  test('full Tesselys variables: one provider, not demo, base URL without trailing slash', () => {
    // Production refuses to run without API keys unless told to (test/security/security-config.test.ts).
    const config = load({
      ...TESSELYS_ENV,
      PORT: '8080',
      ...DATA_KEY_ENV,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ALLOW_ANONYMOUS: 'true',
    });
    expect(config).toMatchObject({ demo: false, port: 8080, nodeEnv: 'production', logLevel: 'warn' });
    expect(config.providers.map((p) => p.module.provider)).toEqual(['TESSELYS']);
    expect(config.providers[0]!.config).toEqual({
      baseUrl: 'https://tesselys.example.test/api',
      accessToken: TESSELYS_ENV.TESSELYS_ACCESS_TOKEN,
      companyToken: TESSELYS_ENV.TESSELYS_COMPANY_TOKEN,
    });
  });

  test('Tesselys without a base URL uses the documented default', () => {
    const { TESSELYS_BASE_URL: _omitted, ...env } = TESSELYS_ENV;
    expect(providerConfig(env, 'TESSELYS')).toMatchObject({ baseUrl: 'https://api.tesselys.com.br' });
  });

  test('Keyspot client credentials, on the sandbox URL by default', () => {
    const config = load(KEYSPOT_CREDENTIALS_ENV);
    expect(config.demo).toBe(false);
    expect(config.providers.map((p) => p.module.provider)).toEqual(['KEYSPOT']);
    expect(config.providers[0]!.config).toEqual({
      baseUrl: 'https://sandbox-partner-api.keyspot.com.br',
      auth: {
        kind: 'client-credentials',
        clientId: KEYSPOT_CREDENTIALS_ENV.KEYSPOT_CLIENT_ID,
        clientSecret: KEYSPOT_CREDENTIALS_ENV.KEYSPOT_CLIENT_SECRET,
      },
    });
  });

  test('Keyspot static token', () => {
    expect(providerConfig({ KEYSPOT_API_TOKEN: ` ${JWT} `, KEYSPOT_BASE_URL: 'http://127.0.0.1:4010' }, 'KEYSPOT')).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      auth: { kind: 'static-token', token: JWT },
    });
  });

  test('with both kinds of Keyspot credentials, the refreshable ones win', () => {
    expect(providerConfig({ ...KEYSPOT_CREDENTIALS_ENV, KEYSPOT_API_TOKEN: JWT }, 'KEYSPOT')).toMatchObject({
      auth: { kind: 'client-credentials' },
    });
  });

  test('both providers together', () => {
    const config = load({ ...TESSELYS_ENV, ...KEYSPOT_CREDENTIALS_ENV });
    expect(config.providers.map((p) => p.module.provider).sort()).toEqual(['KEYSPOT', 'TESSELYS']);
  });

  test('blank credential variables count as unset', () => {
    expect(load({ KEYSPOT_CLIENT_ID: ' ', KEYSPOT_CLIENT_SECRET: '', KEYSPOT_API_TOKEN: '', TESSELYS_ACCESS_TOKEN: '  ' }).demoReason).toBe(
      'no-provider-configured',
    );
  });
});

describe('problems', () => {
  test.each<[string, Record<string, string>, RegExp]>([
    ['PORT=abc', { PORT: 'abc' }, /^PORT /],
    ['PORT=70000', { PORT: '70000' }, /^PORT /],
    ['PORT=-1', { PORT: '-1' }, /^PORT /],
    ['LEADGRAPH_DEMO=maybe', { LEADGRAPH_DEMO: 'maybe' }, /^LEADGRAPH_DEMO /],
    ['NODE_ENV=staging', { NODE_ENV: 'staging' }, /^NODE_ENV /],
    ['LOG_LEVEL=verbose', { LOG_LEVEL: 'verbose' }, /^LOG_LEVEL /],
    ['GRAPHQL_COMPILE_AFTER=-1', { GRAPHQL_COMPILE_AFTER: '-1' }, /^GRAPHQL_COMPILE_AFTER /],
    ['GRAPHQL_COMPILE_AFTER=soon', { GRAPHQL_COMPILE_AFTER: 'soon' }, /^GRAPHQL_COMPILE_AFTER /],
    ['GRAPHQL_SHARE_IDENTICAL=maybe', { GRAPHQL_SHARE_IDENTICAL: 'maybe' }, /^GRAPHQL_SHARE_IDENTICAL /],
    ['GRAPHQL_COMPILE_MAX_FIELDS=0', { GRAPHQL_COMPILE_MAX_FIELDS: '0' }, /^GRAPHQL_COMPILE_MAX_FIELDS /],
    ['GRAPHQL_COMPILE_MAX_FIELDS=lots', { GRAPHQL_COMPILE_MAX_FIELDS: 'lots' }, /^GRAPHQL_COMPILE_MAX_FIELDS /],
    [
      'TESSELYS_ACCESS_TOKEN without the company token',
      { TESSELYS_ACCESS_TOKEN: 'tsl-access-7d1e0c9b' },
      /^TESSELYS_COMPANY_TOKEN is required/,
    ],
    [
      'TESSELYS_COMPANY_TOKEN without the access token',
      { TESSELYS_COMPANY_TOKEN: 'tsl-company-51aa2f3e' },
      /^TESSELYS_ACCESS_TOKEN is required/,
    ],
    ['KEYSPOT_CLIENT_ID without the secret', { KEYSPOT_CLIENT_ID: 'ks-client-4411' }, /^KEYSPOT_CLIENT_SECRET is required/],
    ['KEYSPOT_CLIENT_SECRET without the id', { KEYSPOT_CLIENT_SECRET: 'ks-secret-88c2e7f0' }, /^KEYSPOT_CLIENT_ID is required/],
    ['KEYSPOT_API_TOKEN not a JWT', { KEYSPOT_API_TOKEN: 'plain-api-key-0b9e77d1' }, /^KEYSPOT_API_TOKEN must be a JWT/],
    [
      'KEYSPOT_BASE_URL not a URL',
      { ...KEYSPOT_CREDENTIALS_ENV, KEYSPOT_BASE_URL: 'keyspot-sandbox' },
      /^KEYSPOT_BASE_URL must be an absolute http\(s\) URL/,
    ],
    [
      'KEYSPOT_BASE_URL with ftp://',
      { ...KEYSPOT_CREDENTIALS_ENV, KEYSPOT_BASE_URL: 'ftp://files.keyspot.example' },
      /^KEYSPOT_BASE_URL must use http or https/,
    ],
    [
      'KEYSPOT_BASE_URL with user:pass@',
      { ...KEYSPOT_CREDENTIALS_ENV, KEYSPOT_BASE_URL: 'https://partner:pa55w0rd-x9@api.keyspot.example' },
      /^KEYSPOT_BASE_URL must not embed credentials/,
    ],
    [
      'TESSELYS_BASE_URL with user:pass@',
      { ...TESSELYS_ENV, TESSELYS_BASE_URL: 'https://me:s3cr3t-pw@api.tesselys.example' },
      /^TESSELYS_BASE_URL must not embed credentials/,
    ],
  ])('%s: one line naming the variable, no value echoed', (_name, env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  test('every bad variable is reported at once, one line each', () => {
    const problems = problemsOf({
      PORT: 'abc',
      NODE_ENV: 'staging',
      LEADGRAPH_DEMO: 'maybe',
      KEYSPOT_CLIENT_ID: 'ks-client-4411',
      TESSELYS_ACCESS_TOKEN: 'tsl-access-7d1e0c9b',
      TESSELYS_BASE_URL: 'ftp://tesselys.example',
    });
    expect(problems).toHaveLength(6);
    for (const variable of ['PORT', 'NODE_ENV', 'LEADGRAPH_DEMO', 'KEYSPOT_CLIENT_SECRET', 'TESSELYS_COMPANY_TOKEN', 'TESSELYS_BASE_URL']) {
      expect(problems.filter((line) => line.startsWith(`${variable} `))).toHaveLength(1);
    }
  });

  test('a secret pasted into the wrong variable is not echoed', () => {
    const problems = problemsOf({
      PORT: 'ks-secret-88c2e7f0',
      KEYSPOT_API_TOKEN: 'ks-secret-88c2e7f0',
      KEYSPOT_BASE_URL: 'ks-secret-88c2e7f0',
    });
    expect(problems).toHaveLength(3);
  });
});

test('startGateway refuses a bad environment with a ConfigError before listening', async () => {
  const started = startGateway({
    env: { PORT: 'abc', KEYSPOT_CLIENT_ID: 'ks-client-4411' } as NodeJS.ProcessEnv,
    port: 0,
    logger: silentLogger(),
  });
  await expect(started).rejects.toBeInstanceOf(ConfigError);
  await expect(started).rejects.toMatchObject({
    problems: [expect.stringMatching(/^PORT /), expect.stringMatching(/^KEYSPOT_CLIENT_SECRET /)],
  });
});

describe('production and demo mode', () => {
  test('production with no provider configured is a configuration error, not demo mode', () => {
    // (Not problemsOf: the line rightly says "production", which is also NODE_ENV's value.)
    expect(() => load({ ...DATA_KEY_ENV, NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true' })).toThrow(
      expect.objectContaining({ problems: [expect.stringMatching(/^no provider is configured in production.*LEADGRAPH_DEMO=1/)] }),
    );
  });

  test('production with LEADGRAPH_DEMO=1 runs demo mode, as asked', () => {
    expect(load({ ...DATA_KEY_ENV, NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true', LEADGRAPH_DEMO: '1' })).toMatchObject({
      demo: true,
      demoReason: 'forced',
    });
  });

  test('production without LEADGRAPH_DATA_KEY is refused, naming the variable; forced demo mode needs none', () => {
    const { LEADGRAPH_DATA_KEY: _key, ...noKey } = DATA_KEY_ENV;
    expect(() => load({ ...noKey, ...TESSELYS_ENV, NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true' })).toThrow(
      expect.objectContaining({ problems: [expect.stringMatching(/^LEADGRAPH_DATA_KEY is required in production/)] }),
    );
    expect(load({ NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true', LEADGRAPH_DEMO: '1' })).toMatchObject({ demo: true });
  });

  test('a bad provider variable in production is reported as itself, not as "no provider"', () => {
    expect(
      problemsOf({ ...DATA_KEY_ENV, NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true', TESSELYS_ACCESS_TOKEN: 'tsl-access-7d1e0c9b' }),
    ).toEqual(['TESSELYS_COMPANY_TOKEN is required when TESSELYS_ACCESS_TOKEN is set']);
  });
});

describe('credentials that cannot travel in an HTTP header', () => {
  const UNSAFE = ['\u200b', '\u0000', '\u007f', ' ', '\t', '\u00e9', '\ufeff', '\n'];
  const VARIABLES: Array<[string, Record<string, string>]> = [
    ['TESSELYS_ACCESS_TOKEN', TESSELYS_ENV],
    ['TESSELYS_COMPANY_TOKEN', TESSELYS_ENV],
    ['TESSELYS_BASE_URL', TESSELYS_ENV],
    ['KEYSPOT_CLIENT_ID', KEYSPOT_CREDENTIALS_ENV],
    ['KEYSPOT_CLIENT_SECRET', KEYSPOT_CREDENTIALS_ENV],
    ['KEYSPOT_API_TOKEN', { KEYSPOT_API_TOKEN: JWT }],
    ['KEYSPOT_BASE_URL', { ...KEYSPOT_CREDENTIALS_ENV, KEYSPOT_BASE_URL: 'https://keyspot.example.test' }],
  ];
  test.each(VARIABLES.flatMap(([variable, env]) => UNSAFE.map((char) => [variable, env, char] as const)))(
    '%s with %j stops start-up naming the variable only',
    (variable, env, char) => {
      const value = `${env[variable]!.slice(0, 8)}${char}${env[variable]!.slice(8)}`;
      const problems = problemsOf({ ...env, [variable]: value });
      expect(problems).toEqual([
        expect.stringMatching(new RegExp(`^${variable} contains a character that cannot be sent in an HTTP header`)),
      ]);
    },
  );
});

describe('server limits and the ops endpoints', () => {
  test('defaults: timeouts, a connection cap, no metrics token, no ops port, traces follow introspection', () => {
    expect(load({}).server).toEqual({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1_000,
      shutdownGraceMs: 10_000,
      federationTraces: true,
    });
    const production = load({ ...TESSELYS_ENV, ...DATA_KEY_ENV, NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true' }).server;
    expect(production.federationTraces).toBe(false);
    expect(
      load({ ...TESSELYS_ENV, ...DATA_KEY_ENV, NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true', FEDERATION_TRACES: 'true' }).server
        .federationTraces,
    ).toBe(true);
  });

  test('values are read', () => {
    expect(
      load({
        HTTP_REQUEST_TIMEOUT_MS: '20000',
        HTTP_HEADERS_TIMEOUT_MS: '5000',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '0',
        MAX_CONNECTIONS: '0',
        METRICS_TOKEN: 'ops-token-3f9c2a7d81e4b6c0',
        OPS_PORT: '9100',
      }).server,
    ).toMatchObject({
      requestTimeoutMs: 20_000,
      headersTimeoutMs: 5_000,
      keepAliveTimeoutMs: 0,
      maxConnections: 0,
      metricsToken: 'ops-token-3f9c2a7d81e4b6c0',
      opsPort: 9100,
    });
  });

  test('bad values: one line each, naming the variable, never the value', () => {
    expect(
      problemsOf({
        HTTP_REQUEST_TIMEOUT_MS: '5000',
        HTTP_HEADERS_TIMEOUT_MS: '9000',
        MAX_CONNECTIONS: 'many',
        METRICS_TOKEN: 'short-tok',
        OPS_PORT: '70000',
        FEDERATION_TRACES: 'sometimes',
      }),
    ).toEqual([
      'HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS',
      'MAX_CONNECTIONS must be a whole number from 0 to 1000000',
      'METRICS_TOKEN must be at least 16 characters',
      'OPS_PORT must be a whole number from 0 to 65535',
      'FEDERATION_TRACES must be true or false',
    ]);
    expect(problemsOf({ METRICS_TOKEN: 'ops-token-\u200b3f9c2a7d81e4b6c0' })).toEqual([
      expect.stringMatching(/^METRICS_TOKEN contains a character that cannot be sent in an HTTP header/),
    ]);
  });
});
