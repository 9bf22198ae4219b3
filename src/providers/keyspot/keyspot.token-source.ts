/**
 * Where Keyspot calls get their bearer token. A refreshing source caches the JWT for the whole
 * process, renews it shortly before `exp`, and lets concurrent requests share one token call
 * (single-flight); a failed token call is not cached, so the next request simply tries again.
 */
import type { IssuedToken } from './keyspot.token-response';

export interface TokenSource {
  /** Whether a refused token can be replaced (false for a static token). */
  readonly refreshable: boolean;
  getToken(): Promise<string>;
  /** The provider refused this token: forget it so the next getToken fetches a new one. */
  invalidate(token: string): void;
}

export class StaticTokenSource implements TokenSource {
  readonly refreshable = false;
  constructor(private readonly token: string) {}
  async getToken(): Promise<string> {
    return this.token;
  }
  invalidate(): void {}
}

/** Renew this long before expiry, at most: a tenth of the token's lifetime, capped at one minute. */
const MAX_REFRESH_AHEAD_MS = 60_000;

/**
 * Between `refreshAt` and `expiresAt` the cached token is still good: requests keep using it while
 * one renewal runs in the background, so a slow or failing token endpoint delays nobody until the
 * token really expires. Only then do requests wait for (and share) the renewal.
 */
export class RefreshingTokenSource implements TokenSource {
  readonly refreshable = true;
  private current?: { token: string; refreshAt: number; expiresAt: number };
  private inFlight?: Promise<string>;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly now: () => number = Date.now,
    private readonly onRefresh: (outcome: 'success' | 'failure') => void = () => {},
  ) {}

  getToken(): Promise<string> {
    const now = this.now();
    const current = this.current;
    if (current && now < current.refreshAt) return Promise.resolve(current.token);
    const renewal = this.renew();
    if (current && now < current.expiresAt) {
      // Renew in the background; its failure is counted by refresh() and retried by the next request.
      renewal.catch(() => undefined);
      return Promise.resolve(current.token);
    }
    return renewal;
  }

  /** Fetches a new token now (shared with any renewal in flight): proof the credentials still work. */
  renew(): Promise<string> {
    return (this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = undefined;
    }));
  }

  invalidate(token: string): void {
    // Only the current token: a late 401 for an older one must not throw away a fresh token.
    if (this.current?.token === token) this.current = undefined;
  }

  private async refresh(): Promise<string> {
    const issuedAt = this.now();
    let issued: IssuedToken;
    try {
      issued = await this.issue();
    } catch (error) {
      this.onRefresh('failure');
      throw error;
    }
    const { token, expiresAt } = issued;
    this.onRefresh('success');
    const ahead = Math.min(MAX_REFRESH_AHEAD_MS, Math.max(0, (expiresAt - issuedAt) / 10));
    this.current = { token, refreshAt: expiresAt - ahead, expiresAt };
    return token;
  }
}
