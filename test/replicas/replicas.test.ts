/**
 * Three gateway processes (compiled, started as `npm start` does) on one PostgreSQL database and
 * one Redis behave as one gateway, driven round-robin over real HTTP against simulators in this
 * test process (docs/scale-out.md):
 * - the same idempotency key to all three at once → one provider POST;
 * - 60 submitLead while the provider is down, provider back → each delivered exactly once;
 * - a rate limit of N per minute across the three → exactly N succeed in all;
 * - a revoked key is refused by all three within the 5 s bound (announced: at once);
 * - SIGKILL the replica holding a delivery mid-send → the other two finish its work, nothing lost.
 * One set of three processes serves the whole file; each scenario uses an API key of its own, so
 * the rate limit (N per key) never couples them.
 */
import pg from 'pg';
import { startKeyspotSimulator, type KeyspotSimulator } from '../../src/providers/keyspot/simulator/keyspot.simulator';
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { compileGateway, startGatewayProcess, type CompiledGateway, type GatewayProcess } from '../ops/gateway-process';
import { KEYSPOT_CREATE, keyspotInput, uniqueText } from '../submissions/support/submission-client';
import { eventually } from '../support/eventually';
import { testStoreEnv } from '../support/test-database';
import { REDIS_TEST_URL, testRedisPrefix } from '../support/test-redis';
import { keyspotEnv, tesselysEnv } from '../support/simulator-env';

/** The rate limit of every key, per minute, across the three. */
const LIMIT = 150;
const SCENARIOS = ['idem', 'outage', 'limit', 'revoke', 'kill'] as const;
const keyOf = (name: string) => `replica-${name}-key-0123456789abcdef`;
const API_KEYS = JSON.stringify([
  ...SCENARIOS.map((name) => ({ name, key: keyOf(name), scopes: ['leads:read', 'leads:write'] })),
  { name: 'admin', key: keyOf('admin'), scopes: ['tenants:admin'] },
]);
const SUBMIT = 'mutation ($input: CreateLeadInput!) { submitLead(input: $input) { submission { id status } } }';
const STATES = '{ submissions(first: 100, filter: { provider: KEYSPOT }) { nodes { id status attempts possibleDuplicate } } }';

interface State {
  id: string;
  status: string;
  attempts: number;
  possibleDuplicate: boolean;
}

let build: CompiledGateway;
let keyspot: KeyspotSimulator;
let tesselys: TesselysSimulator;
let store: Awaited<ReturnType<typeof testStoreEnv>>;
let redis: Awaited<ReturnType<typeof testRedisPrefix>>;
let db: pg.Client;
const replicas: GatewayProcess[] = [];
const urls: string[] = [];
let turn = 0;

beforeAll(async () => {
  build = compileGateway();
  [keyspot, tesselys, store, redis] = await Promise.all([
    startKeyspotSimulator(),
    startTesselysSimulator(),
    testStoreEnv('postgres'),
    testRedisPrefix(),
  ]);
  const env = {
    NODE_ENV: 'development',
    ...store.env,
    REDIS_URL: REDIS_TEST_URL,
    REDIS_KEY_PREFIX: redis.prefix,
    API_KEYS,
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
    RATE_LIMIT_BURST: String(LIMIT),
    ...keyspotEnv(keyspot),
    ...tesselysEnv(tesselys),
    SUBMISSION_POLL_MS: '50',
    // The outage opens Keyspot's circuit on every replica: half-open soon after the provider is back.
    CIRCUIT_BREAKER_COOLDOWN_MS: '500',
    // Short, so a killed replica's claims pass to the others quickly.
    SUBMISSION_LEASE_MS: '1500',
  };
  db = new pg.Client({ connectionString: store.env.DATABASE_URL });
  await db.connect();
  // The first migrates the database; the others start on it.
  replicas.push(startGatewayProcess(build.main, env));
  urls.push(await replicas[0]!.listening());
  replicas.push(startGatewayProcess(build.main, env), startGatewayProcess(build.main, env));
  urls.push(...(await Promise.all(replicas.slice(1).map((replica) => replica.listening()))));
}, 120_000);
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await db?.end();
  await Promise.all([keyspot?.close(), tesselys?.close()]);
  await store?.remove();
  await redis?.clean();
  build?.remove();
});

