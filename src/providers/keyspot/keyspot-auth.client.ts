/**
 * Keyspot's token endpoint. One instance per process (tokens are shared by every request); a
 * refusal here means our client credentials are wrong, which no retry can fix (only 5xx, broken
 * connections and timeouts are retried).
 */
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { decodePayload } from '../http/decode-payload';
import { ProviderRestClient, type ClientTransport, type UpstreamRoute } from '../http/provider-rest-client';
import type { KeyspotTokenRequestDto } from './keyspot.dto';
import { parseKeyspotTokenResponse, type IssuedToken } from './keyspot.token-response';

const TOKEN_PATH = '/v1/auth/token';
const TOKEN_ROUTE: UpstreamRoute = { method: 'POST', template: TOKEN_PATH };

export class KeyspotAuthClient extends ProviderRestClient {
  constructor(
    baseUrl: string,
    private readonly credentials: KeyspotTokenRequestDto,
    transport: ClientTransport,
    private readonly now: () => number = Date.now,
  ) {
    super({ provider: LeadProvider.KEYSPOT, baseURL: baseUrl, ...transport });
  }

  /** Asking for a token changes nothing at Keyspot, so a failed token call is retried like a read. */
  protected override isIdempotent(method: string, path: string): boolean {
    return path === TOKEN_PATH || super.isIdempotent(method, path);
  }

  async issueToken(): Promise<IssuedToken> {
    const body = await this.send(TOKEN_ROUTE, TOKEN_PATH, { body: this.tokenRequest() });
    return decodePayload(this.provider, this.log, () => parseKeyspotTokenResponse(body, this.now()));
  }

  /**
   * The readiness probe: one token call outside the policy (no retry, no breaker, short deadline).
   * A token issued proves Keyspot is up and the credentials work; it is checked and dropped, never
   * handed to requests, which keep the token source's own.
   */
  async probeToken(): Promise<void> {
    const body = await this.probeOnce(TOKEN_ROUTE, TOKEN_PATH, { body: this.tokenRequest() });
    decodePayload(this.provider, this.log, () => parseKeyspotTokenResponse(body, this.now()));
  }

  private tokenRequest(): KeyspotTokenRequestDto {
    return { clientId: this.credentials.clientId, clientSecret: this.credentials.clientSecret };
  }
}
