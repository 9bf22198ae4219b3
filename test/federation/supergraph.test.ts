/**
 * The proof that LeadGraph joins a supergraph: its subgraph SDL (fetched from `_service`) composes
 * with a second subgraph that points at leads, and Apollo Gateway serves the result over real HTTP.
 * A query crossing both subgraphs must cost one Tesselys GET per distinct lead, however often a
 * lead is referenced.
 */
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { TesselysLeadDto } from '../../src/providers/tesselys/tesselys.dto';
import { startTestStack, type TestStack } from '../support/test-stack';

const GET_ROUTE = 'GET /external/v1/leads/:id';
const UNKNOWN_LEAD = 'tesselys:clnosuchlead000000000000';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

const VISITS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    visits: [Visit!]!
  }

  type Visit @key(fields: "id") {
    id: ID!
    when: String!
    "The lead who booked the visit; LeadGraph owns it."
    lead: Lead
  }

  type Lead @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

interface VisitRow {
  id: string;
  when: string;
  leadId: string | null;
}

interface ServedServer {
  url: string;
  stop(): Promise<void>;
}

/** A second subgraph, as another team would write it: it knows lead ids, nothing else about leads. */
async function startVisitsSubgraph(rows: VisitRow[]): Promise<ServedServer> {
  const server = new ApolloServer({
    logger: silent,
    schema: buildSubgraphSchema({
      typeDefs: parse(VISITS_SDL),
      resolvers: {
        Query: { visits: () => rows },
        Visit: { lead: (visit: VisitRow) => (visit.leadId ? { __typename: 'Lead', id: visit.leadId } : null) },
      },
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

/** Composes LeadGraph (SDL from its own `_service`) with a visits subgraph and serves the supergraph. */
async function startSupergraph(visitsUrl: string): Promise<ServedServer> {
  const service = await post(stack.gateway.graphqlUrl, '{ _service { sdl } }');
  const composition = composeServices([
    { name: 'leadgraph', url: stack.gateway.graphqlUrl, typeDefs: parse(service.data._service.sdl as string) },
    { name: 'visits', url: visitsUrl, typeDefs: parse(VISITS_SDL) },
  ]);
  if (composition.errors) throw new Error(`composition failed: ${composition.errors.map((e) => e.message).join('; ')}`);
  const gateway = new ApolloGateway({ supergraphSdl: composition.supergraphSdl, logger: silent });
  // @apollo/gateway 2 implements server-gateway-interface 1, which Apollo Server 5 accepts at runtime.
  const server = new ApolloServer({ gateway: gateway as never, logger: silent });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

async function post(
  url: string,
  query: string,
): Promise<{ data?: any; errors?: Array<{ message: string; path?: unknown[]; extensions?: any }> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: any; errors?: any[] };
}

let stack: TestStack;
let visits: ServedServer;
let supergraph: ServedServer;
let seeded: TesselysLeadDto[];
let rows: VisitRow[];
const telemetryBefore = process.env.APOLLO_TELEMETRY_DISABLED;

beforeAll(async () => {
  // Apollo Gateway would otherwise report anonymous usage to Apollo from inside the tests.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  stack = await startTestStack();
  seeded = stack.tesselys.leads();
  const [a, b, c] = [seeded[0]!, seeded[1]!, seeded[2]!].map((lead) => `tesselys:${lead.id}`);
  rows = [
    { id: 'v1', when: '2026-11-21T09:00:00Z', leadId: a! },
    { id: 'v2', when: '2026-11-21T10:00:00Z', leadId: b! },
    { id: 'v3', when: '2026-11-21T11:00:00Z', leadId: a! },
    { id: 'v4', when: '2026-11-22T09:00:00Z', leadId: c! },
    { id: 'v5', when: '2026-11-22T10:00:00Z', leadId: a! },
    { id: 'v6', when: '2026-11-22T11:00:00Z', leadId: b! },
    { id: 'v7', when: '2026-11-23T09:00:00Z', leadId: UNKNOWN_LEAD },
    { id: 'v8', when: '2026-11-23T10:00:00Z', leadId: null },
  ];
  visits = await startVisitsSubgraph(rows);
  supergraph = await startSupergraph(visits.url);
});

afterAll(async () => {
  await supergraph?.stop();
  await visits?.stop();
  await stack?.close();
  if (telemetryBefore === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
  else process.env.APOLLO_TELEMETRY_DISABLED = telemetryBefore;
});

beforeEach(() => {
  stack.tesselys.faults.reset();
  stack.resetCounters();
});

test('a query crossing both subgraphs resolves each distinct lead with one GET', async () => {
  const res = await post(supergraph.url, '{ visits { id when lead { id title status } } }');
  expect(res.errors).toBeUndefined();
  const byId = new Map(seeded.map((lead) => [`tesselys:${lead.id}`, lead]));
  expect(res.data.visits).toEqual(
    rows.map((row) => {
      const raw = row.leadId ? byId.get(row.leadId) : undefined;
      return { id: row.id, when: row.when, lead: raw ? { id: row.leadId, title: raw.title, status: raw.status } : null };
    }),
  );
  // Three known leads (one referenced three times, one twice) and the unknown one: four GETs.
  expect(stack.tesselys.counters.count(GET_ROUTE)).toBe(4);
  for (const lead of seeded.slice(0, 3)) expect(stack.tesselys.counters.countForLead(lead.id)).toBe(1);
  expect(stack.upstreamCalls()).toBe(4);
});

test('a visit pointing at a malformed lead id gets an error on that lead only', async () => {
  const extra = await startVisitsSubgraph([
    { id: 'w1', when: '2026-11-24T09:00:00Z', leadId: 'not-a-lead-id' },
    { id: 'w2', when: '2026-11-24T10:00:00Z', leadId: `tesselys:${seeded[3]!.id}` },
  ]);
  try {
    const router = await startSupergraph(extra.url);
    try {
      stack.resetCounters();
      const res = await post(router.url, '{ visits { id lead { id title } } }');
      // The gateway keeps the reference it sent ({ id }); LeadGraph's fields are null, with the error.
      expect(res.data.visits).toEqual([
        { id: 'w1', lead: { id: 'not-a-lead-id', title: null } },
        { id: 'w2', lead: { id: `tesselys:${seeded[3]!.id}`, title: seeded[3]!.title } },
      ]);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.path).toEqual(['visits', 0, 'lead']);
      expect(res.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(stack.tesselys.counters.count(GET_ROUTE)).toBe(1);
    } finally {
      await router.stop();
    }
  } finally {
    await extra.stop();
  }
});

test("LeadGraph's own queries work through the supergraph too", async () => {
  const res = await post(supergraph.url, '{ leads(first: 2, filter: { provider: TESSELYS }) { totalCount nodes { id provider } } }');
  expect(res.errors).toBeUndefined();
  expect(res.data.leads.totalCount).toBe(seeded.length);
  expect(res.data.leads.nodes).toHaveLength(2);
  expect(stack.tesselys.counters.count('GET /external/v1/leads')).toBe(1);
});
