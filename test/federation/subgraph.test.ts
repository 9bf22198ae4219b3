/**
 * LeadGraph as a Federation 2 subgraph, called directly the way a router calls it: `_service { sdl }`
 * and `_entities` over real HTTP. Entity batches must go through the per-request loader, so the
 * Tesselys simulator's per-route count proves one GET per distinct id whatever the batch size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printGatewaySchema, printSubgraphGeneratedModule, printSubgraphSchemaFile } from '../../src/graphql/emit-schema';
import { buildClientFacingSchema } from '../../src/graphql/build-schema';
import { servedSubgraphSdl, subgraphSdl, toSubgraphSchema } from '../../src/graphql/subgraph-schema';
import { printSchema } from 'graphql';
import type { TesselysLeadDto } from '../../src/providers/tesselys/tesselys.dto';
import { startTestStack, type TestStack } from '../support/test-stack';

const GET_ROUTE = 'GET /external/v1/leads/:id';
const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { __typename ... on Lead { id title status } }
}`;

let stack: TestStack;
let seeded: TesselysLeadDto[];

beforeAll(async () => {
  stack = await startTestStack();
  seeded = stack.tesselys.leads();
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.tesselys.faults.reset();
  stack.keyspot.faults.reset();
  stack.resetCounters();
});

const reference = (id: unknown) => ({ __typename: 'Lead', id });

describe('_service', () => {
  test('serves the subgraph SDL with Lead as an entity keyed by id, as committed in schema.subgraph.graphql', async () => {
    const res = await stack.gql('{ _service { sdl } }');
    expect(res.errors).toBeUndefined();
    const sdl = res.data!._service.sdl as string;
    expect(sdl).toMatch(/type Lead implements Node\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])');
    expect(`${sdl}\n`).toBe(readFileSync(join(__dirname, '..', '..', 'schema.subgraph.graphql'), 'utf8'));
    expect(stack.upstreamCalls()).toBe(0);
  });

  test('the committed schema files and subgraph.generated.ts are what `npm run schema` would write from the code', () => {
    const root = join(__dirname, '..', '..');
    expect(readFileSync(join(root, 'schema.graphql'), 'utf8')).toBe(printGatewaySchema());
    expect(readFileSync(join(root, 'schema.subgraph.graphql'), 'utf8')).toBe(printSubgraphSchemaFile());
    expect(readFileSync(join(root, 'src', 'graphql', 'subgraph.generated.ts'), 'utf8')).toBe(printSubgraphGeneratedModule());
    // The client-facing contract stays free of federation plumbing; codegen reads it.
    expect(printGatewaySchema()).not.toMatch(/_entities|_service|@key|@link/);
  });
});

test('the served schema, built from subgraph.generated.ts, is the one @apollo/subgraph builds from the code', () => {
  const prebuilt = toSubgraphSchema(buildClientFacingSchema(), 'prebuilt');
  const library = toSubgraphSchema(buildClientFacingSchema(), 'library');
  expect(printSchema(prebuilt)).toBe(printSchema(library));
  expect(servedSubgraphSdl(prebuilt)).toBe(servedSubgraphSdl(library));
  expect(subgraphSdl(prebuilt)).toBe(subgraphSdl(library));
  expect(Object.keys(prebuilt.getTypeMap())).toEqual(Object.keys(library.getTypeMap()));
  const entities = (schema: typeof prebuilt) => schema.getType('Lead')?.extensions;
  expect(entities(prebuilt)).toEqual(entities(library));
});

describe('_entities', () => {
  test('100 representations over 10 distinct ids resolve in order for exactly 10 GETs', async () => {
    const distinct = seeded.slice(0, 10);
    const representations = Array.from({ length: 100 }, (_, i) => reference(`tesselys:${distinct[(i * 7) % 10]!.id}`));
    const res = await stack.gql(ENTITIES, { representations });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual(
      representations.map((_, i) => {
        const raw = distinct[(i * 7) % 10]!;
        return { __typename: 'Lead', id: `tesselys:${raw.id}`, title: raw.title, status: raw.status };
      }),
    );
    expect(stack.tesselys.counters.count(GET_ROUTE)).toBe(10);
    for (const raw of distinct) expect(stack.tesselys.counters.countForLead(raw.id)).toBe(1);
    expect(stack.upstreamCalls()).toBe(10);
  });

  test('an unknown id resolves to null without an error, its siblings unaffected', async () => {
    const known = seeded[0]!;
    const res = await stack.gql(ENTITIES, {
      representations: [reference('tesselys:clnosuchlead000000000000'), reference(`tesselys:${known.id}`)],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      null,
      { __typename: 'Lead', id: `tesselys:${known.id}`, title: known.title, status: known.status },
    ]);
    expect(stack.tesselys.counters.count(GET_ROUTE)).toBe(2);
  });

  test('malformed or unreadable references fail their own entity only, and never reach a provider', async () => {
    const known = seeded[1]!;
    const res = await stack.gql(ENTITIES, {
      representations: [reference('not-a-lead-id'), reference(`tesselys:${known.id}`), reference(42), reference('keyspot:abc123')],
    });
    expect(res.data!._entities).toEqual([
      null,
      { __typename: 'Lead', id: `tesselys:${known.id}`, title: known.title, status: known.status },
      null,
      null,
    ]);
    // Issue #15: a Keyspot id is read from the gateway record; one this gateway never created is simply null.
    expect(res.errors).toHaveLength(2);
    const codeAt = (index: number) => res.errors!.find((error) => String(error.path?.[1]) === String(index))?.extensions;
    expect(codeAt(0)?.code).toBe('BAD_USER_INPUT');
    expect(codeAt(2)?.code).toBe('BAD_USER_INPUT');
    expect(codeAt(3)).toBeUndefined();
    for (const error of res.errors!) expect(error.path![0]).toBe('_entities');
    expect(stack.tesselys.counters.count(GET_ROUTE)).toBe(1);
    expect(stack.keyspot.counters.count()).toBe(0);
  });

  test('federated traces (ftv1) carry field timings but mask error messages', async () => {
    const response = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1' },
      body: JSON.stringify({ query: ENTITIES, variables: { representations: [reference('not-a-lead-id')] } }),
    });
    const body = (await response.json()) as { errors?: Array<{ message: string }>; extensions?: { ftv1?: string } };
    expect(body.errors?.[0]?.message).toContain('expected a lead id');
    const trace = Buffer.from(body.extensions?.ftv1 ?? '', 'base64').toString('latin1');
    expect(trace).toContain('_entities');
    expect(trace).toContain('<masked>');
    expect(trace).not.toContain('expected a lead id');
  });
});
