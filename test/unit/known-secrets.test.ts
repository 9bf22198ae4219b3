/**
 * The gateway's own credentials are redacted literally, from client messages and logs, even when
 * nothing around them says "secret" — registered once from the environment by loadConfig.
 */
import { loadConfig } from '../../src/config/gateway-config';
import { holdsKnownSecret, MIN_SECRET_LENGTH, redactKnownSecrets, registerSecrets, secretsInEnv } from '../../src/errors/known-secrets';
import { redactSecrets, sanitizeMessage } from '../../src/errors/sanitize';
import { PROVIDER_MODULES } from '../../src/providers/registry';
import { captureLogs } from '../support/log-capture';

// Plain lower-case values no pattern rule would take for secrets.
const TESSELYS_ACCESS = 'plainaccessvalue';
const TESSELYS_COMPANY = 'companyplain';
const KEYSPOT_SECRET = 'ks.secret+value';
const API_KEY = 'crmkeylongenoughvalue';

beforeAll(() => {
  loadConfig(
    {
      NODE_ENV: 'test',
      TESSELYS_BASE_URL: 'http://127.0.0.1:1',
      TESSELYS_ACCESS_TOKEN: ` ${TESSELYS_ACCESS} `,
      TESSELYS_COMPANY_TOKEN: TESSELYS_COMPANY,
      KEYSPOT_BASE_URL: 'http://127.0.0.1:2',
      KEYSPOT_CLIENT_ID: 'client',
      KEYSPOT_CLIENT_SECRET: KEYSPOT_SECRET,
      API_KEYS: JSON.stringify([{ name: 'crm', key: API_KEY, scopes: ['leads:read'] }]),
    } as NodeJS.ProcessEnv,
    PROVIDER_MODULES,
  );
});

test.each([
  ['the Tesselys access token', `upstream said ${TESSELYS_ACCESS} is not allowed`, TESSELYS_ACCESS],
  ['the Tesselys company token', `company ${TESSELYS_COMPANY} unknown`, TESSELYS_COMPANY],
  ['the Keyspot client secret', `rejected ${KEYSPOT_SECRET} today`, KEYSPOT_SECRET],
  [
    'the Keyspot client secret, URL-encoded',
    `body was client=client&x=${encodeURIComponent(KEYSPOT_SECRET)}`,
    encodeURIComponent(KEYSPOT_SECRET),
  ],
  ['an API key', `caller sent ${API_KEY}`, API_KEY],
])('%s registered by loadConfig is redacted for clients and in logs', (_name, text, secret) => {
  expect(sanitizeMessage(text)).not.toContain(secret);
  expect(redactSecrets(text)).not.toContain(secret);
  const { logger, lines } = captureLogs();
  logger.info({ detail: text }, text);
  expect(lines[0]).not.toContain(secret);
  expect(lines[0]).toContain('[redacted]');
});

test('the environment credentials are found, API keys inside API_KEYS included; bad JSON is tolerated', () => {
  expect(
    secretsInEnv({
      TESSELYS_ACCESS_TOKEN: 'a1',
      KEYSPOT_API_TOKEN: 'j1',
      API_KEYS: '[{"key":"k1"},{"sha256":"x"},null]',
    } as NodeJS.ProcessEnv),
  ).toEqual(expect.arrayContaining(['a1', 'j1', 'k1']));
  expect(secretsInEnv({ API_KEYS: '{not json' } as NodeJS.ProcessEnv).filter(Boolean)).toEqual([]);
});

test('short values are never registered: they would replace ordinary words', () => {
  const short = 'x'.repeat(MIN_SECRET_LENGTH - 1);
  registerSecrets([short, '', undefined, null]);
  expect(holdsKnownSecret(`say ${short}`)).toBe(false);
  expect(redactKnownSecrets(`say ${short}`)).toBe(`say ${short}`);
});

test('a secret containing another is replaced whole; regex characters are taken literally', () => {
  registerSecrets(['abc.def', 'abc.def.ghi']);
  expect(redactKnownSecrets('a abc.def.ghi b abcXdef')).toBe('a [redacted] b abcXdef');
  expect(holdsKnownSecret('abcXdef')).toBe(false);
  expect(holdsKnownSecret('xx abc.def')).toBe(true);
});
