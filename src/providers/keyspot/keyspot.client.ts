/**
 * Keyspot's partner API as a data source. Its JWT comes from the process-wide TokenSource; a 401
 * means the token went stale (expired or revoked early), so the client drops it, fetches one new
 * token and replays the call once. A second 401 is final: replaying again could only loop.
 * Replaying a refused create is safe: a 401 means Keyspot did not process it.
 */
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider.error';
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { ProviderRestClient, type ClientTransport, type UpstreamRoute } from '../http/provider-rest-client';
import type { KeyspotCreateLeadDto } from './keyspot.dto';
import type { TokenSource } from './keyspot.token-source';

/** Every Keyspot lead endpoint LeadGraph calls: the only labels its metrics and logs use. */
export const KEYSPOT_ROUTES = {
  create: { method: 'POST', template: '/v1/leads' },
} as const satisfies Record<string, UpstreamRoute>;

export class KeyspotClient extends ProviderRestClient {
  constructor(
    baseUrl: string,
    private readonly tokens: TokenSource,
    transport: ClientTransport,
  ) {
    super({ provider: LeadProvider.KEYSPOT, baseURL: baseUrl, ...transport });
  }

  createLead(body: KeyspotCreateLeadDto): Promise<unknown> {
    return this.withToken((authorization) => this.send(KEYSPOT_ROUTES.create, '/v1/leads', { body, headers: { authorization } }));
  }

  private async withToken<T>(call: (authorization: string) => Promise<T>): Promise<T> {
    const token = await this.tokens.getToken();
    try {
      return await call(`Bearer ${token}`);
    } catch (error) {
      if (!this.tokens.refreshable || !isUpstream401(error)) throw error;
      this.tokens.invalidate(token);
      return call(`Bearer ${await this.tokens.getToken()}`);
    }
  }
}

function isUpstream401(error: unknown): boolean {
  return error instanceof ProviderError && error.code === ErrorCode.PROVIDER_AUTH_FAILED && error.details.upstreamStatus === 401;
}
