/**
 * Tesselys's external API as a data source: its two static headers go on every call, and each
 * endpoint returns raw payloads for the mapper (which checks their shape).
 */
import type { AugmentedRequest } from '@apollo/datasource-rest';
import { ProviderError } from '../../errors/provider.error';
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { ProviderRestClient, type ClientTransport, type UpstreamRoute } from '../http/provider-rest-client';
import type { TesselysConfig } from './tesselys.config';
import type { TesselysCreateLeadDto, TesselysListQueryDto, TesselysUpdateLeadDto } from './tesselys.dto';

const LEADS_PATH = '/external/v1/leads';

/** Every Tesselys endpoint LeadGraph calls: the only labels its metrics and logs use. */
export const TESSELYS_ROUTES = {
  list: { method: 'GET', template: LEADS_PATH },
  get: { method: 'GET', template: `${LEADS_PATH}/:id` },
  create: { method: 'POST', template: LEADS_PATH },
  update: { method: 'PUT', template: `${LEADS_PATH}/:id` },
} as const satisfies Record<string, UpstreamRoute>;

export class TesselysClient extends ProviderRestClient {
  constructor(
    private readonly config: TesselysConfig,
    transport: ClientTransport,
  ) {
    super({ provider: LeadProvider.TESSELYS, baseURL: config.baseUrl, ...transport });
  }

  protected override willSendRequest(_path: string, request: AugmentedRequest): void {
    request.headers.authorization = `Bearer ${this.config.accessToken}`;
    request.headers['x-company-token'] = this.config.companyToken;
  }

  listLeads(query: TesselysListQueryDto): Promise<unknown> {
    return this.send(TESSELYS_ROUTES.list, LEADS_PATH, { params: listParams(query) });
  }

  /** The readiness probe: one lead of the first page, one attempt outside the policy. */
  async probe(): Promise<void> {
    await this.probeOnce(TESSELYS_ROUTES.list, LEADS_PATH, { params: listParams({ page: 1, limit: 1 }) });
  }

  /** Null on 404: Tesselys's way of saying the lead does not exist. */
  async getLead(id: string): Promise<unknown | null> {
    try {
      return await this.send(TESSELYS_ROUTES.get, `${LEADS_PATH}/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof ProviderError && error.details.upstreamStatus === 404) return null;
      throw error;
    }
  }

  createLead(body: TesselysCreateLeadDto): Promise<unknown> {
    return this.send(TESSELYS_ROUTES.create, LEADS_PATH, { body });
  }

  updateLead(id: string, body: TesselysUpdateLeadDto): Promise<unknown> {
    return this.send(TESSELYS_ROUTES.update, `${LEADS_PATH}/${encodeURIComponent(id)}`, { body });
  }
}

function listParams(query: TesselysListQueryDto): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}
