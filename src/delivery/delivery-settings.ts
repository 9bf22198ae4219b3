/**
 * The delivery worker's settings, from the environment (DESIGN.md Part 2, "Durable delivery").
 * SUBMISSION_MAX_AGE_HOURS is read and checked with the store's settings (store-config.ts) and
 * passed in; the others tune the loop (a bad value is a problem line that stops start-up).
 */
export interface DeliverySettings {
  /** A submission not delivered this long after it was (re)queued becomes FAILED. */
  maxAgeMs: number;
  /** How often an idle worker looks for due work (a local submitLead also wakes it at once). */
  pollMs: number;
  /** How long a claim lasts without renewal; a crashed worker's claims pass to another after it. */
  leaseMs: number;
  /** Submissions one worker delivers at once. */
  concurrency: number;
  /** On close(), how long an in-flight delivery may take before it is handed back. */
  shutdownGraceMs: number;
  /** Backoff bounds between attempts. */
  minBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  maxAgeMs: 72 * 60 * 60 * 1000,
  pollMs: 500,
  leaseMs: 30_000,
  concurrency: 4,
  shutdownGraceMs: 5_000,
  minBackoffMs: 1_000,
  maxBackoffMs: 15 * 60 * 1000,
};

function positive(env: NodeJS.ProcessEnv, name: string, scale: number, fallback: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    problems.push(`${name} must be a positive number`);
    return fallback;
  }
  return value * scale;
}

export function readDeliverySettings(env: NodeJS.ProcessEnv, maxAgeHours: number): { settings: DeliverySettings; problems: string[] } {
  const problems: string[] = [];
  const d = DEFAULT_DELIVERY_SETTINGS;
  const settings: DeliverySettings = {
    maxAgeMs: maxAgeHours * 60 * 60 * 1000,
    pollMs: positive(env, 'SUBMISSION_POLL_MS', 1, d.pollMs, problems),
    leaseMs: positive(env, 'SUBMISSION_LEASE_MS', 1, d.leaseMs, problems),
    concurrency: Math.max(1, Math.floor(positive(env, 'SUBMISSION_CONCURRENCY', 1, d.concurrency, problems))),
    shutdownGraceMs: positive(env, 'SUBMISSION_SHUTDOWN_GRACE_MS', 1, d.shutdownGraceMs, problems),
    minBackoffMs: d.minBackoffMs,
    maxBackoffMs: d.maxBackoffMs,
  };
  return { settings, problems };
}
