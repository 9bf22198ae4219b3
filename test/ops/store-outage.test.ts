/**
 * PostgreSQL lost under a running gateway (a real database behind a TCP proxy the test cuts; the
 * machine's server keeps running): reads of a live provider are still served; submitLead and
 * createLead with an idempotency key answer STORE_UNAVAILABLE and send nothing, rather than accept
 * what cannot be stored; /readyz reports the store down. The store back: accepted again.
 */
import { eventually } from '../support/eventually';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase } from '../support/test-database';
import { startTestStack, type TestStack } from '../support/test-stack';
import { submit, TESSELYS_CREATE, tesselysInput, uniqueText } from '../submissions/support/submission-client';

const KEYED_CREATE =
  'mutation ($input: CreateLeadInput!, $key: String) { createLead(input: $input, idempotencyKey: $key) { lead { id } } }';
const READ = '{ leads(filter: { provider: TESSELYS }, first: 2) { totalCount } }';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: TcpProxy;
let stack: TestStack;

beforeAll(async () => {
  database = await createTestDatabase();
  const url = new URL(database.url);
  proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
  stack = await startTestStack({ env: { DATABASE_URL: proxy.rewrite(database.url), RATE_LIMIT_PER_MINUTE: '0' }, readinessCacheMs: 0 });
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

test('store lost: reads served, submissions and keyed creates refused with STORE_UNAVAILABLE (nothing sent); back: accepted', async () => {
  expect((await submit(stack, tesselysInput(uniqueText('before')))).data?.submitLead.submission.status).toBe('QUEUED');
  expect((await readyz()).body.store).toEqual({ status: 'up', detail: 'submissions and keyed creates are accepted' });

  await proxy.stop();
  const read = await stack.gql(READ);
  expect(read.errors).toBeUndefined();
  expect(read.data!.leads.totalCount).toBeGreaterThan(0);

  const postsBefore = stack.tesselys.counters.count(TESSELYS_CREATE);
  const submitted = await submit(stack, tesselysInput(uniqueText('while down')), 'outage-key-1');
  expect(submitted.errors?.[0]?.extensions).toMatchObject({ code: 'STORE_UNAVAILABLE', retryAfterSeconds: 5 });
  const keyed = await stack.gql(KEYED_CREATE, { input: tesselysInput(uniqueText('keyed while down')), key: 'outage-key-2' });
  expect(keyed.errors?.[0]?.extensions).toMatchObject({ code: 'STORE_UNAVAILABLE', retryAfterSeconds: 5 });
  expect(stack.tesselys.counters.count(TESSELYS_CREATE)).toBe(postsBefore);

  const down = await readyz();
  expect(down.status).toBe(503);
  expect(down.body).toMatchObject({
    status: 'not_ready',
    reason: 'store_unreachable',
    store: { status: 'down', detail: 'submitLead and keyed createLead answer STORE_UNAVAILABLE; provider reads are still served' },
  });
  expect((await fetch(`${stack.gateway.url}/healthz`)).status).toBe(200);

  await proxy.resume();
  await eventually('the store answers again', async () => (await readyz()).status === 200);
  const after = await submit(stack, tesselysInput(uniqueText('after')), 'outage-key-1');
  expect(after.errors).toBeUndefined();
  expect(after.data!.submitLead).toMatchObject({ replayed: false, submission: { status: 'QUEUED' } });
  expect((await stack.gql(KEYED_CREATE, { input: tesselysInput(uniqueText('keyed after')), key: 'outage-key-2' })).errors).toBeUndefined();
  // The refusals were logged by code, never with a stored value.
  expect(stack.logs.records().some((r) => r.msg === 'store unavailable: request refused' && r.operation === 'submitLead')).toBe(true);
});
