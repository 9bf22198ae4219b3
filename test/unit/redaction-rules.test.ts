/**
 * The redaction rules on adversarial text. Each family below made a pattern of the old rules
 * quadratic (a scan restarting inside one long run); the rewritten rules consume such a run once.
 * Inputs are 200k characters, past what the body limit lets a caller send, and far past the bound
 * every caller of these rules applies first; the assertions check the output is what the rules
 * promise. The file's timeout is a liveness bound (quadratic rules need minutes here), not a speed claim.
 */
import { redactForClients, redactForLogs } from '../../src/errors/redaction-rules';
import { MAX_LOGGED_STRING, redactSecrets, sanitizeMessage } from '../../src/errors/sanitize';

jest.setTimeout(10_000);

const N = 200_000;
const repeat = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

// [name, input, what both rule sets give back]
const FAMILIES: Array<[string, string, string]> = [
  // A run of 32+ token characters is an opaque secret (its edge dashes stay).
  ['letters without @', repeat('a'), '[redacted]'],
  ['dotted letters (scheme-like)', repeat('a.'), repeat('a.')],
  ['dashed letters (credential-word-like)', repeat('a-'), '[redacted]-'],
  ['plus-separated letters (scheme-like)', repeat('a+'), repeat('a+')],
  ['eyJ- runs (JWT-like)', ` ${repeat('eyJ-')}`, ' [redacted]-'],
  ['%40 without a domain', repeat('a%40 '), repeat('a%40 ')],
  ['a digit then parentheses (phone-like)', `1 1 ${repeat('(')}`, `1 1 ${repeat('(')}`],
  ['credential words without values', repeat('x-token '), repeat('x-token ')],
  ['a credential word then many short words', `token ${repeat('a ')}`, `token ${repeat('a ')}`],
  ['@ without a domain, repeated', repeat('a@'), repeat('a@')],
  ['digits and parentheses (one long phone-like run)', `${repeat('1(')}-`, '[phone](-'],
];

describe.each(FAMILIES)('%s', (_name, input, expected) => {
  test('goes through both rule sets in one pass', () => {
    expect(redactForLogs(input)).toBe(expected);
    expect(redactForClients(input)).toBe(expected);
  });
});

test('a scheme followed by a long run of colons is one URL for clients, and no credential for logs', () => {
  const input = `x://${repeat('a:')}`;
  expect(redactForClients(input)).toBe('[url]');
  expect(redactForLogs(input)).toBe(input);
});

test('letters then @ and a domain is one e-mail, however long', () => {
  expect(redactForLogs(`${repeat('a')}@example.com`)).toBe('[email]');
});

test('token-like words joined by dashes end in a credential word whose value is redacted', () => {
  expect(redactForLogs(`${repeat('token-')}token: s3cr3t`)).toBe('[redacted]: [redacted]');
});

test('every rule still finds what it finds in ordinary text', () => {
  expect(redactForLogs('Bearer abc postgres://u:p@db/x eyJa.b.c api_key=k1 maria@ex.com +55 11 99999-9999')).toBe(
    'Bearer [redacted] postgres://[redacted]@db/x [token] api_key=[redacted] [email] [phone]',
  );
  expect(redactForClients('see https://x.example/a?b=c')).toBe('see [url]');
});

test('redactSecrets and sanitizeMessage bound the text before any rule sees it', () => {
  const long = `${'word '.repeat(N / 5)}maria@example.com`;
  expect(redactSecrets(long).length).toBeLessThanOrEqual(MAX_LOGGED_STRING);
  expect(sanitizeMessage(long).length).toBeLessThanOrEqual(300);
});
