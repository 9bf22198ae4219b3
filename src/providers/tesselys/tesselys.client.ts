/**
 * Tesselys's external API as a data source: its two static headers go on every call, and each
 * endpoint returns raw payloads for the mapper (which checks their shape).
 */
import type { AugmentedRequest } from '@apollo/datasource-rest';
import { ProviderError } from '../../errors/provider.error';
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { ProviderRestClient, type ClientTransport } from '../http/provider-rest-client';
import type { TesselysConfig } from './tesselys.config';
import type { TesselysCreateLeadDto, TesselysListQueryDto, TesselysUpdateLeadDto } from './tesselys.dto';

const LEADS_PATH = '/external/v1/leads';

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
    const params = Object.fromEntries(
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    return this.get(LEADS_PATH, { params });
  }

  /** Null on 404: Tesselys's way of saying the lead does not exist. */
  async getLead(id: string): Promise<unknown | null> {
    try {
      return await this.get(`${LEADS_PATH}/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof ProviderError && error.details.upstreamStatus === 404) return null;
      throw error;
    }
  }

  createLead(body: TesselysCreateLeadDto): Promise<unknown> {
    return this.post(LEADS_PATH, { body });
  }

  updateLead(id: string, body: TesselysUpdateLeadDto): Promise<unknown> {
    return this.put(`${LEADS_PATH}/${encodeURIComponent(id)}`, { body });
  }
}
