/**
 * A faithful in-process fake of Keyspot's partner API (token endpoint + lead creation), built on
 * the shared simulator harness so it gets the same fault, latency and counter knobs as every
 * other provider. Tests and the demo mode talk to it over real HTTP; its clock is injectable so
 * token expiry is tested by moving time, never by sleeping.
 */
import { startSimulatorServer, routeKey, type SimulatorServer } from '../../../simulators/simulator-server';
import { keyspotControlRoutes } from './keyspot.control-routes';
import { KeyspotLeadStore } from './keyspot.lead-store';
import { KEYSPOT_LEADS_PATH, KEYSPOT_TOKEN_PATH, type KeyspotLeadResource } from './keyspot.documented-api';
import { keyspotLeadRoute } from './keyspot.lead-route';
import { DEFAULT_KEYSPOT_PROPERTIES, type KeyspotPropertyDto } from './keyspot.properties';
import { KeyspotTokenIssuer } from './keyspot.token-issuer';
import { KEYSPOT_TOKEN_RESPONSE_SHAPES, type KeyspotTokenResponseShape } from './keyspot.token-response';
import { keyspotTokenRoute, type KeyspotCredentials } from './keyspot.token-route';

export type { KeyspotPropertyDto } from './keyspot.properties';
export { DEFAULT_KEYSPOT_PROPERTIES } from './keyspot.properties';
export { KEYSPOT_TOKEN_RESPONSE_SHAPES, type KeyspotTokenResponseShape } from './keyspot.token-response';
export { KEYSPOT_LEADS_PATH, KEYSPOT_TOKEN_PATH, type KeyspotLeadResource } from './keyspot.documented-api';
export { type KeyspotCredentials } from './keyspot.token-route';
export { INVALID_CREDENTIALS_MESSAGE, INVALID_TOKEN_MESSAGE } from './keyspot.errors';

/** Demo-only credentials: the simulator is never a real Keyspot account. */
export const KEYSPOT_DEMO_CREDENTIALS: KeyspotCredentials = Object.freeze({ clientId: 'ks_demo_client', clientSecret: 'ks_demo_secret' });

/** Route keys, for `faults.failNext({ route })` and `counters.count(route)`. */
export const KEYSPOT_ROUTES = {
  token: routeKey({ method: 'POST', path: KEYSPOT_TOKEN_PATH }),
  createLead: routeKey({ method: 'POST', path: KEYSPOT_LEADS_PATH }),
} as const;

export interface KeyspotSimulatorOptions {
  port?: number;
  host?: string;
  /** Mount the `/__control` API (off by default). */
  control?: boolean;
  /** Default KEYSPOT_DEMO_CREDENTIALS. */
  credentials?: { clientId: string; clientSecret: string };
  /** Default 3600, as documented. */
  tokenLifetimeSeconds?: number;
  /** Default DEFAULT_KEYSPOT_PROPERTIES. */
  properties?: KeyspotPropertyDto[];
  /** Millisecond clock for `iat`/`exp`, the expiry check and lead timestamps; default Date.now. */
  now?: () => number;
  /** Where the token endpoint puts the JWT; default 'data.token'. */
  tokenResponseShape?: KeyspotTokenResponseShape;
  /** Also answer `trafficOrigin` on created leads (undocumented; default false). */
  echoTrafficOrigin?: boolean;
}

export interface KeyspotSimulator extends SimulatorServer {
  credentials: { clientId: string; clientSecret: string };
  /** Requests to the token endpoint, failed and faulted ones included. */
  tokenCalls(): number;
  /** Affects tokens issued from now on. */
  setTokenLifetime(seconds: number): void;
  /** That token now gets 401. */
  revokeToken(token: string): void;
  revokeAllTokens(): void;
  /** Mints a valid JWT without the token endpoint (a "static token"); not counted in tokenCalls. */
  issueToken(lifetimeSeconds?: number): Promise<string>;
  /** Created leads, oldest first (with trafficOrigin, which the response omits by default). */
  leads(): KeyspotLeadResource[];
  properties(): KeyspotPropertyDto[];
}

export async function startKeyspotSimulator(options: KeyspotSimulatorOptions = {}): Promise<KeyspotSimulator> {
  const now = options.now ?? Date.now;
  const credentials = { ...(options.credentials ?? KEYSPOT_DEMO_CREDENTIALS) };
  const shape = options.tokenResponseShape ?? 'data.token';
  if (!KEYSPOT_TOKEN_RESPONSE_SHAPES.includes(shape)) throw new RangeError(`unknown tokenResponseShape: ${String(shape)}`);

  const issuer = new KeyspotTokenIssuer({ lifetimeSeconds: options.tokenLifetimeSeconds ?? 3600, now });
  const store = new KeyspotLeadStore(
    (options.properties ?? DEFAULT_KEYSPOT_PROPERTIES).map((p) => ({ ...p })),
    now,
  );

  const server = await startSimulatorServer({
    routes: [
      keyspotTokenRoute(credentials, issuer, shape),
      keyspotLeadRoute(issuer, store, { echoTrafficOrigin: options.echoTrafficOrigin ?? false }),
    ],
    port: options.port,
    host: options.host,
    control: options.control,
    controlRoutes: keyspotControlRoutes(issuer),
  });

  return {
    ...server,
    credentials,
    tokenCalls: () => server.counters.count(KEYSPOT_ROUTES.token),
    setTokenLifetime: (seconds) => issuer.setLifetime(seconds),
    revokeToken: (token) => issuer.revoke(token),
    revokeAllTokens: () => issuer.revokeAll(),
    issueToken: (lifetimeSeconds) => issuer.issue(credentials.clientId, lifetimeSeconds),
    leads: () => store.leads(),
    properties: () => store.properties(),
  };
}
