/**
 * `/readyz`: ready when configuration loaded (it did, or we would not be running) and every
 * configured provider answers with our credentials accepted. Probes are cached briefly and shared
 * by concurrent callers, so a load balancer polling often costs the providers almost nothing.
 */
import { ProviderError } from '../errors/provider.error';
import type { TenantProviders } from '../providers/provider-directory';

export interface ProviderReadiness {
  ready: boolean;
  /** The error code when not ready. */
  code?: string;
}

export interface ReadinessReport {
  ready: boolean;
  providers: Record<string, ProviderReadiness>;
}

export function createReadinessCheck(runtime: TenantProviders, options: { cacheMs?: number; now?: () => number } = {}) {
  const cacheMs = options.cacheMs ?? 5_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; report: ReadinessReport } | undefined;
  let inFlight: Promise<ReadinessReport> | undefined;

  async function probeAll(): Promise<ReadinessReport> {
    const configured = runtime.statuses().filter((s) => s.configured);
    const results = await Promise.all(
      configured.map(async ({ provider }): Promise<[string, ProviderReadiness]> => {
        try {
          await runtime.connection(provider)!.probe();
          return [provider, { ready: true }];
        } catch (error) {
          return [provider, { ready: false, code: error instanceof ProviderError ? error.code : 'INTERNAL_SERVER_ERROR' }];
        }
      }),
    );
    const providers = Object.fromEntries(results);
    return { ready: configured.length > 0 && results.every(([, r]) => r.ready), providers };
  }

  return function check(): Promise<ReadinessReport> {
    if (cached && now() - cached.at < cacheMs) return Promise.resolve(cached.report);
    inFlight ??= probeAll()
      .then((report) => {
        cached = { at: now(), report };
        return report;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}
