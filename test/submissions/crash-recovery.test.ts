/**
 * Crash safety and scale-out, on real gateway processes (compiled, started as `npm start` does)
 * against simulators in this test process:
 * - SIGKILL mid-delivery (a Keyspot POST held open by the simulator), restart on the same store:
 *   every accepted submission ends DELIVERED, each lead exists once, and the simulator saw one
 *   POST per submission, or two only where the submission says possibleDuplicate.
 * - On PostgreSQL, two processes sharing one database and queue: no submission delivered twice.
 * - Keyed createLeads, whose reservations and outcomes share commits (group commit, see
 *   docs/decisions/idempotency.md): SIGKILL as soon as half of them were answered; after a restart
 *   every answered key replays its lead with no POST, and no key reaches Tesselys twice.
 * (One file: every process test here shares one compiled build.)
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { startKeyspotSimulator, type KeyspotSimulator } from '../../src/providers/keyspot/simulator/keyspot.simulator';
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { compileGateway, startGatewayProcess, type CompiledGateway, type GatewayProcess } from '../ops/gateway-process';
import { testStoreEnv, type TestStoreKind } from '../support/test-database';
import { KEYSPOT_CREATE, keyspotInput, TESSELYS_CREATE, tesselysInput, uniqueText } from './support/submission-client';
import { keyspotEnv, tesselysEnv } from '../support/simulator-env';

const SUBMIT = `mutation ($input: CreateLeadInput!) { submitLead(input: $input) { submission { id status } } }`;
const READ = `query ($id: ID!) { submission(id: $id) { id status attempts possibleDuplicate } }`;

interface Submitted {
  id: string;
  provider: 'KEYSPOT' | 'TESSELYS';
  text: string;
}

let build: CompiledGateway;
let keyspot: KeyspotSimulator;
let tesselys: TesselysSimulator;
const running: GatewayProcess[] = [];

beforeAll(async () => {
  build = compileGateway();
  keyspot = await startKeyspotSimulator();
  tesselys = await startTesselysSimulator();
}, 120_000);
afterAll(async () => {
  for (const gateway of running) await gateway.stop();
  await Promise.all([keyspot?.close(), tesselys?.close()]);
  build?.remove();
});
afterEach(() => {
  keyspot.faults.reset();
  tesselys.faults.reset();
});

function start(storeEnv: Record<string, string>, extra: Record<string, string> = {}): GatewayProcess {
  const gateway = startGatewayProcess(build.main, {
    NODE_ENV: 'development',
    ...storeEnv,
    ...keyspotEnv(keyspot),
    ...tesselysEnv(tesselys),
    SUBMISSION_POLL_MS: '50',
    // Short, so a killed process's claims pass on quickly; renewed every third of it while delivering.
    SUBMISSION_LEASE_MS: '1500',
    ...extra,
  });
  running.push(gateway);
  return gateway;
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function submitMany(url: string, count: number, label: string): Promise<Submitted[]> {
  const submitted: Submitted[] = [];
  for (let i = 0; i < count; i++) {
    const provider = i % 3 === 2 ? 'TESSELYS' : 'KEYSPOT';
    const text = uniqueText(`${label} ${i}`);
    const input = provider === 'KEYSPOT' ? keyspotInput(text) : tesselysInput(text);
    const { submitLead } = await gql<{ submitLead: { submission: { id: string; status: string } } }>(url, SUBMIT, { input });
    expect(submitLead.submission.status).toBe('QUEUED');
    submitted.push({ id: submitLead.submission.id, provider, text });
  }
  return submitted;
}

/** Reads every submission until all are DELIVERED (real time: leases and polls run on the clock). */
async function allDelivered(url: string, submitted: Submitted[], deadlineMs = 60_000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const states = await Promise.all(
      submitted.map(
        async (s) =>
          (await gql<{ submission: { status: string; possibleDuplicate: boolean; attempts: number } }>(url, READ, { id: s.id })).submission,
      ),
    );
    if (states.every((state) => state.status === 'DELIVERED')) return states;
    if (Date.now() > deadline) throw new Error(`not all delivered: ${JSON.stringify(states)}`);
    await delay(100);
  }
}

function postsFor(s: Submitted): number {
  const simulator = s.provider === 'KEYSPOT' ? keyspot : tesselys;
  const route = s.provider === 'KEYSPOT' ? KEYSPOT_CREATE : TESSELYS_CREATE;
  return simulator.counters.history(route).filter((request) => JSON.stringify(request.body ?? null).includes(s.text)).length;
}

function leadsFor(s: Submitted): number {
  return s.provider === 'KEYSPOT'
    ? keyspot.leads().filter((lead) => lead.message === s.text).length
    : tesselys.leads().filter((lead) => lead.title === s.text).length;
}

