/**
 * Validation and routing with no GraphQL request, as Part 2's delivery worker will use them: a bad
 * input is refused before anything is sent, a good one is created on the provider through a scope
 * the caller makes itself.
 */
import { BadUserInputError } from '../../src/errors/bad-user-input.error';
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';
import { CreateLeadInput } from '../../src/leads/inputs/create-lead.input';
import { UpdateLeadInput } from '../../src/leads/inputs/update-lead.input';
import { LeadRouting } from '../../src/leads/service/lead-routing';
import { LeadWriter } from '../../src/leads/service/lead-writer';
import { ScopedAdapters } from '../../src/leads/service/scoped-adapters';
import { ProviderDirectory } from '../../src/providers/provider-directory';
import { DEFAULT_TENANT } from '../../src/tenants/default-tenant';
import { PROVIDER_MODULES } from '../../src/providers/registry';
import { tesselysModule } from '../../src/providers/tesselys';
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { captureLogs } from '../support/log-capture';

const logs = captureLogs();
let sim: TesselysSimulator;
let directory: ProviderDirectory;
let writer: LeadWriter;
let upstreamCalls = 0;
const adapters = () => new ScopedAdapters({ logger: logs.logger, countUpstreamCall: () => void upstreamCalls++ });
const createInput = (fields: Partial<CreateLeadInput>) => Object.assign(new CreateLeadInput(), fields);

beforeAll(async () => {
  sim = await startTesselysSimulator();
  directory = new ProviderDirectory(PROVIDER_MODULES, { logger: logs.logger });
  await directory.connect(DEFAULT_TENANT, tesselysModule, { baseUrl: sim.url, ...sim.credentials }, { demo: false });
  writer = new LeadWriter(new LeadRouting(directory, DEFAULT_TENANT));
});
afterAll(async () => {
  await directory.close();
  await sim.close();
});
beforeEach(() => {
  sim.counters.reset();
  upstreamCalls = 0;
});

test('checkCreate refuses a create breaking the provider rules with every problem, sending nothing', () => {
  const error = (() => {
    try {
      writer.checkCreate(createInput({ provider: LeadProvider.TESSELYS }));
    } catch (caught) {
      return caught;
    }
    throw new Error('expected checkCreate to throw');
  })();
  expect(error).toBeInstanceOf(BadUserInputError);
  expect((error as BadUserInputError).fields.map((field) => field.path)).toContain('input.title');
  expect(sim.counters.count()).toBe(0);
});

test('checkCreate names the connection a valid create goes to', () => {
  const connection = writer.checkCreate(createInput({ provider: LeadProvider.TESSELYS, title: 'Interesse no plano anual' }));
  expect(connection).toBe(directory.connection(DEFAULT_TENANT, LeadProvider.TESSELYS));
});

test('a provider this tenant has not configured is UNSUPPORTED_BY_PROVIDER, for the default tenant and any other', () => {
  const keyspot = createInput({ provider: LeadProvider.KEYSPOT, description: 'Quero visitar' });
  expect(() => writer.checkCreate(keyspot)).toThrow(/not configured/);
  const elsewhere = new LeadWriter(new LeadRouting(directory, 'another-tenant'));
  expect(() => elsewhere.checkCreate(createInput({ provider: LeadProvider.TESSELYS, title: 'x' }))).toThrow(/not configured/);
});

test('create and update reach the provider through a scope the caller made, no GraphQL request involved', async () => {
  const lead = await writer.create(createInput({ provider: LeadProvider.TESSELYS, title: 'Lead sem requisição' }), adapters());
  expect(lead).toMatchObject({ provider: LeadProvider.TESSELYS, title: 'Lead sem requisição' });
  expect(sim.leads().some((stored) => `tesselys:${stored.id}` === lead.id)).toBe(true);
  const updated = await writer.update(lead.id, Object.assign(new UpdateLeadInput(), { title: 'Renomeado' }), adapters());
  expect(updated.title).toBe('Renomeado');
  expect(upstreamCalls).toBe(2);
});

test('checkUpdate refuses an update with nothing to change', () => {
  expect(() => writer.checkUpdate('tesselys:abc', new UpdateLeadInput())).toThrow(/send at least one field/);
});
