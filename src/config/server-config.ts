/**
 * The HTTP server's own limits and where the operational endpoints are served. Node's defaults let
 * a client hold a connection with a slow partial body for minutes and accept connections without
 * bound; these settings are what a gateway facing the internet needs. Like the rest of the
 * configuration, each bad variable yields one line naming it and never its value.
 */
import { headerUnsafeProblem } from './header-safe';

export interface ServerSettings {
  /** Whole request (headers and body) must arrive within this (ms); Node's requestTimeout. */
  requestTimeoutMs: number;
  /** Headers must arrive within this (ms); Node's headersTimeout. */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (ms). */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are refused at once (server.maxConnections); 0 means no cap. */
  maxConnections: number;
  /**
   * On close (SIGTERM), in-flight requests get this long (ms) before their connections are cut;
   * provider calls still running at 80% of it are abandoned so their answer still goes out.
   */
  shutdownGraceMs: number;
  /** When set, /metrics and the detail of /readyz need `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** When set, /healthz, /readyz and /metrics are served on this port only (not on PORT). */
  opsPort?: number;
  /** Federated tracing (apollo-federation-include-trace) answered; it reveals type and field names. */
  federationTraces: boolean;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
  shutdownGraceMs: 10_000,
  federationTraces: false,
};

/** The shortest a metrics token may be: it is a password. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const text = env[name]?.trim() ?? '';
  if (!text) return fallback;
  const value = Number(text);
  if (/^\d+$/.test(text) && value >= min && value <= max) return value;
  problems.push(`${name} must be a whole number from ${min} to ${max}`);
  return fallback;
}

/** `federationTracesDefault`: traces follow introspection unless FEDERATION_TRACES says otherwise. */
export function readServerConfig(
  env: NodeJS.ProcessEnv,
  federationTracesDefault: boolean,
): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const requestTimeoutMs = readInteger(env, 'HTTP_REQUEST_TIMEOUT_MS', DEFAULT_SERVER_SETTINGS.requestTimeoutMs, 1_000, 600_000, problems);
  const headersTimeoutMs = readInteger(env, 'HTTP_HEADERS_TIMEOUT_MS', DEFAULT_SERVER_SETTINGS.headersTimeoutMs, 1_000, 600_000, problems);
  if (headersTimeoutMs > requestTimeoutMs) problems.push('HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  const keepAliveTimeoutMs = readInteger(
    env,
    'HTTP_KEEP_ALIVE_TIMEOUT_MS',
    DEFAULT_SERVER_SETTINGS.keepAliveTimeoutMs,
    0,
    600_000,
    problems,
  );
  const maxConnections = readInteger(env, 'MAX_CONNECTIONS', DEFAULT_SERVER_SETTINGS.maxConnections, 0, 1_000_000, problems);
  const shutdownGraceMs = readInteger(env, 'SHUTDOWN_GRACE_MS', DEFAULT_SERVER_SETTINGS.shutdownGraceMs, 100, 600_000, problems);

  const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
  const unsafe = headerUnsafeProblem('METRICS_TOKEN', metricsToken);
  if (unsafe) problems.push(unsafe);
  else if (metricsToken && metricsToken.length < MIN_METRICS_TOKEN_LENGTH)
    problems.push(`METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters`);

  const opsPortText = env.OPS_PORT?.trim() ?? '';
  let opsPort: number | undefined;
  if (opsPortText) {
    opsPort = Number(opsPortText);
    if (!/^\d+$/.test(opsPortText) || opsPort > 65535) problems.push('OPS_PORT must be a whole number from 0 to 65535');
  }

  const tracesText = env.FEDERATION_TRACES?.trim().toLowerCase() ?? '';
  let federationTraces = federationTracesDefault;
  if (tracesText === 'true' || tracesText === '1') federationTraces = true;
  else if (tracesText === 'false' || tracesText === '0') federationTraces = false;
  else if (tracesText) problems.push('FEDERATION_TRACES must be true or false');

  return {
    problems,
    settings: {
      requestTimeoutMs,
      headersTimeoutMs,
      keepAliveTimeoutMs,
      maxConnections,
      shutdownGraceMs,
      ...(metricsToken && !unsafe ? { metricsToken } : {}),
      ...(opsPort !== undefined ? { opsPort } : {}),
      federationTraces,
    },
  };
}
