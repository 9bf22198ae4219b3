/**
 * The providers this process talks to, connected once at start-up: what `providers` reports and
 * where each request's adapters come from.
 */
import type { LeadProvider } from '../leads/enums/lead-provider.enum';
import type { ProviderCapability } from '../leads/enums/provider-capability.enum';
import { CircuitState } from '../leads/enums/circuit-state.enum';
import type { ProviderConnection, ProviderModule } from './provider-adapter';
import type { CircuitStateName } from './resilience/provider-policy';

export interface ProviderStatus {
  provider: LeadProvider;
  configured: boolean;
  demo: boolean;
  capabilities: ProviderCapability[];
  /** Null when not configured. */
  health: { circuit: CircuitState; consecutiveFailures: number } | null;
}

const CIRCUIT_STATES: Record<CircuitStateName, CircuitState> = {
  closed: CircuitState.CLOSED,
  open: CircuitState.OPEN,
  'half-open': CircuitState.HALF_OPEN,
};

export class ProviderRuntime {
  private readonly connections: Map<LeadProvider, ProviderConnection>;

  constructor(
    private readonly modules: readonly ProviderModule<any>[],
    connections: ProviderConnection[],
  ) {
    this.connections = new Map(connections.map((connection) => [connection.provider, connection]));
  }

  connection(provider: LeadProvider): ProviderConnection | undefined {
    return this.connections.get(provider);
  }

  /** Whether the provider's module declares the capability (configured or not); no status snapshot built. */
  supports(provider: LeadProvider, capability: ProviderCapability): boolean {
    return this.modules.some((module) => module.provider === provider && module.capabilities.includes(capability));
  }

  /** Providers whose module declares the capability, configured ones first, in registry order. */
  providersThatCan(capability: ProviderCapability): { configured: LeadProvider[]; all: LeadProvider[] } {
    const all = this.modules.filter((module) => module.capabilities.includes(capability)).map((module) => module.provider);
    return { configured: all.filter((provider) => this.connections.has(provider)), all };
  }

  statuses(): ProviderStatus[] {
    return this.modules.map((module) => {
      const connection = this.connections.get(module.provider);
      return {
        provider: module.provider,
        configured: connection !== undefined,
        demo: connection?.demo ?? false,
        capabilities: [...module.capabilities],
        health: connection ? healthOf(connection) : null,
      };
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.connections.values()].map((connection) => connection.close()));
  }
}

function healthOf(connection: ProviderConnection): ProviderStatus['health'] {
  const { circuit, consecutiveFailures } = connection.health();
  return { circuit: CIRCUIT_STATES[circuit], consecutiveFailures };
}