describe('graceful shutdown (SQLite; hand-back on both stores is in test/store/submissions.test.ts)', () => {
  const kind: TestStoreKind = 'sqlite';
  test('SIGTERM with a delivery in flight that outlasts the grace: handed back at once, the next process delivers it without waiting for a lease', async () => {
    const store = await testStoreEnv(kind);
    // A lease far longer than the test: only a hand-back lets the next process have it.
    const env = { ...store.env, SUBMISSION_LEASE_MS: String(60 * 60_000), SUBMISSION_SHUTDOWN_GRACE_MS: '300' };
    try {
      keyspot.faults.hangNext({ route: KEYSPOT_CREATE, count: 1 });
      const postsBefore = keyspot.counters.count(KEYSPOT_CREATE);
      const first = start(env);
      const [held] = await submitMany(await first.listening(), 1, `shutdown ${kind}`);
      const deadline = Date.now() + 20_000;
      while (keyspot.counters.count(KEYSPOT_CREATE) === postsBefore && Date.now() < deadline) await delay(20);
      expect(await first.stop()).toBe(0);
      expect(
        first.records().some((record) => record.msg === 'shutting down: in-flight delivery handed back' && record.handed === true),
      ).toBe(true);

      const second = start(env);
      const [state] = await allDelivered(await second.listening(), [held!], 20_000);
      // The held attempt's outcome is unknown (it reached Keyspot): its re-send says so.
      expect(state).toMatchObject({ status: 'DELIVERED', attempts: 2, possibleDuplicate: true });
      expect(leadsFor(held!)).toBe(1);
      await second.stop();
    } finally {
      await store.remove();
    }
  }, 120_000);

  test('SIGTERM with a delivery in flight that finishes within the grace: it finishes, one POST', async () => {
    const store = await testStoreEnv(kind);
    try {
      keyspot.faults.setLatency(400);
      const postsBefore = keyspot.counters.count(KEYSPOT_CREATE);
      const first = start({ ...store.env, SUBMISSION_SHUTDOWN_GRACE_MS: '10000' });
      const [slow] = await submitMany(await first.listening(), 1, `graceful ${kind}`);
      const deadline = Date.now() + 20_000;
      while (keyspot.counters.count(KEYSPOT_CREATE) === postsBefore && Date.now() < deadline) await delay(10);
      expect(await first.stop()).toBe(0);
      expect(first.records().some((record) => record.msg === 'submission delivered')).toBe(true);
      keyspot.faults.setLatency(0);
      const second = start(store.env);
      const [state] = await allDelivered(await second.listening(), [slow!], 20_000);
      expect(state).toMatchObject({ attempts: 1, possibleDuplicate: false });
      expect(postsFor(slow!)).toBe(1);
      await second.stop();
    } finally {
      await store.remove();
    }
  }, 120_000);
});

describe.each<TestStoreKind>(['sqlite', 'postgres'])('on %s', (kind) => {
  test('SIGKILL mid-delivery, restart on the same store: every accepted submission DELIVERED, POSTs per lead 1 (2 only when possibleDuplicate)', async () => {
    const store = await testStoreEnv(kind);
    try {
      // The first Keyspot lead POST is held open: the process dies while that attempt is in flight.
      keyspot.faults.hangNext({ route: KEYSPOT_CREATE, count: 1 });
      const postsBefore = keyspot.counters.count(KEYSPOT_CREATE);
      const first = start(store.env);
      const submitted = await submitMany(await first.listening(), 6, `crash ${kind}`);
      const deadline = Date.now() + 20_000;
      while (keyspot.counters.count(KEYSPOT_CREATE) === postsBefore && Date.now() < deadline) await delay(20);
      expect(keyspot.faults.pending).toBe(0); // the held POST arrived: an attempt is in flight
      first.child.kill('SIGKILL');
      expect(await first.exited).toBeNull();

      const second = start(store.env);
      const states = await allDelivered(await second.listening(), submitted);
      for (const [index, s] of submitted.entries()) {
        // A second send only where the submission owns up to it. possibleDuplicate may also mark one
        // whose killed attempt had not reached the wire yet (e.g. still fetching a token): "may", never a false "no".
        const { possibleDuplicate } = states[index]!;
        const posts = postsFor(s);
        expect(posts === 1 || (posts === 2 && possibleDuplicate)).toBe(true);
        const leads = leadsFor(s);
        expect(leads === 1 || (leads === 2 && possibleDuplicate)).toBe(true);
        // Tesselys is searched before a re-send: never two leads there.
        if (s.provider === 'TESSELYS') expect(leads).toBe(1);
      }
      // The held POST was re-sent, and says so.
      expect(submitted.filter((s, index) => postsFor(s) === 2 && states[index]!.possibleDuplicate).length).toBeGreaterThanOrEqual(1);
      // Nothing the client sent appears in either process's log.
      for (const s of submitted) expect(first.stdout() + second.stdout()).not.toContain(s.text);
      await second.stop();
    } finally {
      await store.remove();
    }
  }, 120_000);
});

