/**
 * Issue #15: every Keyspot lead created through the gateway is recorded from Keyspot's answer and
 * read back from that record by `lead`, `node` and `leads` (over real HTTP, on both stores), with
 * no call to Keyspot; another tenant's record reads as null. The tenant test goes through the
 * request-free create path (LeadWriter) that the delivery worker uses too.
 */
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';
import { LeadRouting } from '../../src/leads/service/lead-routing';
import { LeadService } from '../../src/leads/service/lead.service';
import { LeadWriter } from '../../src/leads/service/lead-writer';
import { ScopedAdapters } from '../../src/leads/service/scoped-adapters';
import type { CreateLeadInput } from '../../src/leads/inputs/create-lead.input';
import { silentLogger } from '../../src/logging/logger';
import { keyspotModule } from '../../src/providers/keyspot';
import type { RequestScope } from '../../src/providers/provider-adapter';
import { ProviderDirectory } from '../../src/providers/provider-directory';
import type { LeadRecordRepository } from '../../src/store';
import { LEAD_FIELDS_FRAGMENT } from '../support/lead-fields';
import { captureLogs } from '../support/log-capture';
import { startTestStack, type TestStack } from '../support/test-stack';

const CREATE_LEAD = /* GraphQL */ `
  mutation CreateLead($input: CreateLeadInput!) {
    createLead(input: $input) {
      lead {
        ...LeadFields
      }
    }
  }
  ${LEAD_FIELDS_FRAGMENT}
`;

const READ_BACK = /* GraphQL */ `
  query ReadBack($id: ID!) {
    lead(id: $id) {
      ...LeadFields
    }
    node(id: $id) {
      id
      ... on Lead {
        ...LeadFields
      }
    }
  }
  ${LEAD_FIELDS_FRAGMENT}
`;

const LIST = /* GraphQL */ `
  query List($filter: LeadFilter) {
    leads(first: 100, filter: $filter) {
      totalCount
      nodes {
        id
        provider
      }
    }
  }
`;

const keyspotInput = (name: string) => ({
  provider: 'KEYSPOT',
  description: 'Quero agendar uma visita no sábado de manhã.',
  contact: { name, email: 'joao.silva@example.com', phone: '+55 11 98765-4321' },
  source: 'PORTAL_ZAPIMOVEIS',
  property: { code: 'AP-1021' },
});

describe.each<'sqlite' | 'postgres'>(['sqlite', 'postgres'])('Keyspot leads read from the gateway record (%s)', (store) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ store });
  });
  afterAll(() => stack.close());

  test('createLead on KEYSPOT, then lead, node and leads return it as created, without calling Keyspot', async () => {
    const created = await stack.gql<{ createLead: { lead: Record<string, unknown> & { id: string } } }>(CREATE_LEAD, {
      input: keyspotInput('João Silva'),
    });
    expect(created.errors).toBeUndefined();
    const lead = created.data!.createLead.lead;
    stack.resetCounters();

    const read = await stack.gql<{ lead: unknown; node: unknown }>(READ_BACK, { id: lead.id });
    expect(read.errors).toBeUndefined();
    expect(read.data!.lead).toEqual(lead);
    expect(read.data!.node).toEqual(lead);

    const all = await stack.gql<{ leads: { totalCount: number; nodes: Array<{ id: string }> } }>(LIST, {});
    expect(all.data!.leads.nodes.map((n) => n.id)).toContain(lead.id);
    expect(all.data!.leads.totalCount).toBe(stack.tesselys.leads().length + 1);
    const keyspotOnly = await stack.gql<{ leads: { totalCount: number; nodes: Array<{ id: string }> } }>(LIST, {
      filter: { provider: 'KEYSPOT' },
    });
    expect(keyspotOnly.data!.leads).toEqual({ totalCount: 1, nodes: [{ id: lead.id, provider: 'KEYSPOT' }] });
    const byStatus = await stack.gql<{ leads: { nodes: Array<{ id: string }> } }>(LIST, { filter: { status: 'NEW_LEAD' } });
    expect(byStatus.data!.leads.nodes.map((n) => n.id)).toEqual([lead.id]);
    // A search matches titles; Keyspot leads have none.
    const searched = await stack.gql<{ leads: { nodes: Array<{ id: string; provider: string }> } }>(LIST, { filter: { search: 'a' } });
    expect(searched.data!.leads.nodes.filter((n) => n.provider === 'KEYSPOT')).toEqual([]);

    expect(stack.keyspot.counters.count()).toBe(0);
  });

  test('providers says KEYSPOT reads from the gateway record', async () => {
    const res = await stack.gql<{ providers: Array<{ provider: string; readsFrom: string; capabilities: string[] }> }>(
      '{ providers { provider readsFrom capabilities } }',
    );
    const keyspot = res.data!.providers.find((p) => p.provider === 'KEYSPOT')!;
    expect(keyspot.readsFrom).toBe('GATEWAY_RECORD');
    expect([...keyspot.capabilities].sort()).toEqual(['CREATE_LEAD', 'GET_LEAD', 'LIST_LEADS']);
  });
});

