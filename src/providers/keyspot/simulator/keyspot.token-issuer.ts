/**
 * The JWTs the simulated Keyspot hands out and accepts. Tokens are real HS256 JWTs (so a gateway
 * that reads `exp` from the token itself is tested for real), stamped and checked against an
 * injectable clock so tests can expire a token by moving time instead of sleeping. Only tokens
 * this issuer minted and has not revoked are accepted.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, jwtVerify } from 'jose';

export interface KeyspotTokenIssuerOptions {
  lifetimeSeconds: number;
  /** Milliseconds since the epoch; drives `iat`, `exp` and the expiry check. */
  now: () => number;
}

export class KeyspotTokenIssuer {
  /** Per-simulator key: a token from one simulator never verifies on another. */
  private readonly secret = new Uint8Array(randomBytes(32));
  /** jti of every token still honoured; revoking removes it. */
  private readonly live = new Set<string>();
  private lifetime: number;

  constructor(private readonly options: KeyspotTokenIssuerOptions) {
    this.lifetime = checkLifetime(options.lifetimeSeconds);
  }

  get lifetimeSeconds(): number {
    return this.lifetime;
  }

  /** Applies to tokens issued from now on; 0 mints tokens that are already expired. */
  setLifetime(seconds: number): void {
    this.lifetime = checkLifetime(seconds);
  }

  /** Mints a token for `subject`; a negative lifetime gives one that expired in the past. */
  async issue(subject: string, lifetimeSeconds = this.lifetime): Promise<string> {
    if (!Number.isInteger(lifetimeSeconds)) throw new RangeError(`token lifetime must be whole seconds, got ${lifetimeSeconds}`);
    const iat = Math.floor(this.options.now() / 1000);
    const jti = randomUUID();
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject)
      .setIssuedAt(iat)
      .setExpirationTime(iat + lifetimeSeconds)
      .setJti(jti)
      .sign(this.secret);
    this.live.add(jti);
    return token;
  }

  /** True when the token is ours, intact, unexpired by the injected clock and not revoked. */
  async isValid(token: string): Promise<boolean> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
        currentDate: new Date(this.options.now()),
      });
      return typeof payload.jti === 'string' && this.live.has(payload.jti);
    } catch {
      return false;
    }
  }

  /** The token stops being accepted; throws when `token` is not a JWT at all (a test mistake). */
  revoke(token: string): void {
    const { jti } = decodeJwt(token);
    if (typeof jti === 'string') this.live.delete(jti);
  }

  revokeAll(): void {
    this.live.clear();
  }
}

function checkLifetime(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 0)
    throw new RangeError(`token lifetime must be a non-negative whole number of seconds, got ${seconds}`);
  return seconds;
}