/** The next replica in round-robin order (skipping one that was killed). */
function next(): string {
  for (;;) {
    const index = turn++ % replicas.length;
    if (replicas[index]!.child.exitCode === null && replicas[index]!.child.signalCode === null) return urls[index]!;
  }
}

async function gql(url: string, key: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> };
  return { status: response.status, ...body };
}

async function submitKeyspot(key: string, label: string, count: number): Promise<Array<{ id: string; text: string }>> {
  const submitted: Array<{ id: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const text = uniqueText(`${label} ${i}`);
    const res = await gql(next(), key, SUBMIT, { input: keyspotInput(text) });
    expect(res.data?.submitLead.submission.status).toBe('QUEUED');
    submitted.push({ id: res.data!.submitLead.submission.id as string, text });
  }
  return submitted;
}

/** What the gateway answers for these submissions (one request: waiting polls the database instead, outside the rate limit). */
async function states(key: string, ids: readonly string[]): Promise<State[]> {
  const nodes = (await gql(next(), key, STATES)).data!.submissions.nodes as State[];
  return nodes.filter((node) => ids.includes(node.id));
}

/** How many of these submissions the shared database has in each status, and their attempts. */
async function stored(
  ids: readonly string[],
): Promise<Array<{ status: string; attempts: number; lease_owner: string | null; attempt_started_at: number | null }>> {
  const { rows } = await db.query('select status, attempts, lease_owner, attempt_started_at from submissions where id = any($1::text[])', [
    ids.map((id) => id.replace(/^submission:/, '')),
  ]);
  return rows;
}

const cleanups: Array<() => void> = [];
/** Runs after the current test, passed or failed, so one scenario's fault never leaks into the next. */
function onFinish(cleanup: () => void): void {
  cleanups.push(cleanup);
}
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const leadsWith = (text: string) => keyspot.leads().filter((lead) => lead.message === text).length;
const postsWith = (text: string) =>
  keyspot.counters.history(KEYSPOT_CREATE).filter((r) => JSON.stringify(r.body ?? null).includes(text)).length;

