/**
 * The provider directory over real simulators: connections per tenant × provider (own breaker and
 * credentials), pools shared per origin, capabilities and statuses answered per tenant, and
 * connect/disconnect at run time, the calls Part 2's tenant administration will make.
 */
import { ProviderError } from '../../src/errors/provider.error';
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';
import { LeadOrderField, OrderDirection } from '../../src/leads/enums/lead-order.enums';
import { ProviderCapability } from '../../src/leads/enums/provider-capability.enum';
import type { ProviderModule, RequestScope } from '../../src/providers/provider-adapter';
import { ProviderDirectory } from '../../src/providers/provider-directory';
import { PROVIDER_MODULES } from '../../src/providers/registry';
import { DEFAULT_RESILIENCE_SETTINGS } from '../../src/providers/resilience/resilience-settings';
import { tesselysModule } from '../../src/providers/tesselys';
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import type { TesselysConfig } from '../../src/providers/tesselys/tesselys.config';
import { captureLogs } from '../support/log-capture';

const LIST_ROUTE = 'GET /external/v1/leads';
const QUERY = { orderBy: LeadOrderField.CREATED_AT, direction: OrderDirection.DESC };
const logs = captureLogs();
const scope: RequestScope = { logger: logs.logger, countUpstreamCall: () => undefined };
/** Fast enough that a failing call's retries and the breaker settle in milliseconds. */
const resilience = { ...DEFAULT_RESILIENCE_SETTINGS, backoffBaseMs: 1, retries: 0, breakerThreshold: 2 };

let sim: TesselysSimulator;
let directory: ProviderDirectory;
let config: TesselysConfig;

beforeAll(async () => {
  sim = await startTesselysSimulator();
  config = { baseUrl: sim.url, ...sim.credentials };
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.reset();
  sim.counters.reset();
  directory = new ProviderDirectory(PROVIDER_MODULES, { logger: logs.logger, resilience });
});
afterEach(() => directory.close());

function listOne(tenant: string) {
  return directory.connection(tenant, LeadProvider.TESSELYS)!.forRequest(scope).listLeads!(QUERY, { offset: 0, limit: 1 });
}

function circuitOf(tenant: string) {
  return directory.statuses(tenant).find((status) => status.provider === LeadProvider.TESSELYS)!.health?.circuit;
}

test('a tenant that connected nothing sees every provider unconfigured, still with what each could do', () => {
  expect(directory.statuses('nobody')).toEqual(
    PROVIDER_MODULES.map((module) => ({
      provider: module.provider,
      configured: false,
      demo: false,
      capabilities: [...module.capabilities],
      readsFrom: module.readsFrom ?? 'provider',
      health: null,
    })),
  );
  expect(directory.connection('nobody', LeadProvider.TESSELYS)).toBeUndefined();
  // Issue #15: Keyspot lists from the gateway record once connected to a gateway with a store.
  expect(directory.providersThatCan('nobody', ProviderCapability.LIST_LEADS)).toEqual({
    configured: [],
    all: [LeadProvider.KEYSPOT, LeadProvider.TESSELYS],
  });
});

test('two tenants on the same origin share one pool, each with its own credentials', async () => {
  await directory.connect('acme', tesselysModule, config, { demo: false });
  await directory.connect('globex', tesselysModule, { ...config, accessToken: 'not-the-token' }, { demo: false });
  expect(directory.connection('acme', LeadProvider.TESSELYS)).not.toBe(directory.connection('globex', LeadProvider.TESSELYS));

  expect((await listOne('acme')).total).toBe(64);
  await expect(listOne('globex')).rejects.toMatchObject({ code: 'PROVIDER_AUTH_FAILED' });
  expect(sim.counters.history(LIST_ROUTE).map((request) => request.headers.authorization)).toEqual([
    `Bearer ${config.accessToken}`,
    'Bearer not-the-token',
  ]);
  expect(directory.poolCount).toBe(1);
});

test("one tenant's failing calls open its own circuit only", async () => {
  await directory.connect('acme', tesselysModule, config, { demo: false });
  await directory.connect('globex', tesselysModule, config, { demo: false });
  sim.faults.failNext({ status: 503, route: LIST_ROUTE, count: resilience.breakerThreshold });
  for (let i = 0; i < resilience.breakerThreshold; i++) await expect(listOne('globex')).rejects.toBeInstanceOf(ProviderError);
  expect(circuitOf('globex')).toBe('OPEN');
  expect(circuitOf('acme')).toBe('CLOSED');
  expect((await listOne('acme')).leads).toHaveLength(1);
  await expect(listOne('globex')).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
});

test('capabilities are answered per connection: a connection may do less than its module declares', async () => {
  const recordOnly: ProviderModule<TesselysConfig> = {
    ...tesselysModule,
    connect: (...args) => ({
      ...tesselysModule.connect(...args),
      capabilities: [ProviderCapability.CREATE_LEAD],
      readsFrom: 'gateway-record',
    }),
  };
  await directory.connect('acme', tesselysModule, config, { demo: false });
  await directory.connect('globex', recordOnly, config, { demo: false });
  expect(directory.supports('acme', LeadProvider.TESSELYS, ProviderCapability.LIST_LEADS)).toBe(true);
  expect(directory.supports('globex', LeadProvider.TESSELYS, ProviderCapability.LIST_LEADS)).toBe(false);
  expect(directory.providersThatCan('globex', ProviderCapability.LIST_LEADS).configured).toEqual([]);
  expect(directory.connection('globex', LeadProvider.TESSELYS)!.readsFrom).toBe('gateway-record');
  expect(directory.statuses('globex').find((s) => s.provider === LeadProvider.TESSELYS)!.capabilities).toEqual([
    ProviderCapability.CREATE_LEAD,
  ]);
});

test('disconnect forgets a tenant’s provider; connecting again replaces the connection', async () => {
  const first = await directory.connect('acme', tesselysModule, config, { demo: false });
  const second = await directory.connect('acme', tesselysModule, config, { demo: true });
  expect(directory.connection('acme', LeadProvider.TESSELYS)).toBe(second);
  expect(second).not.toBe(first);
  expect(directory.statuses('acme').find((s) => s.provider === LeadProvider.TESSELYS)).toMatchObject({ configured: true, demo: true });

  await directory.disconnect('acme', LeadProvider.TESSELYS);
  expect(directory.connection('acme', LeadProvider.TESSELYS)).toBeUndefined();
  expect(directory.statuses('acme').find((s) => s.provider === LeadProvider.TESSELYS)).toMatchObject({ configured: false, health: null });
  await directory.disconnect('acme', LeadProvider.TESSELYS); // nothing left: a no-op
});

test('a tenant view answers readiness-style readers for that tenant alone', async () => {
  await directory.connect('acme', tesselysModule, config, { demo: false });
  const acme = directory.tenant('acme');
  expect(acme.connection(LeadProvider.TESSELYS)).toBe(directory.connection('acme', LeadProvider.TESSELYS));
  expect(directory.tenant('globex').connection(LeadProvider.TESSELYS)).toBeUndefined();
  await acme.connection(LeadProvider.TESSELYS)!.probe();
});
