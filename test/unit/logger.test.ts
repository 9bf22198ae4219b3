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
