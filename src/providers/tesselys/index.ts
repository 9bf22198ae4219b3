/** Tesselys, as the provider registry knows it. */
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { SingleFlight } from '../http/single-flight';
import type { ProviderModule, RequestScope } from '../provider-adapter';
import { createProviderPolicy } from '../resilience/create-provider-policy';
import { TesselysAdapter, TESSELYS_CAPABILITIES, TESSELYS_RULES } from './tesselys.adapter';
import { TesselysClient } from './tesselys.client';
import { readTesselysConfig, type TesselysConfig } from './tesselys.config';

export const tesselysModule: ProviderModule<TesselysConfig> = {
  provider: LeadProvider.TESSELYS,
  capabilities: TESSELYS_CAPABILITIES,
  rules: TESSELYS_RULES,
  readConfig: readTesselysConfig,

  async startDemo(options = {}) {
    // Loaded on demand: a production gateway never needs the simulator (~14 MB RSS with both).
    const { startTesselysSimulator } = await import('./simulator/tesselys.simulator');
    const sim = await startTesselysSimulator(options);
    return {
      config: { baseUrl: sim.url, ...sim.credentials },
      url: sim.url,
      credentials: { ...sim.credentials },
      env: {
        TESSELYS_BASE_URL: sim.url,
        TESSELYS_ACCESS_TOKEN: sim.credentials.accessToken,
        TESSELYS_COMPANY_TOKEN: sim.credentials.companyToken,
      },
      close: () => sim.close(),
    };
  },

  connect(config, deps, { demo, pools }) {
    const pool = pools.forOrigin(config.baseUrl);
    const logger = deps.logger.child({ provider: LeadProvider.TESSELYS });
    const policy = createProviderPolicy(LeadProvider.TESSELYS, deps, logger);
    // Identical reads in flight share one call, above the policy; Tesselys writes invalidate it.
    const flights = new SingleFlight();
    const client = (scope?: RequestScope) =>
      new TesselysClient(config, {
        pool,
        policy,
        flights,
        logger: scope ? scope.logger : logger,
        observer: deps.observer,
        onUpstreamCall: scope?.countUpstreamCall,
        signal: scope?.signal,
      });
    return {
      provider: LeadProvider.TESSELYS,
      demo,
      capabilities: TESSELYS_CAPABILITIES,
      readsFrom: 'provider',
      rules: TESSELYS_RULES,
      forRequest: (scope) => new TesselysAdapter(client(scope), logger),
      // The cheapest call that proves both headers are accepted: one lead of the first page, one
      // attempt outside the policy (short deadline, no retry, never counted by the breaker).
      probe: () => client().probe(),
      health: () => policy.health(),
      // The pool is shared per origin and closed by the directory; nothing else is held open.
      close: async () => undefined,
    };
  },
};
