/**
 * Every provider connection this process holds, per tenant × provider: each with its own token
 * source, circuit breaker and bulkhead (made by the module's connect()), all sharing one upstream
 * pool per origin. The environment configuration is the tenant `default`; Part 2 adds tenants with
 * connect()/disconnect() at run time.
 *
 * Contract: one connection per tenant × provider at most (connecting again replaces, and closes,
 * the previous one); a tenant that connected nothing sees every provider unconfigured; statuses and
 * capabilities are answered per connection, falling back to the module's declaration when the
 * provider is not connected for that tenant.
 */
import { CircuitState } from '../leads/enums/circuit-state.enum';
import type { LeadProvider } from '../leads/enums/lead-provider.enum';
import type { ProviderCapability } from '../leads/enums/provider-capability.enum';
import { ListingTotals } from '../leads/pagination/listing-totals';
import type { UpstreamPoolOptions } from './http/upstream-pool';
import type { LeadReadSource, ProviderConnection, ProviderDeps, ProviderModule } from './provider-adapter';
import { SharedProviderPools } from './provider-pools';
import type { CircuitStateName } from './resilience/provider-policy';

export interface ProviderStatus {
  provider: LeadProvider;
  configured: boolean;
  demo: boolean;
  capabilities: ProviderCapability[];
  /** Where reads come from: the provider's API, or the gateway's record of the leads it created there. */
  readsFrom: LeadReadSource;
  /** Null when not configured. */
  health: { circuit: CircuitState; consecutiveFailures: number } | null;
}

/** A connection and what the gateway remembers about its listings (per tenant × provider). */
export interface DirectoryEntry {
  readonly tenant: string;
  readonly connection: ProviderConnection;
  readonly listingTotals: ListingTotals;
}

/** One tenant's providers, as `/readyz` and other per-tenant readers see them. */
export interface TenantProviders {
  readonly tenant: string;
  statuses(): ProviderStatus[];
  connection(provider: LeadProvider): ProviderConnection | undefined;
}

const CIRCUIT_STATES: Record<CircuitStateName, CircuitState> = {
  closed: CircuitState.CLOSED,
  open: CircuitState.OPEN,
  'half-open': CircuitState.HALF_OPEN,
};

export class ProviderDirectory {
  private readonly tenants = new Map<string, Map<LeadProvider, DirectoryEntry>>();
  private readonly pools: SharedProviderPools;

  constructor(
    private readonly modules: readonly ProviderModule<any>[],
    private readonly deps: ProviderDeps,
    poolOptions: UpstreamPoolOptions = { timeoutMs: deps.resilience?.timeoutMs, maxBodyBytes: deps.resilience?.maxBodyBytes },
  ) {
    this.pools = new SharedProviderPools(poolOptions);
  }

  /** Connects `tenant` to the module's provider with `config`, replacing (and closing) any previous connection. */
  async connect<TConfig>(
    tenant: string,
    module: ProviderModule<TConfig>,
    config: TConfig,
    options: { demo: boolean },
  ): Promise<ProviderConnection> {
    // The tenant rides along so a connection's lead records (deps.leadRecords) are that tenant's alone.
    const deps = { ...this.deps, tenant, logger: this.deps.logger.child({ tenant }) };
    const connection = module.connect(config, deps, { demo: options.demo, pools: this.pools });
    let entries = this.tenants.get(tenant);
    if (!entries) {
      entries = new Map();
      this.tenants.set(tenant, entries);
    }
    const previous = entries.get(module.provider);
    entries.set(module.provider, { tenant, connection, listingTotals: new ListingTotals() });
    await previous?.connection.close();
    return connection;
  }

  /** Forgets the tenant's connection to `provider` and closes it; nothing happens when there is none. */
  async disconnect(tenant: string, provider: LeadProvider): Promise<void> {
    const entries = this.tenants.get(tenant);
    const entry = entries?.get(provider);
    if (!entries || !entry) return;
    entries.delete(provider);
    if (entries.size === 0) this.tenants.delete(tenant);
    await entry.connection.close();
  }

  connection(tenant: string, provider: LeadProvider): ProviderConnection | undefined {
    return this.entry(tenant, provider)?.connection;
  }

  entry(tenant: string, provider: LeadProvider): DirectoryEntry | undefined {
    return this.tenants.get(tenant)?.get(provider);
  }

  /** What the provider can do for this tenant: its connection's answer, else what its module declares. */
  capabilities(tenant: string, provider: LeadProvider): readonly ProviderCapability[] {
    const connection = this.connection(tenant, provider);
    if (connection) return connection.capabilities;
    return this.modules.find((module) => module.provider === provider)?.capabilities ?? [];
  }

  supports(tenant: string, provider: LeadProvider, capability: ProviderCapability): boolean {
    return this.capabilities(tenant, provider).includes(capability);
  }

  /** Providers that can do `capability` for this tenant, in registry order: those connected, and all of them. */
  providersThatCan(tenant: string, capability: ProviderCapability): { configured: LeadProvider[]; all: LeadProvider[] } {
    const all = this.modules.map((module) => module.provider).filter((provider) => this.supports(tenant, provider, capability));
    return { configured: all.filter((provider) => this.connection(tenant, provider) !== undefined), all };
  }

  statuses(tenant: string): ProviderStatus[] {
    return this.modules.map((module) => {
      const connection = this.connection(tenant, module.provider);
      return {
        provider: module.provider,
        configured: connection !== undefined,
        demo: connection?.demo ?? false,
        capabilities: [...this.capabilities(tenant, module.provider)],
        readsFrom: connection?.readsFrom ?? module.readsFrom ?? 'provider',
        health: connection ? healthOf(connection) : null,
      };
    });
  }

  /** How many upstream pools are open: one per distinct provider origin, however many tenants use it. */
  get poolCount(): number {
    return this.pools.size;
  }

  /** A view of one tenant's providers. */
  /** The tenant's connected providers, in the order they were connected. */
  connections(tenant: string): ProviderConnection[] {
    return [...(this.tenants.get(tenant)?.values() ?? [])].map((entry) => entry.connection);
  }

  tenant(tenant: string): TenantProviders {
    return {
      tenant,
      statuses: () => this.statuses(tenant),
      connection: (provider) => this.connection(tenant, provider),
    };
  }

  /** Closes every connection, then the shared pools. */
  async close(): Promise<void> {
    const entries = [...this.tenants.values()].flatMap((perProvider) => [...perProvider.values()]);
    this.tenants.clear();
    await Promise.allSettled(entries.map((entry) => entry.connection.close()));
    await this.pools.close();
  }
}

function healthOf(connection: ProviderConnection): ProviderStatus['health'] {
  const { circuit, consecutiveFailures } = connection.health();
  return { circuit: CIRCUIT_STATES[circuit], consecutiveFailures };
}
