/**
 * Keyspot's token plumbing without HTTP: the refreshing source (cache, renewal ahead of exp,
 * single-flight, failures not cached, targeted invalidation) on a fake issuer and an injected
 * clock; the static source; the tolerant token-response reader; and the Retry-After reader.
 */
import { SignJWT } from 'jose';
import { ResponseShapeError } from '../../src/leads/mapping/response-shape.error';
import { parseKeyspotTokenResponse, type IssuedToken } from '../../src/providers/keyspot/keyspot.token-response';
import { RefreshingTokenSource, StaticTokenSource } from '../../src/providers/keyspot/keyspot.token-source';
import { MAX_RETRY_AFTER_SECONDS, retryAfterSeconds } from '../../src/providers/http/retry-after';

const START = Date.UTC(2026, 10, 21, 12, 0, 0);

/** An issuer whose every call is visible and can be answered (or failed) when the test says so. */
function fakeIssuer(clock: { now: number }, lifetimeMs = 3600_000) {
  const pending: Array<{ resolve(token: IssuedToken): void; reject(error: Error): void }> = [];
  let issued = 0;
  return {
    calls: () => issued,
    /** Answers immediately with token-<n>, valid for lifetimeMs from now. */
    immediate: () => {
      issued += 1;
      return Promise.resolve({ token: `token-${issued}`, expiresAt: clock.now + lifetimeMs });
    },
    /** Leaves the call open until `settle` is called. */
    deferred: () => {
      issued += 1;
      return new Promise<IssuedToken>((resolve, reject) => pending.push({ resolve, reject }));
    },
    settle(outcome: IssuedToken | Error) {
      const call = pending.shift()!;
      if (outcome instanceof Error) call.reject(outcome);
      else call.resolve(outcome);
    },
  };
}