describe('records are per tenant', () => {
  let stack: TestStack;
  let directory: ProviderDirectory;
  const scope: RequestScope = { logger: silentLogger(), countUpstreamCall: () => undefined };

  beforeAll(async () => {
    stack = await startTestStack({ omit: ['tesselys'] });
    directory = new ProviderDirectory([keyspotModule], { logger: silentLogger(), leadRecords: stack.gateway.store.leadRecords });
    const config = { baseUrl: stack.keyspot.url, auth: { kind: 'client-credentials' as const, ...stack.keyspot.credentials } };
    await directory.connect('acme', keyspotModule, config, { demo: false });
    await directory.connect('globex', keyspotModule, config, { demo: false });
  });
  afterAll(async () => {
    await directory.close();
    await stack.close();
  });

  test('a lead created for one tenant (request-free, as the delivery worker creates) reads as null for another', async () => {
    const writer = new LeadWriter(new LeadRouting(directory, 'acme'));
    const created = await writer.create(keyspotInput('Maria Souza') as unknown as CreateLeadInput, new ScopedAdapters(scope));
    expect(created.provider).toBe(LeadProvider.KEYSPOT);

    const acme = new LeadService(new LeadRouting(directory, 'acme'), scope);
    const globex = new LeadService(new LeadRouting(directory, 'globex'), scope);
    expect(await acme.lead(created.id)).toMatchObject({ id: created.id, contact: { name: 'Maria Souza' } });
    expect(await globex.lead(created.id)).toBeNull();
    expect((await globex.leads({ filter: { provider: LeadProvider.KEYSPOT } } as never)).totalCount).toBe(0);
    expect((await acme.leads({ filter: { provider: LeadProvider.KEYSPOT } } as never)).totalCount).toBe(1);
  });
});

describe('a record that cannot be written', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ omit: ['tesselys'] });
  });
  afterAll(() => stack.close());

  test('does not fail the create Keyspot accepted (a failure would invite a duplicate); it is logged without personal data', async () => {
    const logs = captureLogs();
    const broken = {
      upsert: () => Promise.reject(new Error('disk full')),
      get: () => Promise.resolve(undefined),
      list: () => Promise.resolve({ items: [], totalCount: 0 }),
    } as unknown as LeadRecordRepository;
    const directory = new ProviderDirectory([keyspotModule], { logger: logs.logger, leadRecords: broken });
    try {
      const config = { baseUrl: stack.keyspot.url, auth: { kind: 'client-credentials' as const, ...stack.keyspot.credentials } };
      await directory.connect('acme', keyspotModule, config, { demo: false });
      const scope: RequestScope = { logger: logs.logger, countUpstreamCall: () => undefined };
      const writer = new LeadWriter(new LeadRouting(directory, 'acme'));
      const created = await writer.create(keyspotInput('Ana Lima') as unknown as CreateLeadInput, new ScopedAdapters(scope));
      expect(stack.keyspot.leads().map((lead) => `keyspot:${lead.id}`)).toContain(created.id);
      const line = logs.records().find((record) => record.msg === 'keyspot lead created but not recorded: it cannot be read back');
      expect(line).toMatchObject({ leadId: created.id });
      const all = logs.lines.join('\n');
      for (const secret of ['Ana Lima', 'joao.silva@example.com', '98765-4321']) expect(all).not.toContain(secret);
    } finally {
      await directory.close();
    }
  });
});
