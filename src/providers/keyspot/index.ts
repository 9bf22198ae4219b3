/** Keyspot, as the provider registry knows it. */
import { decodeJwt } from './decode-jwt';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider.error';
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import type { ProviderModule } from '../provider-adapter';
import { createProviderPolicy } from '../resilience/create-provider-policy';
import { KeyspotAdapter, KEYSPOT_CAPABILITIES, KEYSPOT_RECORDED_CAPABILITIES, KEYSPOT_RULES } from './keyspot.adapter';
import { KeyspotLeadRecords } from './keyspot-lead-records';
import { KeyspotAuthClient } from './keyspot-auth.client';
import { KeyspotClient } from './keyspot.client';
import { readKeyspotConfig, type KeyspotConfig } from './keyspot.config';
import { RefreshingTokenSource, StaticTokenSource, type TokenSource } from './keyspot.token-source';
import { DEFAULT_TENANT } from '../../tenants/default-tenant';

function assertStaticTokenUnexpired(token: string, now: number): void {
  let exp: number | undefined;
  try {
    exp = decodeJwt(token).exp;
  } catch {
    return; // Not a JWT we can read: only Keyspot can judge it.
  }
  if (exp !== undefined && exp * 1000 <= now) {
    throw new ProviderError(ErrorCode.PROVIDER_AUTH_FAILED, LeadProvider.KEYSPOT, 'KEYSPOT_API_TOKEN has expired.');
  }
}

export const keyspotModule: ProviderModule<KeyspotConfig> = {
  provider: LeadProvider.KEYSPOT,
  // The gateway always opens a store, so once connected Keyspot is read from the gateway's record.
  capabilities: KEYSPOT_RECORDED_CAPABILITIES,
  readsFrom: 'gateway-record',
  rules: KEYSPOT_RULES,
  readConfig: readKeyspotConfig,

  async startDemo(options = {}) {
    // Loaded on demand: a production gateway never needs the simulator (~14 MB RSS with both).
    const { startKeyspotSimulator } = await import('./simulator/keyspot.simulator');
    const sim = await startKeyspotSimulator(options);
    return {
      config: { baseUrl: sim.url, auth: { kind: 'client-credentials', ...sim.credentials } },
      url: sim.url,
      credentials: { ...sim.credentials },
      env: { KEYSPOT_BASE_URL: sim.url, KEYSPOT_CLIENT_ID: sim.credentials.clientId, KEYSPOT_CLIENT_SECRET: sim.credentials.clientSecret },
      close: () => sim.close(),
    };
  },

  connect(config, deps, { demo, pools }) {
    const pool = pools.forOrigin(config.baseUrl);
    const logger = deps.logger.child({ provider: LeadProvider.KEYSPOT });
    // One policy set for the token endpoint and the lead API alike: both are Keyspot being up or down.
    const policy = createProviderPolicy(LeadProvider.KEYSPOT, deps, logger);
    const now = deps.now ?? Date.now;
    let tokens: TokenSource;
    let auth: KeyspotAuthClient | undefined;
    if (config.auth.kind === 'static-token') {
      tokens = new StaticTokenSource(config.auth.token);
    } else {
      auth = new KeyspotAuthClient(config.baseUrl, config.auth, { pool, policy, logger, observer: deps.observer }, now);
      const issuer = auth;
      tokens = new RefreshingTokenSource(
        () => issuer.issueToken(),
        now,
        (outcome) => {
          deps.observer?.tokenRefresh(LeadProvider.KEYSPOT, outcome);
          logger.info({ outcome }, 'keyspot token refresh');
        },
      );
    }
    // Without the store (a directory made without one) Keyspot can only create, as its API allows.
    // A connection made outside the directory (no deps.tenant) records under the environment's tenant.
    const records = deps.leadRecords ? new KeyspotLeadRecords(deps.leadRecords, deps.tenant ?? DEFAULT_TENANT) : undefined;
    return {
      provider: LeadProvider.KEYSPOT,
      demo,
      capabilities: records ? KEYSPOT_RECORDED_CAPABILITIES : KEYSPOT_CAPABILITIES,
      readsFrom: records ? 'gateway-record' : 'provider',
      rules: KEYSPOT_RULES,
      forRequest: (scope) => {
        const transport = {
          pool,
          policy,
          logger: scope.logger,
          observer: deps.observer,
          onUpstreamCall: scope.countUpstreamCall,
          signal: scope.signal,
        };
        return new KeyspotAdapter(new KeyspotClient(config.baseUrl, tokens, transport), logger, records);
      },
      // Keyspot documents no read endpoint: a fresh token call is what proves the service is up and
      // the credentials still work (a cached token would prove neither). It goes outside the policy
      // (one attempt, short deadline, never counted by the breaker) and leaves the cached token to
      // requests. A static token can only be checked for expiry here; Keyspot judges it when a
      // create uses it.
      probe: async () => {
        if (auth) await auth.probeToken();
        else assertStaticTokenUnexpired(await tokens.getToken(), now());
      },
      health: () => policy.health(),
      // The pool is shared per origin and closed by the directory; nothing else is held open.
      close: async () => undefined,
    };
  },
};