test('PostgreSQL: two processes share one queue and never deliver a submission twice', async () => {
  const store = await testStoreEnv('postgres');
  try {
    // Slow answers keep both workers busy at once.
    keyspot.faults.setLatency(30);
    tesselys.faults.setLatency(30);
    const [a, b] = [start(store.env), start(store.env)];
    const [urlA, urlB] = await Promise.all([a.listening(), b.listening()]);
    const submitted = [...(await submitMany(urlA, 12, 'shared A')), ...(await submitMany(urlB, 12, 'shared B'))];
    const states = await allDelivered(urlB, submitted);
    for (const s of submitted) {
      expect(postsFor(s)).toBe(1);
      expect(leadsFor(s)).toBe(1);
    }
    expect(states.every((state) => !state.possibleDuplicate && state.attempts === 1)).toBe(true);
    // Exactly one delivery per submission across both processes' logs.
    const deliveredBy = (gateway: GatewayProcess) => gateway.records().filter((record) => record.msg === 'submission delivered').length;
    expect(deliveredBy(a) + deliveredBy(b)).toBe(submitted.length);
    await Promise.all([a.stop(), b.stop()]);
  } finally {
    await store.remove();
  }
}, 120_000);

const CREATE_KEYED = `mutation ($input: CreateLeadInput!, $key: String) { createLead(input: $input, idempotencyKey: $key) { replayed lead { id } } }`;
const KEYED_CONCURRENT = 30;

interface KeyedAnswer {
  data?: { createLead: { replayed: boolean; lead: { id: string } } };
}

async function createKeyed(url: string, key: string, title: string): Promise<KeyedAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: CREATE_KEYED, variables: { key, input: { provider: 'TESSELYS', title } } }),
  });
  return (await response.json()) as KeyedAnswer;
}

describe.each<TestStoreKind>(['sqlite', 'postgres'])('keyed createLead on %s', (kind) => {
  test('SIGKILL right after keyed createLeads were answered: each answered key replays its lead after restart, no key sent twice', async () => {
    const store = await testStoreEnv(kind);
    try {
      const first = start(store.env);
      const url = await first.listening();
      const keyed: Submitted[] = Array.from({ length: KEYED_CONCURRENT }, (_, n) => ({
        id: `crash-${randomUUID()}`, // the idempotency key
        provider: 'TESSELYS',
        text: `Keyed crash ${kind} ${n} ${randomUUID()}`,
      }));
      const answered = new Map<Submitted, string>();
      await new Promise<void>((resolve) => {
        let settled = 0;
        for (const request of keyed) {
          void createKeyed(url, request.id, request.text)
            .then((answer) => {
              const id = answer.data?.createLead.lead.id;
              if (id) answered.set(request, id);
              // Killed the moment half were answered: the rest are cut off wherever they are.
              if (answered.size === KEYED_CONCURRENT / 2) first.child.kill('SIGKILL');
            })
            .catch(() => undefined) // cut off by the kill
            .finally(() => ++settled === KEYED_CONCURRENT && resolve());
        }
      });
      expect(await first.exited).toBeNull();
      expect(answered.size).toBeGreaterThanOrEqual(KEYED_CONCURRENT / 2);
      const postsBeforeRestart = tesselys.counters.count(TESSELYS_CREATE);

      const second = start(store.env);
      const again = await second.listening();
      for (const [request, id] of answered) {
        const replay = await createKeyed(again, request.id, request.text);
        expect(replay.data?.createLead).toEqual({ replayed: true, lead: { id } });
      }
      expect(tesselys.counters.count(TESSELYS_CREATE)).toBe(postsBeforeRestart);

      // The cut-off keys: whatever each answers now (a fresh send if its reservation never committed,
      // IN_USE while its lock runs), none reaches Tesselys a second time.
      await Promise.all(keyed.filter((request) => !answered.has(request)).map((request) => createKeyed(again, request.id, request.text)));
      for (const request of keyed) expect(postsFor(request)).toBeLessThanOrEqual(1);
      for (const request of answered.keys()) expect(postsFor(request)).toBe(1);
      await second.stop();
    } finally {
      await store.remove();
    }
  }, 120_000);
});
