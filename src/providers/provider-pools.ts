/**
 * Upstream pools shared per origin across every tenant's connection: two tenants on the same
 * provider (same base URL) reuse one keep-alive pool instead of each opening its own sockets.
 * Sharing is safe because the pool only joins identical GETs, headers (credentials) included.
 */
import { createUpstreamPool, type UpstreamPool, type UpstreamPoolOptions } from './http/upstream-pool';
import type { ProviderPools } from './provider-adapter';

export class SharedProviderPools implements ProviderPools {
  private readonly pools = new Map<string, UpstreamPool>();

  constructor(private readonly options: UpstreamPoolOptions = {}) {}

  forOrigin(baseUrl: string): UpstreamPool {
    const origin = new URL(baseUrl).origin;
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = createUpstreamPool(this.options);
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /** How many distinct origins have a pool (for tests and diagnostics). */
  get size(): number {
    return this.pools.size;
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map((pool) => pool.close()));
  }
}