test('the same idempotency key sent to all three at once: one provider POST, one lead, every answer that lead (or "in use")', async () => {
  const text = uniqueText('idempotent');
  keyspot.faults.setLatency(300);
  const query = 'mutation ($input: CreateLeadInput!) { createLead(input: $input, idempotencyKey: "same-key-1") { replayed lead { id } } }';
  const answers = await Promise.all(urls.map((url) => gql(url, keyOf('idem'), query, { input: keyspotInput(text) })));
  keyspot.faults.setLatency(0);
  expect(postsWith(text)).toBe(1);
  expect(leadsWith(text)).toBe(1);
  const leadIds = new Set(answers.filter((a) => a.data?.createLead).map((a) => a.data!.createLead.lead.id as string));
  expect(leadIds.size).toBe(1);
  for (const answer of answers) if (!answer.data?.createLead) expect(answer.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_IN_USE');
  expect(answers.filter((a) => a.data?.createLead?.replayed === false)).toHaveLength(1);
});

test('60 submitLead round-robin while the provider is down; provider back: each delivered exactly once', async () => {
  keyspot.faults.failNext({ route: KEYSPOT_CREATE, status: 503, count: 1_000_000 });
  onFinish(() => keyspot.faults.reset());
  const submitted = await submitKeyspot(keyOf('outage'), 'outage', 60);
  const ids = submitted.map((s) => s.id);
  await eventually('every submission tried and failed once', async () => (await stored(ids)).every((s) => s.attempts >= 1), 30_000);
  expect(submitted.every((s) => leadsWith(s.text) === 0)).toBe(true);
  // The provider is back: from now on every POST creates its lead.
  keyspot.faults.reset();
  keyspot.counters.reset();
  await eventually('all 60 delivered', async () => (await stored(ids)).filter((s) => s.status === 'DELIVERED').length === 60, 30_000);
  expect((await states(keyOf('outage'), ids)).filter((s) => s.status === 'DELIVERED')).toHaveLength(60);
  for (const s of submitted) {
    expect(leadsWith(s.text)).toBe(1);
    expect(postsWith(s.text)).toBe(1);
  }
}, 60_000);

test(`a limit of ${LIMIT} a minute per key, across the three: exactly ${LIMIT} of ${LIMIT + 30} round-robin requests succeed`, async () => {
  const statuses: number[] = [];
  // Eight at a time, round-robin.
  for (let i = 0; i < LIMIT + 30; i += 8) {
    const batch = Array.from({ length: Math.min(8, LIMIT + 30 - i) }, () => gql(next(), keyOf('limit'), '{ providers { provider } }'));
    statuses.push(...(await Promise.all(batch)).map((answer) => answer.status));
  }
  expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
  expect(statuses.filter((status) => status === 429)).toHaveLength(30);
});

test('a tenant key revoked on one replica is refused by all three within the 5 s bound', async () => {
  const admin = keyOf('admin');
  await gql(next(), admin, 'mutation { createTenant(slug: "replicas", name: "Replicas") { slug } }');
  const created = await gql(
    next(),
    admin,
    'mutation { createApiKey(tenant: "replicas", name: "r", scopes: [LEADS_READ]) { secret apiKey { id } } }',
  );
  const { secret, apiKey } = created.data!.createApiKey as { secret: string; apiKey: { id: string } };
  // Every replica has the key in its cache.
  for (const url of urls) expect((await gql(url, secret, '{ providers { provider } }')).status).toBe(200);
  expect((await gql(next(), admin, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: apiKey.id })).errors).toBeUndefined();
  // The contract's bound (plus scheduling slack on a loaded machine); the announcement makes it far shorter.
  await eventually(
    'all three refuse the key',
    async () =>
      (await Promise.all(urls.map((url) => gql(url, secret, '{ providers { provider } }')))).every((answer) => answer.status === 401),
    5_500,
  );
});

test('SIGKILL the replica holding a delivery mid-send: the other two finish its work, nothing lost', async () => {
  const workers = replicas.map((replica) => replica.records().find((r) => r.msg === 'delivery worker started')?.worker as string);
  keyspot.faults.setLatency(2_000);
  onFinish(() => keyspot.faults.setLatency(0));
  const submitted = await submitKeyspot(keyOf('kill'), 'kill', 9);
  const ids = submitted.map((s) => s.id);
  // A replica with a POST on its way (its marker is committed before the send, so the send is under way).
  let victim = -1;
  await eventually('a delivery in flight', async () => {
    const rows = (await stored(ids)).filter((row) => row.status === 'DELIVERING' && row.attempt_started_at !== null);
    victim = workers.findIndex((worker) => rows.some((row) => row.lease_owner?.startsWith(`${worker}/`)));
    return victim >= 0;
  });
  replicas[victim]!.child.kill('SIGKILL');
  await replicas[victim]!.exited;
  keyspot.faults.setLatency(0);

  await eventually('the two others delivered everything', async () => (await stored(ids)).every((s) => s.status === 'DELIVERED'), 30_000);
  const final = await states(keyOf('kill'), ids);
  expect(final).toHaveLength(submitted.length);
  for (const s of submitted) {
    const state = final.find((f) => f.id === s.id)!;
    // One lead each; a second POST only where the cut attempt's outcome was unknown, and then it says so.
    expect(leadsWith(s.text)).toBeLessThanOrEqual(state.possibleDuplicate ? 2 : 1);
    expect(leadsWith(s.text)).toBeGreaterThanOrEqual(1);
  }
  expect(final.some((s) => s.possibleDuplicate)).toBe(true);
}, 60_000);
