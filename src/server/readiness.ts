/**
 * `/readyz`: whether this process can serve. That is its configuration loaded (it did, or we would
 * not be running), not shutting down, and its store answering. The store and Redis are reported
 * beside it (`store`, `redis`: status and what it means); Redis down never makes it unready, since
 * the gateway keeps serving with rate limits per process. Providers never decide it:
 * one provider's outage is the same for every replica, so a load balancer that dropped replicas
 * for it would turn a partial outage (Keyspot creates still work while Tesselys is down) into a
 * total one. Provider states are reported beside it, in the body and as a metric.
 *
 * Each provider is probed with `probe()` (one attempt, outside the retry budget and the circuit
 * breaker) and the whole probe is capped at PROBE_CAP_MS: a hanging provider is reported down
 * (`PROBE_TIMEOUT`) and the answer still comes within the cap. Results are cached briefly and
 * shared by concurrent callers, so a load balancer polling often costs the providers almost nothing.
 */
import { ProviderError } from '../errors/provider.error';

/** The longest a readiness answer waits for the providers' probes. */
export const PROBE_CAP_MS = 1_000;
export const PROBE_TIMEOUT = 'PROBE_TIMEOUT';

/** One configured provider as readiness sees it. */
export interface ProbeTarget {
  provider: string;
  probe(): Promise<void>;
  /** The circuit breaker's state now (CLOSED, OPEN, HALF_OPEN). */
  circuit(): string;
}

export interface ProviderState {
  configured: boolean;
  /** The last probe's result; null when not configured. */
  up: boolean | null;
  /** The error code of a failed probe (PROBE_TIMEOUT when it did not answer within the cap). */
  code?: string;
  /** Circuit breaker state; null when not configured. */
  circuit: string | null;
  /** When the reported probe ran (ISO 8601). */
  checkedAt?: string;
}

/** A shared dependency (the store, Redis) as /readyz reports it. */
export interface DependencyState {
  status: 'up' | 'down';
  /** What that means for requests, in a few words (never a secret). */
  detail: string;
}

export interface ReadinessReport {
  ready: boolean;
  /** Why the process cannot serve, when it cannot. */
  reason?: 'shutting_down' | 'store_unreachable';
  /** The store, when readiness checks it. */
  store?: DependencyState;
  /** Redis, when configured: down never makes the process unready (rate limits fall back). */
  redis?: DependencyState;
  providers: Record<string, ProviderState>;
}

export interface ReadinessOptions {
  /** How long a probe result is reused (ms). */
  cacheMs?: number;
  capMs?: number;
  now?: () => number;
  /** Told each probe's outcome (the provider_up gauge). */
  onProbe?(provider: string, up: boolean): void;
  /** Whether the store answers (a cheap round trip); the process cannot serve without it. */
  storeReachable?(): Promise<boolean>;
  /** Redis's state now (no round trip: the connection knows), when REDIS_URL is set. */
  redis?(): DependencyState;
}

export const STORE_UP: DependencyState = { status: 'up', detail: 'submissions and keyed creates are accepted' };
export const STORE_DOWN: DependencyState = {
  status: 'down',
  detail:
    'submitLead, keyed createLead and reads of Keyspot leads (kept in the store) answer STORE_UNAVAILABLE; reads of Tesselys are still served',
};

export interface ReadinessCheck {
  (): Promise<ReadinessReport>;
  /** From now on the process is not ready: it is draining before exit. */
  markShuttingDown(): void;
}

interface ProbeResult {
  up: boolean;
  code?: string;
  at: number;
}

/** Runs `probe` but gives up waiting after `capMs`; the probe itself is left to end on its own deadline. */
async function cappedProbe(probe: () => Promise<void>, capMs: number): Promise<{ up: boolean; code?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<{ up: false; code: string }>((resolve) => {
    timer = setTimeout(() => resolve({ up: false, code: PROBE_TIMEOUT }), capMs);
    timer.unref();
  });
  const attempt = probe().then(
    () => ({ up: true }),
    (error: unknown) => ({ up: false, code: error instanceof ProviderError ? error.code : 'INTERNAL_SERVER_ERROR' }),
  );
  try {
    return await Promise.race([attempt, cap]);
  } finally {
    clearTimeout(timer);
  }
}

/** The store's answer within `capMs`; no answer in time counts as unreachable. */
async function storeAnswers(ping: () => Promise<boolean>, capMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), capMs);
    timer.unref();
  });
  try {
    return await Promise.race([ping().catch(() => false), cap]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `targets` lists the configured providers; `known` every provider name (configured or not), so the
 * body always names each one.
 */
export function createReadinessCheck(
  targets: () => readonly ProbeTarget[],
  known: readonly string[],
  options: ReadinessOptions = {},
): ReadinessCheck {
  const cacheMs = options.cacheMs ?? 5_000;
  const capMs = options.capMs ?? PROBE_CAP_MS;
  const now = options.now ?? Date.now;
  let shuttingDown = false;
  let cached: { at: number; results: Map<string, ProbeResult> } | undefined;
  let inFlight: Promise<Map<string, ProbeResult>> | undefined;

  async function probeAll(): Promise<Map<string, ProbeResult>> {
    const entries = await Promise.all(
      targets().map(async (target): Promise<[string, ProbeResult]> => {
        const outcome = await cappedProbe(() => target.probe(), capMs);
        options.onProbe?.(target.provider, outcome.up);
        return [target.provider, { ...outcome, at: now() }];
      }),
    );
    return new Map(entries);
  }

  function results(): Promise<Map<string, ProbeResult>> {
    if (cached && now() - cached.at < cacheMs) return Promise.resolve(cached.results);
    inFlight ??= probeAll()
      .then((probed) => {
        cached = { at: now(), results: probed };
        return probed;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  const check = async (): Promise<ReadinessReport> => {
    // Draining: answer at once from whatever was probed last; the answer is "not ready" anyway.
    const probed = shuttingDown ? (cached?.results ?? new Map<string, ProbeResult>()) : await results();
    const configured = new Map(targets().map((target) => [target.provider, target]));
    const providers: Record<string, ProviderState> = {};
    for (const provider of known) {
      const target = configured.get(provider);
      const result = probed.get(provider);
      providers[provider] =
        target && result
          ? {
              configured: true,
              up: result.up,
              ...(result.code ? { code: result.code } : {}),
              circuit: target.circuit(),
              checkedAt: new Date(result.at).toISOString(),
            }
          : { configured: false, up: null, circuit: null };
    }
    const redis = options.redis ? { redis: options.redis() } : {};
    if (shuttingDown) return { ready: false, reason: 'shutting_down', ...redis, providers };
    if (!options.storeReachable) return { ready: true, ...redis, providers };
    if (!(await storeAnswers(options.storeReachable, capMs)))
      return { ready: false, reason: 'store_unreachable', store: STORE_DOWN, ...redis, providers };
    return { ready: true, store: STORE_UP, ...redis, providers };
  };
  return Object.assign(check, {
    markShuttingDown() {
      shuttingDown = true;
    },
  });
}
