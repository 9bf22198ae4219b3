/** The logger's own redaction: sensitive keys at any depth, and secrets or personal data inside any string. */
import { captureLogs } from '../support/log-capture';

test('sensitive keys are censored at any depth, whatever their case', () => {
  const { logger, records } = captureLogs();
  logger.info(
    {
      headers: { Authorization: 'Bearer abc', 'X-Company-Token': 'tsl_x' },
      nested: { deeper: { clientSecret: 's3cr3t', email: 'a@b.co' } },
    },
    'x',
  );
  const [line] = records();
  expect(line).toMatchObject({
    headers: { Authorization: '[redacted]', 'X-Company-Token': '[redacted]' },
    nested: { deeper: { clientSecret: '[redacted]', email: '[redacted]' } },
  });
});

test.each([
  ['an e-mail', 'contact ana.souza@example.com.br failed', 'ana.souza@example.com.br'],
  ['a phone with spaces', 'call +55 11 99999-9999 now', '99999-9999'],
  ['a phone without separators', 'call 11999999999', '11999999999'],
  ['a short bearer token', 'sent Bearer tsl_demo_access_token', 'tsl_demo_access_token'],
  ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abc', 'eyJhbGciOiJIUzI1NiJ9'],
  ['a URL with credentials', 'db at postgres://app:hunter2@db:5432/x', 'hunter2'],
  ['a named secret', 'clientSecret=ks_demo_secret', 'ks_demo_secret'],
])('%s in a message or a field never reaches the line', (_name, text, secret) => {
  const { logger, lines } = captureLogs();
  logger.info({ detail: text }, text);
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toContain(secret);
});

test('ordinary text, ISO dates and URLs without credentials are kept', () => {
  const { logger, records } = captureLogs();
  logger.info(
    { at: '2026-11-21T12:00:00.000Z', url: 'http://127.0.0.1:4000/graphql', durationMs: 12.5 },
    'LeadGraph listening on http://localhost:4000/graphql',
  );
  expect(records()[0]).toMatchObject({
    at: '2026-11-21T12:00:00.000Z',
    url: 'http://127.0.0.1:4000/graphql',
    durationMs: 12.5,
    msg: 'LeadGraph listening on http://localhost:4000/graphql',
  });
});

test('sensitive keys are matched by pattern, and ordinary keys stay visible', () => {
  const { logger, records } = captureLogs();
  logger.info(
    {
      'x-access-token': 'tsl_a',
      refreshToken: 'r1',
      auth: 'a1',
      apiKeyValue: 'k1',
      userEmail: 'e1',
      contactPhone: 'p1',
      requestId: 'req-1',
      operationName: 'ListLeads',
      durationMs: 3,
      upstreamCalls: 2,
      author: 'Ana',
      apiKeys: ['crm', 'site'],
    },
    'x',
  );
  expect(records()[0]).toMatchObject({
    'x-access-token': '[redacted]',
    refreshToken: '[redacted]',
    auth: '[redacted]',
    apiKeyValue: '[redacted]',
    userEmail: '[redacted]',
    contactPhone: '[redacted]',
    requestId: 'req-1',
    operationName: 'ListLeads',
    durationMs: 3,
    upstreamCalls: 2,
    author: 'Ana',
    apiKeys: ['crm', 'site'],
  });
});

test.each([
  ['an e-mail with accents', 'lead joão.conceição@exemplo.com.br exists', ['joão', 'conceição', 'exemplo']],
  ['a URL-encoded e-mail', 'GET /leads?email=maria%40ex.com', ['maria', 'ex.com']],
  ['Basic credentials', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', ['dXNlcjpwYXNzd29yZA']],
  ['a quoted short token', 'Invalid access token "tsl_demo_access_token"', ['tsl_demo_access_token']],
  ['a header-named token', 'invalid x-company-token tsl_demo_company_token', ['tsl_demo_company_token']],
  ['a secret after words and a colon', 'client_secret is wrong: s3cr3t-value', ['s3cr3t-value']],
  ['a quoted key', "apiKey 'abcdEFGH1234'", ['abcdEFGH1234']],
])('%s is hidden entirely', (_name, text, leaks) => {
  const { logger, lines } = captureLogs();
  logger.info({ detail: text }, text);
  for (const leak of leaks) expect(lines[0]).not.toContain(leak);
});

test('child bindings are redacted like any field', () => {
  const { logger, records } = captureLogs();
  logger.child({ requestId: 'req-7', token: 'tsl_x', caller: 'ana@example.com' }).info('hello');
  expect(records()[0]).toMatchObject({ requestId: 'req-7', token: '[redacted]', caller: '[email]', msg: 'hello' });
});

test('errors keep their class name, code and redacted message', () => {
  class UpstreamFailure extends Error {
    readonly code = 'E_UPSTREAM';
  }
  const { logger, records } = captureLogs();
  logger.error({ err: new TypeError('boom for ana@example.com') }, 'a');
  logger.error({ err: new UpstreamFailure('down') }, 'b');
  logger.error(new RangeError('direct'));
  const [first, second, third] = records() as Array<{ err: Record<string, unknown> }>;
  expect(first!.err).toMatchObject({ type: 'TypeError', message: 'boom for [email]' });
  expect(first!.err.stack).toMatch(/^TypeError: boom for \[email\]/);
  expect(second!.err).toMatchObject({ type: 'UpstreamFailure', code: 'E_UPSTREAM', message: 'down' });
  expect(third!.err).toMatchObject({ type: 'RangeError', message: 'direct' });
});

test('a generated request id stays readable, on lines and in child bindings; a caller-chosen one is redacted like any string', () => {
  const { logger, records } = captureLogs();
  const generated = '708ae099-9e4b-4aa3-9af5-1fe050871127';
  logger.child({ requestId: generated }).info({ requestId: generated }, 'x');
  logger.info({ requestId: '11999999999' }, 'y');
  const [first, second] = records();
  expect(first!.requestId).toBe(generated);
  expect(JSON.stringify(first)).not.toContain('[redacted]');
  expect(second!.requestId).not.toContain('11999999999');
});
