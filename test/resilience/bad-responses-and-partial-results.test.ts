/**
 * Broken provider answers are PROVIDER_BAD_RESPONSE and nothing worse: not retried, no crash, no
 * unhandled rejection. And one failing field never takes the rest of an operation down: what the
 * healthy parts can answer still resolves beside the error.
 */
import { MALFORM_KINDS } from '../../src/simulators/fault-injector';
import { startTestStack, type TestStack } from '../support/test-stack';
import { expectNoErrors, FAST, ops, providerErrorOf, ROUTES } from './resilience-helpers';

const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => void unhandled.push(reason);

let stack: TestStack;
beforeAll(async () => {
  process.on('unhandledRejection', recordUnhandled);
  process.on('uncaughtException', recordUnhandled);
  stack = await startTestStack({ env: { ...FAST, CIRCUIT_BREAKER_THRESHOLD: '1000' } });
});
afterAll(async () => {
  await stack.close();
  process.off('unhandledRejection', recordUnhandled);
  process.off('uncaughtException', recordUnhandled);
});
beforeEach(() => {
  stack.tesselys.faults.reset();
  stack.keyspot.faults.reset();
  stack.resetCounters();
});
afterEach(() => {
  expect(unhandled).toEqual([]);
});

const OPERATIONS = [
  ['Tesselys list', ROUTES.list, 'TESSELYS', ops.list],
  ['Tesselys get', ROUTES.get, 'TESSELYS', ops.get],
  ['Tesselys create', ROUTES.tesselysCreate, 'TESSELYS', ops.createTesselys],
  ['Tesselys update', ROUTES.update, 'TESSELYS', ops.update],
  ['Keyspot create', ROUTES.keyspotCreate, 'KEYSPOT', ops.createKeyspot],
  ['Keyspot token', ROUTES.token, 'KEYSPOT', ops.createKeyspot],
] as const;

describe.each(OPERATIONS)('%s', (_name, route, provider, run) => {
  const sim = () => (provider === 'KEYSPOT' ? stack.keyspot : stack.tesselys);

  // The token case needs the create to ask for a token now: expire the cached one.
  const needToken = () => route === ROUTES.token && stack.clock.advance(3_600_000);

  test.each(MALFORM_KINDS)('a %s body → PROVIDER_BAD_RESPONSE after one request; the gateway keeps serving', async (kind) => {
    needToken();
    sim().faults.malformNext({ route, kind });
    providerErrorOf(await run(stack), 'PROVIDER_BAD_RESPONSE', provider);
    expect(sim().counters.count(route)).toBe(1);
    expectNoErrors(await run(stack));
  });

  test('a 200 with a JSON body of the wrong shape → PROVIDER_BAD_RESPONSE', async () => {
    needToken();
    sim().faults.failNext({ route, status: 200, body: { data: 'surprise', meta: [] } });
    providerErrorOf(await run(stack), 'PROVIDER_BAD_RESPONSE', provider);
    expect(sim().counters.count(route)).toBe(1);
  });
});

describe('partial results', () => {
  // `leads` is non-null in the schema, so a failing list nulls the whole answer; `lead` is nullable.
  test('a failing lead beside `providers`: the lead carries the error, `providers` still answers', async () => {
    const lead = stack.tesselys.leads()[0]!;
    stack.tesselys.faults.failNext({ route: ROUTES.get, status: 503, count: 3 });
    const res = await stack.gql('query($id: ID!) { lead(id: $id) { id } providers { provider health { circuit } } }', {
      id: `tesselys:${lead.id}`,
    });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.path).toEqual(['lead']);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'TESSELYS' });
    expect(res.data!.lead).toBeNull();
    expect(res.data!.providers).toEqual([
      { provider: 'KEYSPOT', health: { circuit: 'CLOSED' } },
      { provider: 'TESSELYS', health: { circuit: 'CLOSED' } },
    ]);
    expect(stack.tesselys.counters.count(ROUTES.get)).toBe(3);
  });

  test('two leads, one meeting a broken body: the other still resolves', async () => {
    const [a, b] = stack.tesselys.leads();
    stack.tesselys.faults.malformNext({ route: ROUTES.get, kind: 'invalid-json' });
    const res = await stack.gql('query($a: ID!, $b: ID!) { a: lead(id: $a) { id } b: lead(id: $b) { id } }', {
      a: `tesselys:${a!.id}`,
      b: `tesselys:${b!.id}`,
    });
    // Both GETs leave together; which one meets the fault is up to the network, exactly one does.
    expect(res.errors).toHaveLength(1);
    const failedAlias = res.errors![0]!.path![0]!;
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_BAD_RESPONSE', provider: 'TESSELYS' });
    const okAlias = failedAlias === 'a' ? 'b' : 'a';
    expect(res.data![failedAlias]).toBeNull();
    expect(res.data![okAlias]).toEqual({ id: `tesselys:${(okAlias === 'a' ? a : b)!.id}` });
  });

  test('hung and failing GETs for two leads: the one that runs out of attempts fails alone', async () => {
    const [a, b] = stack.tesselys.leads();
    stack.tesselys.faults.hangNext({ route: ROUTES.get, count: 3 });
    stack.tesselys.faults.failNext({ route: ROUTES.get, status: 503, count: 2 });
    const res = await stack.gql('query($a: ID!, $b: ID!) { a: lead(id: $a) { id } b: lead(id: $b) { id } }', {
      a: `tesselys:${a!.id}`,
      b: `tesselys:${b!.id}`,
    });
    // Five faults, two ids, three attempts each: only the sixth request can succeed, so exactly one
    // id spends its three attempts on faults and fails, and the other resolves on its third.
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'TESSELYS' });
    const failedAlias = res.errors![0]!.path![0]!;
    const okAlias = failedAlias === 'a' ? 'b' : 'a';
    expect(res.data![failedAlias]).toBeNull();
    expect(res.data![okAlias]).toEqual({ id: `tesselys:${(okAlias === 'a' ? a : b)!.id}` });
    expect(stack.tesselys.counters.count(ROUTES.get)).toBe(6);
  });

  test('a provider status outside the enum → UNKNOWN with providerStatus kept, in a list too', async () => {
    const lead = stack.tesselys.leads()[0]!;
    stack.tesselys.faults.failNext({
      route: ROUTES.list,
      status: 200,
      body: { data: [{ ...lead, status: 'ARCHIVED' }], meta: { total: 1, page: 1, limit: 3, totalPages: 1 } },
    });
    // Named: earlier tests here created Keyspot leads, which the merged listing would show too.
    const res = await stack.gql('{ leads(first: 3, filter: { provider: TESSELYS }) { nodes { id status providerStatus } } }');
    expectNoErrors(res);
    expect(res.data!.leads.nodes).toEqual([{ id: `tesselys:${lead.id}`, status: 'UNKNOWN', providerStatus: 'ARCHIVED' }]);
  });
});
