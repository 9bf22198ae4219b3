/**
 * Keyspot's token endpoint. One instance per process (tokens are shared by every request); a
 * refusal here means our client credentials are wrong, which no retry can fix.
 */
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { decodePayload } from '../http/decode-payload';
import { ProviderRestClient, type ClientTransport } from '../http/provider-rest-client';
import type { KeyspotTokenRequestDto } from './keyspot.dto';
import { parseKeyspotTokenResponse, type IssuedToken } from './keyspot.token-response';

export class KeyspotAuthClient extends ProviderRestClient {
  constructor(
    baseUrl: string,
    private readonly credentials: KeyspotTokenRequestDto,
    transport: ClientTransport,
    private readonly now: () => number = Date.now,
  ) {
    super({ provider: LeadProvider.KEYSPOT, baseURL: baseUrl, ...transport });
  }

  async issueToken(): Promise<IssuedToken> {
    const body = await this.post('/v1/auth/token', {
      body: { clientId: this.credentials.clientId, clientSecret: this.credentials.clientSecret },
    });
    return decodePayload(this.provider, this.log, () => parseKeyspotTokenResponse(body, this.now()));
  }
}
