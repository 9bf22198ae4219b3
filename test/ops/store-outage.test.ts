/**
 * PostgreSQL lost under a running gateway (a real database behind a TCP proxy the test cuts; the
 * machine's server keeps running): reads of a live provider are still served; submitLead and
 * createLead with an idempotency key answer STORE_UNAVAILABLE and send nothing, rather than accept
 * what cannot be stored; a tenant key the gateway has seen keeps its last answer, one it has not is
 * refused 503 STORE_UNAVAILABLE (only the store can tell it from a made-up one), and its
 * subscription socket closed 1013 Try Again Later (not 4401: it may be valid); reads of Keyspot's
 * leads (the store's records) answer STORE_UNAVAILABLE, not an internal error; /readyz reports
 * the store down. The store back: accepted again.
 */
import { subscribeFeed } from '../change-feed/feed-client';
import { eventually } from '../support/eventually';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase } from '../support/test-database';
import { startTestStack, type TestStack } from '../support/test-stack';
import { submit, TESSELYS_CREATE, tesselysInput, uniqueText } from '../submissions/support/submission-client';

const KEYED_CREATE =
  'mutation ($input: CreateLeadInput!, $key: String) { createLead(input: $input, idempotencyKey: $key) { lead { id } } }';
const READ = '{ leads(filter: { provider: TESSELYS }, first: 2) { totalCount } }';

const CRM = 'outage-crm-key-0123456789abcdef';
const ADMIN = 'outage-admin-key-0123456789abcdef';
const KEYS = [
  { name: 'crm', key: CRM, scopes: ['leads:read', 'leads:write'] },
  { name: 'admin', key: ADMIN, scopes: ['tenants:admin'] },
];
const as = (key: string) => ({ authorization: `Bearer ${key}` });

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: TcpProxy;
let stack: TestStack;

beforeAll(async () => {
  database = await createTestDatabase();
  const url = new URL(database.url);
  proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
  stack = await startTestStack({
    env: { DATABASE_URL: proxy.rewrite(database.url), RATE_LIMIT_PER_MINUTE: '0', API_KEYS: JSON.stringify(KEYS) },
    readinessCacheMs: 0,
  });
});
afterAll(async () => {
  await stack?.close();
  await proxy?.stop();
  await database?.drop();
});

async function readyz(): Promise<{ status: number; body: any }> {
  const response = await fetch(`${stack.gateway.url}/readyz`);
  return { status: response.status, body: await response.json() };
}

test('store lost: reads served (a tenant key seen before too), submissions, keyed creates and unseen tenant keys refused with STORE_UNAVAILABLE (nothing sent); back: accepted', async () => {
  expect((await submit(stack, tesselysInput(uniqueText('before')), undefined, as(CRM))).data?.submitLead.submission.status).toBe('QUEUED');
  expect((await readyz()).body.store).toEqual({ status: 'up', detail: 'submissions and keyed creates are accepted' });

  // Two tenant keys: one used before the outage (its answer is cached), one never seen.
  await stack.gql('mutation { createTenant(slug: "acme", name: "Acme") { slug } }', undefined, as(ADMIN));
  const newKey = async () =>
    (await stack.gql('mutation { createApiKey(tenant: "acme", name: "r", scopes: [LEADS_READ]) { secret } }', undefined, as(ADMIN))).data!
      .createApiKey.secret as string;
  const [seen, unseen] = [await newKey(), await newKey()];
  const providers = '{ providers { provider configured } }';
  expect((await stack.gql(providers, undefined, as(seen))).status).toBe(200);

  await proxy.stop();
  // Past the key cache's period: the store is asked, does not answer, and the last answer stands.
  stack.clock.advance(10_000);
  expect((await stack.gql(providers, undefined, as(seen))).status).toBe(200);
  const unknown = await stack.gql(providers, undefined, as(unseen));
  expect(unknown.status).toBe(503);
  expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'STORE_UNAVAILABLE', retryAfterSeconds: 5 });
  expect(unknown.headers.get('retry-after')).toBe('5');
  const socket = subscribeFeed(stack.gateway.url, `Bearer ${unseen}`);
  expect(await socket.closed).toBe(1013);
  await socket.dispose();

  const read = await stack.gql(READ, undefined, as(CRM));
  expect(read.errors).toBeUndefined();
  expect(read.data!.leads.totalCount).toBeGreaterThan(0);
  // Keyspot's leads are read from the store's records: the listing of every provider cannot be whole.
  for (const query of ['{ leads(first: 2) { totalCount } }', '{ lead(id: "keyspot:never-recorded") { id } }']) {
    const withKeyspot = await stack.gql(query, undefined, as(CRM));
    expect(withKeyspot.errors?.[0]?.extensions).toMatchObject({ code: 'STORE_UNAVAILABLE', retryAfterSeconds: 5 });
  }

  // A create without a key needs no store on Tesselys (it keeps no record there): still served.
  const plain = await stack.gql(KEYED_CREATE, { input: tesselysInput(uniqueText('plain while down')) }, as(CRM));
  expect(plain.errors).toBeUndefined();

  const postsBefore = stack.tesselys.counters.count(TESSELYS_CREATE);
  const submitted = await submit(stack, tesselysInput(uniqueText('while down')), 'outage-key-1', as(CRM));
  expect(submitted.errors?.[0]?.extensions).toMatchObject({ code: 'STORE_UNAVAILABLE', retryAfterSeconds: 5 });
  const keyed = await stack.gql(KEYED_CREATE, { input: tesselysInput(uniqueText('keyed while down')), key: 'outage-key-2' }, as(CRM));
  expect(keyed.errors?.[0]?.extensions).toMatchObject({ code: 'STORE_UNAVAILABLE', retryAfterSeconds: 5 });
  expect(stack.tesselys.counters.count(TESSELYS_CREATE)).toBe(postsBefore);

  const down = await readyz();
  expect(down.status).toBe(503);
  expect(down.body).toMatchObject({
    status: 'not_ready',
    reason: 'store_unreachable',
    store: {
      status: 'down',
      detail:
        'submitLead, keyed createLead and reads of Keyspot leads (kept in the store) answer STORE_UNAVAILABLE; reads of Tesselys are still served',
    },
  });
  expect((await fetch(`${stack.gateway.url}/healthz`)).status).toBe(200);

  await proxy.resume();
  await eventually('the store answers again', async () => (await readyz()).status === 200);
  const after = await submit(stack, tesselysInput(uniqueText('after')), 'outage-key-1', as(CRM));
  expect(after.errors).toBeUndefined();
  expect(after.data!.submitLead).toMatchObject({ replayed: false, submission: { status: 'QUEUED' } });
  expect((await stack.gql(providers, undefined, as(unseen))).status).toBe(200);
  expect(
    (await stack.gql(KEYED_CREATE, { input: tesselysInput(uniqueText('keyed after')), key: 'outage-key-2' }, as(CRM))).errors,
  ).toBeUndefined();
  // The refusals were logged by code, never with a stored value.
  expect(stack.logs.records().some((r) => r.msg === 'store unavailable: request refused' && r.operation === 'submitLead')).toBe(true);
});
