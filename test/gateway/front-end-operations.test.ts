/**
 * The operations a front-end really sends (operations/*.graphql), run through their generated typed
 * documents against the gateway: if the schema drifts from what these screens need, this fails to
 * compile or to pass.
 */
import {
  CreateKeyspotLeadDocument,
  CreateTesselysLeadDocument,
  LeadDetailDocument,
  LeadsPageDocument,
  ProvidersDocument,
  UpdateLeadDocument,
} from '../../operations/__generated__/graphql';
import { runOperation } from '../support/typed-operation';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

test('LeadsPage pages forward with typed cursors and every lead field', async () => {
  const first = await runOperation(stack.gateway.graphqlUrl, LeadsPageDocument, { first: 10 });
  expect(first.errors).toBeUndefined();
  const page = first.data!.leads;
  expect(page.totalCount).toBe(64);
  expect(page.edges).toHaveLength(10);
  expect(page.edges[0]!.node.provider).toBe('TESSELYS');
  const second = await runOperation(stack.gateway.graphqlUrl, LeadsPageDocument, { first: 10, after: page.pageInfo.endCursor });
  expect(second.data!.leads.pageInfo.hasPreviousPage).toBe(true);
  expect(second.data!.leads.edges.map((e) => e.node.id)).not.toContain(page.edges[9]!.node.id);
});

test('LeadDetail reads one lead, and null for an unknown one', async () => {
  const id = `tesselys:${stack.tesselys.leads()[0]!.id}`;
  const found = await runOperation(stack.gateway.graphqlUrl, LeadDetailDocument, { id });
  expect(found.data!.lead!.id).toBe(id);
  const missing = await runOperation(stack.gateway.graphqlUrl, LeadDetailDocument, { id: 'tesselys:doesnotexist0000000000000' });
  expect(missing.errors).toBeUndefined();
  expect(missing.data!.lead).toBeNull();
});

test('CreateKeyspotLead creates a Keyspot lead linked to a property', async () => {
  const result = await runOperation(stack.gateway.graphqlUrl, CreateKeyspotLeadDocument, {
    description: 'Gostaria de agendar uma visita.',
    contact: { name: 'Beatriz Lima', email: 'beatriz.lima@example.com', phone: '21988887777' },
    property: { code: 'AP-1021' },
    source: 'PORTAL_ZAPIMOVEIS',
  });
  expect(result.errors).toBeUndefined();
  const lead = result.data!.createLead.lead;
  expect(lead.provider).toBe('KEYSPOT');
  expect(lead.status).toBe('NEW_LEAD');
  expect(lead.property?.id).toBeTruthy();
  expect(stack.keyspot.leads()).toHaveLength(1);
});

test('CreateTesselysLead and UpdateLead move a lead along the funnel', async () => {
  const created = await runOperation(stack.gateway.graphqlUrl, CreateTesselysLeadDocument, {
    title: 'Interesse em plano Enterprise - Café Aroma',
    tags: ['inbound'],
    source: 'INSTAGRAM',
  });
  expect(created.errors).toBeUndefined();
  const lead = created.data!.createLead.lead;
  expect(lead.source).toBe('SOCIAL_MEDIA');
  const updated = await runOperation(stack.gateway.graphqlUrl, UpdateLeadDocument, {
    id: lead.id,
    input: { status: 'QUALIFIED', tags: ['inbound', 'hot'] },
  });
  expect(updated.errors).toBeUndefined();
  expect(updated.data!.updateLead.lead.status).toBe('QUALIFIED');
  expect(updated.data!.updateLead.lead.tags).toEqual(['inbound', 'hot']);
});

test('Providers lists both providers with their capabilities', async () => {
  const result = await runOperation(stack.gateway.graphqlUrl, ProvidersDocument, {});
  expect(result.data!.providers.map((p) => [p.provider, p.configured, p.demo])).toEqual([
    ['KEYSPOT', true, false],
    ['TESSELYS', true, false],
  ]);
});
