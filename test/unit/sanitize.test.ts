/**
 * Provider messages are shown to clients and logged, so whatever a provider echoes (URLs with
 * credentials, tokens, the lead's e-mail or phone, keys) must be redacted, and the length bounded,
 * while the useful part of the message survives.
 */
import { providerMessageFrom, sanitizeMessage } from '../../src/errors/sanitize';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrc19kZW1vX2NsaWVudCJ9.Zx8_q-3fK2mN9pLr0sT4uV6wX8yZ1aB3cD5eF7gH9iJ';

describe('sanitizeMessage', () => {
  test.each<[string, string, string[]]>([
    [
      'an http URL with credentials',
      'cannot reach https://admin:hunter2@api.internal.example/v1/leads?token=abc now',
      ['hunter2', 'admin', 'internal.example', 'token=abc'],
    ],
    ['a plain http URL', 'see http://10.0.0.12:8080/debug', ['10.0.0.12', 'debug']],
    ['a database connection string', 'connect postgres://app:pg-pass-41@db:5432/leads failed', ['pg-pass-41', 'db:5432']],
    ['a bearer token', 'Authorization: Bearer tsl_demo_access_token was refused', ['tsl_demo_access_token']],
    ['a bare JWT', `token ${JWT} expired`, [JWT, 'eyJhbGci']],
    ['an e-mail', 'email ana.souza+leads@example.com.br already exists', ['ana.souza', 'example.com.br']],
    ['a Brazilian phone in international form', 'phone +55 (11) 99999-9999 is invalid', ['99999-9999', '(11)']],
    ['a bare phone', 'phone 11999999999 is invalid', ['11999999999']],
    ['a long key', 'key ks_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0 is revoked', ['9f8e7d6c5b4a', 'ks_live_9f8e']],
    ['a long key with digit runs inside', 'key sk_live_0123456789abcdefghijABCDEFGHIJ0123 bad', ['abcdefghijABCDEFGHIJ', 'sk_live_0123']],
    ['a named credential in another alphabet', 'api_key=abcDEF1234567890/ghiJKL+mnoPQR==stuVWX rejected', ['abcDEF', 'ghiJKL', 'stuVWX']],
    ['a credential in echoed JSON', 'bad body {"clientSecret":"ks_demo_secret"}', ['ks_demo_secret']],
    ['a quoted short token', 'Invalid access token "tsl_demo_access_token"', ['tsl_demo_access_token']],
    ['a bare short token after its header name', 'invalid x-company-token tsl_demo_company_token', ['tsl_demo_company_token']],
    ['Basic credentials', 'Authorization: Basic dXNlcjpwYXNzd29yZA== refused', ['dXNlcjpwYXNzd29yZA']],
    ['a secret after a few words and a colon', 'client_secret is wrong: s3cr3t-value', ['s3cr3t-value']],
    ['a single-quoted key', "apiKey 'abcdEFGH1234' is unknown", ['abcdEFGH1234']],
    ['an e-mail with accents', 'joão.conceição@exemplo.com.br já existe', ['joão', 'conceição', 'exemplo']],
    ['a URL-encoded e-mail', 'lookup email=maria%40ex.com failed', ['maria', 'ex.com']],
  ])('redacts %s', (_name, message, leaks) => {
    const clean = sanitizeMessage(message);
    for (const leak of leaks) expect(clean).not.toContain(leak);
    expect(clean).toMatch(/\[(url|redacted|token|email|phone)\]/);
  });

  test('keeps the useful part of a message', () => {
    expect(sanitizeMessage('title must be shorter than or equal to 255 characters')).toBe(
      'title must be shorter than or equal to 255 characters',
    );
    expect(sanitizeMessage('email ana@example.com must be unique')).toBe('email [email] must be unique');
    expect(sanitizeMessage('Invalid or expired token')).toBe('Invalid or expired token');
    expect(sanitizeMessage('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
  });

  test('words after a credential name are kept when they read as words, not secrets', () => {
    expect(sanitizeMessage('Invalid or expired token')).toBe('Invalid or expired token');
    expect(sanitizeMessage('access token expired for this company')).toBe('access token expired for this company');
    expect(sanitizeMessage('Basic auth is not supported')).toBe('Basic auth is not supported');
    expect(sanitizeMessage('invalid x-company-token tsl_demo_company_token')).toBe('invalid x-company-token [redacted]');
    expect(sanitizeMessage('client_secret is wrong: s3cr3t-value')).toBe('client_secret is wrong: [redacted]');
  });

  test('collapses whitespace', () => {
    expect(sanitizeMessage('  title\n\tis   required  ')).toBe('title is required');
  });

  test('bounds the length with an ellipsis', () => {
    const clean = sanitizeMessage('word '.repeat(500));
    expect(clean.length).toBe(300);
    expect(clean.endsWith('…')).toBe(true);
    expect(sanitizeMessage('short')).toBe('short');
  });

  test('a message that is one long secret becomes a single placeholder', () => {
    expect(sanitizeMessage('x'.repeat(5000))).toBe('[redacted]');
  });
});

describe('providerMessageFrom', () => {
  test('NestJS style: a message string', () => {
    expect(providerMessageFrom({ statusCode: 404, error: 'Not Found', message: 'Lead not found' })).toBe('Lead not found');
  });

  test('NestJS validation style: one message per field, joined', () => {
    expect(
      providerMessageFrom({ statusCode: 400, error: 'Bad Request', message: ['email must be an email', 'phone should not be empty'] }),
    ).toBe('email must be an email; phone should not be empty');
  });

  test('errors[].message (and plain strings among them)', () => {
    expect(providerMessageFrom({ errors: [{ message: 'title is required' }, 'status is invalid', { code: 7 }, null] })).toBe(
      'title is required; status is invalid',
    );
  });

  test('detail, then error, when there is no message', () => {
    expect(providerMessageFrom({ title: 'Unprocessable', detail: 'tags must be strings' })).toBe('tags must be strings');
    expect(providerMessageFrom({ error: 'invalid_client' })).toBe('invalid_client');
  });

  test('message wins over error', () => {
    expect(providerMessageFrom({ error: 'Bad Request', message: 'title is required' })).toBe('title is required');
  });

  test('a plain-text body is used, sanitized', () => {
    expect(providerMessageFrom('  lead for ana@example.com rejected \n')).toBe('lead for [email] rejected');
  });

  test('what it finds is sanitized', () => {
    expect(providerMessageFrom({ message: [`contact ${'ana@example.com'} exists`, `token ${JWT}`] })).toBe(
      'contact [email] exists; token [token]',
    );
  });

  test.each<[string, unknown]>([
    ['an HTML page', '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['indented HTML', '\n  <html><body>Service temporarily moved</body></html>'],
    ['an empty string', ''],
    ['blank text', '   '],
    ['null', null],
    ['a number', 500],
    ['an empty object', {}],
    ['an empty message list', { message: [] }],
    ['a non-text message', { message: 42, errors: { email: ['is invalid'] } }],
    ['blank messages', { message: '  ', error: '' }],
  ])('%s → undefined', (_name, body) => {
    expect(providerMessageFrom(body)).toBeUndefined();
  });

  test('a huge provider message is bounded', () => {
    expect(providerMessageFrom({ message: Array.from({ length: 200 }, (_, i) => `field${i} is wrong`) })!.length).toBeLessThanOrEqual(300);
  });
});

describe('phones and identifiers', () => {
  test('a digit run glued to letters is an identifier, kept whole; a phone on its own is still redacted', () => {
    // A Keyspot lead id the simulator made (a log line's leadId came out as "clmwqcvpc[phone]wxhs0e80").
    expect(sanitizeMessage('lead clmwqcvpc00001569wxhs0e80 recorded')).toBe('lead clmwqcvpc00001569wxhs0e80 recorded');
    expect(sanitizeMessage('call 11999999999 now')).toBe('call [phone] now');
    expect(sanitizeMessage('phone: (11) 99999-9999.')).toBe('phone: [phone].');
    expect(sanitizeMessage('tel:+5511999999999')).toBe('tel:[phone]');
  });
});