/** Lets pending promise callbacks (a background renewal) run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('RefreshingTokenSource', () => {
  let clock: { now: number };
  const now = () => clock.now;
  beforeEach(() => {
    clock = { now: START };
  });

  test('caches the token across calls', async () => {
    const issuer = fakeIssuer(clock);
    const source = new RefreshingTokenSource(issuer.immediate, now);
    expect(source.refreshable).toBe(true);
    expect(await source.getToken()).toBe('token-1');
    clock.now += 30 * 60_000;
    expect(await source.getToken()).toBe('token-1');
    expect(issuer.calls()).toBe(1);
  });

  test('renews 60 s before exp for a long-lived token (a tenth of the lifetime, capped at a minute)', async () => {
    const issuer = fakeIssuer(clock, 3600_000);
    const refreshed = jest.fn();
    const source = new RefreshingTokenSource(issuer.immediate, now, refreshed);
    await source.getToken();
    clock.now = START + 3600_000 - 60_000 - 1;
    expect(await source.getToken()).toBe('token-1');
    expect(issuer.calls()).toBe(1);
    clock.now += 1;
    // Still valid: served at once while the renewal runs in the background.
    expect(await source.getToken()).toBe('token-1');
    expect(issuer.calls()).toBe(2);
    await settled();
    expect(await source.getToken()).toBe('token-2');
    expect(issuer.calls()).toBe(2);
    expect(refreshed).toHaveBeenCalledTimes(2);
  });

  test('renews a tenth of the lifetime ahead for a short-lived token', async () => {
    const issuer = fakeIssuer(clock, 100_000);
    const source = new RefreshingTokenSource(issuer.immediate, now);
    await source.getToken();
    clock.now = START + 90_000 - 1;
    expect(await source.getToken()).toBe('token-1');
    expect(issuer.calls()).toBe(1);
    clock.now = START + 90_000;
    expect(await source.getToken()).toBe('token-1');
    expect(issuer.calls()).toBe(2);
    await settled();
    expect(await source.getToken()).toBe('token-2');
  });

  test('a token that is already expired when issued is not reused', async () => {
    const issue = jest.fn(async (): Promise<IssuedToken> => ({ token: 'stale', expiresAt: clock.now - 1000 }));
    const source = new RefreshingTokenSource(issue, now);
    await source.getToken();
    await source.getToken();
    expect(issue).toHaveBeenCalledTimes(2);
  });

  test('concurrent callers share one issue call (single-flight)', async () => {
    const issuer = fakeIssuer(clock);
    const source = new RefreshingTokenSource(issuer.deferred, now);
    const waiting = Array.from({ length: 25 }, () => source.getToken());
    expect(issuer.calls()).toBe(1);
    issuer.settle({ token: 'shared', expiresAt: START + 3600_000 });
    expect(await Promise.all(waiting)).toEqual(Array(25).fill('shared'));
    expect(await source.getToken()).toBe('shared');
    expect(issuer.calls()).toBe(1);
  });

  test('ahead of expiry, one background renewal runs while callers keep the still-valid token', async () => {
    const issuer = fakeIssuer(clock);
    const source = new RefreshingTokenSource(issuer.deferred, now);
    const first = source.getToken();
    issuer.settle({ token: 'old', expiresAt: START + 3600_000 });
    await first;
    clock.now = START + 3600_000 - 30_000;
    expect(await Promise.all([source.getToken(), source.getToken(), source.getToken()])).toEqual(['old', 'old', 'old']);
    expect(issuer.calls()).toBe(2);
    issuer.settle({ token: 'new', expiresAt: clock.now + 3600_000 });
    await settled();
    expect(await source.getToken()).toBe('new');
    expect(issuer.calls()).toBe(2);
  });

  test('a failed background renewal fails nobody while the token is valid; once it expired, callers wait and see the error', async () => {
    const issuer = fakeIssuer(clock);
    const refreshed = jest.fn();
    const source = new RefreshingTokenSource(issuer.deferred, now, refreshed);
    const first = source.getToken();
    issuer.settle({ token: 'old', expiresAt: START + 3600_000 });
    await first;
    clock.now = START + 3600_000 - 30_000;
    expect(await source.getToken()).toBe('old');
    issuer.settle(new Error('token endpoint down'));
    await settled();
    expect(refreshed).toHaveBeenLastCalledWith('failure');
    // Still valid: the next caller gets it and starts another background try.
    expect(await source.getToken()).toBe('old');
    expect(issuer.calls()).toBe(3);
    issuer.settle(new Error('still down'));
    await settled();
    clock.now = START + 3600_000;
    const waiting = source.getToken();
    expect(issuer.calls()).toBe(4);
    issuer.settle(new Error('down for good'));
    await expect(waiting).rejects.toThrow('down for good');
  });

  test('a failure is shared by the callers waiting on it but not cached: the next call tries again', async () => {
    const issuer = fakeIssuer(clock);
    const source = new RefreshingTokenSource(issuer.deferred, now);
    const waiting = [source.getToken(), source.getToken()];
    issuer.settle(new Error('token endpoint down'));
    for (const result of await Promise.allSettled(waiting))
      expect(result).toMatchObject({ status: 'rejected', reason: { message: 'token endpoint down' } });
    expect(issuer.calls()).toBe(1);

    const retry = source.getToken();
    expect(issuer.calls()).toBe(2);
    issuer.settle({ token: 'recovered', expiresAt: START + 3600_000 });
    expect(await retry).toBe('recovered');
  });

  test('a failed renewal does not keep serving the expired token', async () => {
    const issuer = fakeIssuer(clock);
    const source = new RefreshingTokenSource(issuer.deferred, now);
    const first = source.getToken();
    issuer.settle({ token: 'old', expiresAt: START + 3600_000 });
    await first;
    clock.now = START + 3600_000;
    const renewal = source.getToken();
    issuer.settle(new Error('refused'));
    await expect(renewal).rejects.toThrow('refused');
    const again = source.getToken();
    expect(issuer.calls()).toBe(3);
    issuer.settle({ token: 'new', expiresAt: clock.now + 3600_000 });
    expect(await again).toBe('new');
  });

  test('invalidate drops the current token, so the next call issues a new one', async () => {
    const issuer = fakeIssuer(clock);
    const source = new RefreshingTokenSource(issuer.immediate, now);
    const token = await source.getToken();
    source.invalidate(token);
    expect(await source.getToken()).toBe('token-2');
    expect(issuer.calls()).toBe(2);
  });

  test('invalidating an older token (a late 401) keeps the current one', async () => {
    const issuer = fakeIssuer(clock);
    const source = new RefreshingTokenSource(issuer.immediate, now);
    const old = await source.getToken();
    source.invalidate(old);
    const current = await source.getToken();
    source.invalidate(old);
    source.invalidate('never-issued');
    expect(await source.getToken()).toBe(current);
    expect(issuer.calls()).toBe(2);
  });
});

describe('StaticTokenSource', () => {
  test('always returns the configured token and cannot be refreshed', async () => {
    const source = new StaticTokenSource('static.jwt.value');
    expect(source.refreshable).toBe(false);
    expect(await source.getToken()).toBe('static.jwt.value');
    source.invalidate();
    expect(await source.getToken()).toBe('static.jwt.value');
  });
});

describe('parseKeyspotTokenResponse', () => {
  const NOW = START;
  const secret = new TextEncoder().encode('a-test-signing-key-of-32-bytes!!');
  const jwt = (claims: { exp?: number } = {}) => {
    const builder = new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(Math.floor(NOW / 1000))
      .setSubject('ks_demo_client');
    return (claims.exp !== undefined ? builder.setExpirationTime(claims.exp) : builder).sign(secret);
  };

  test.each<[string, (token: string) => unknown]>([
    ['data.token', (token) => ({ data: { token } })],
    ['data.accessToken', (token) => ({ data: { accessToken: token } })],
    ['data.access_token', (token) => ({ data: { access_token: token, token_type: 'Bearer' } })],
    ['token', (token) => ({ token })],
    ['accessToken', (token) => ({ accessToken: token })],
    ['access_token', (token) => ({ access_token: token, token_type: 'Bearer' })],
  ])('finds the token under %s', (_where, body) => {
    expect(parseKeyspotTokenResponse(body('opaque-token-value'), NOW).token).toBe('opaque-token-value');
  });

  test('data.* wins over the top level, and empty values are skipped', () => {
    expect(parseKeyspotTokenResponse({ token: 'outer', data: { token: '', accessToken: 'inner' } }, NOW).token).toBe('inner');
  });

  test("the JWT's own exp wins over the response's lifetime fields", async () => {
    const exp = Math.floor(NOW / 1000) + 900;
    const token = await jwt({ exp });
    expect(parseKeyspotTokenResponse({ data: { token, expiresIn: 7200 } }, NOW)).toEqual({ token, expiresAt: exp * 1000 });
  });

  test("when our clock runs ahead of Keyspot's (exp already past here), the token's own lifetime exp - iat counts from now", async () => {
    const iat = Math.floor(NOW / 1000);
    const token = await jwt({ exp: iat + 3600 });
    // Our clock is two hours ahead: by it, the fresh token expired an hour ago.
    const ahead = NOW + 2 * 3600_000;
    expect(parseKeyspotTokenResponse({ data: { token } }, ahead).expiresAt).toBe(ahead + 3600_000);
  });

  test('a JWT without exp falls back to expiresIn', async () => {
    const token = await jwt();
    expect(parseKeyspotTokenResponse({ data: { token, expiresIn: 120 } }, NOW).expiresAt).toBe(NOW + 120_000);
  });

  test.each<[string, Record<string, unknown>]>([
    ['data.expiresIn', { data: { token: 'opaque', expiresIn: 600 } }],
    ['data.expires_in', { data: { token: 'opaque', expires_in: 600 } }],
    ['expiresIn', { token: 'opaque', expiresIn: 600 }],
    ['expires_in', { access_token: 'opaque', expires_in: '600' }],
  ])('an opaque token lives %s seconds', (_field, body) => {
    expect(parseKeyspotTokenResponse(body, NOW).expiresAt).toBe(NOW + 600_000);
  });

  test.each<[string, unknown]>([
    ['absent', undefined],
    ['zero', 0],
    ['negative', -5],
    ['not a number', 'soon'],
  ])('an opaque token with a lifetime that is %s lives the default 3600 s', (_name, expiresIn) => {
    expect(parseKeyspotTokenResponse({ token: 'opaque', expiresIn }, NOW).expiresAt).toBe(NOW + 3600_000);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['a string', 'eyJ.a.b'],
    ['an empty object', {}],
    ['an empty token', { data: { token: '' } }],
    ['a numeric token', { token: 12345 }],
    ['a token under an unknown key', { jwt: 'opaque' }],
  ])('%s → ResponseShapeError', (_name, body) => {
    expect(() => parseKeyspotTokenResponse(body, NOW)).toThrow(ResponseShapeError);
  });
});

describe('retryAfterSeconds', () => {
  const NOW = START;

  test.each<[string, number]>([
    ['7', 7],
    [' 7 ', 7],
    ['0', 0],
    ['120', 120],
  ])('delay-seconds %p → %p', (header, seconds) => {
    expect(retryAfterSeconds(header, NOW)).toBe(seconds);
  });

  test('an HTTP date in the future → the seconds until then, rounded up', () => {
    expect(retryAfterSeconds(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30);
    expect(retryAfterSeconds(new Date(NOW + 30_000).toUTCString(), NOW - 400)).toBe(31);
  });

  test('the obsolete RFC 850 and asctime date forms are read as GMT', () => {
    expect(retryAfterSeconds('Saturday, 21-Nov-26 12:00:45 GMT', NOW)).toBe(45);
    expect(retryAfterSeconds('Sat Nov 21 12:01:00 2026', NOW)).toBe(60);
  });

  test('an HTTP date in the past → 0', () => {
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT', NOW)).toBe(0);
  });

  test.each(['99999999999', '99999999999999999999', '3601', new Date(NOW + 10 * 86_400_000).toUTCString()])(
    'an advice beyond an hour %p → capped at MAX_RETRY_AFTER_SECONDS',
    (header) => {
      expect(retryAfterSeconds(header, NOW)).toBe(MAX_RETRY_AFTER_SECONDS);
    },
  );

  test.each([null, undefined, '', '   ', 'soon', '7 seconds', '-5', '1.5', '1e3'])('junk %p → undefined', (header) => {
    expect(retryAfterSeconds(header, NOW)).toBeUndefined();
  });
});
