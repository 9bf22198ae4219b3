/**
 * An open-loop load at a fixed rate, for scenario (e): requests leave on schedule whether or not
 * earlier ones have answered, so queueing in the target shows up in the latency. (autocannon's
 * rate mode reports latencies below the upstream's own injected delay, so it is not used here.)
 */
import { Pool } from 'undici';

export interface FixedRateOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Request bodies, used in turn (POST only). */
  bodies?: string[];
  /** The body of the index-th request, when each must differ (a fresh idempotency key); wins over `bodies`. */
  bodyAt?: (index: number) => string;
  rate: number;
  seconds: number;
}

export interface FixedRateResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

export async function fixedRate(options: FixedRateOptions): Promise<FixedRateResult> {
  const target = new URL(options.url);
  const pool = new Pool(target.origin, { connections: 256 });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;

  const send = async (index: number) => {
    const begin = performance.now();
    try {
      const response = await pool.request({
        path: target.pathname + target.search,
        method: options.method,
        headers: options.headers,
        body: options.bodyAt ? options.bodyAt(index) : options.bodies ? options.bodies[index % options.bodies.length] : undefined,
      });
      await response.body.text();
      if (response.statusCode < 200 || response.statusCode > 299) non2xx++;
      latencies.push(performance.now() - begin);
    } catch {
      errors++;
    }
  };

  while (sent < total) {
    const due = started + sent * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(sent));
    sent++;
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((x, y) => x - y);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requestsPerSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors, non2xx, requests: latencies.length };
}
