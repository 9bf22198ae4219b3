/**
 * Group commit keeps "accepted means committed" (docs/decisions/idempotency.md, "Cost"): a real
 * gateway process (compiled, started as `npm start` does) answers concurrent keyed createLeads,
 * whose reservations and outcomes share commits, and is SIGKILLed as soon as half of them have
 * been answered. Restarted on the same store, on both stores: every answered key replays the very
 * lead it answered, with no POST; no key, answered or cut off, ever reaches Tesselys twice.
 */
import { randomUUID } from 'node:crypto';
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { compileGateway, startGatewayProcess, type CompiledGateway, type GatewayProcess } from '../ops/gateway-process';
import { testStoreEnv, type TestStoreKind } from '../support/test-database';

const TESSELYS_CREATE = 'POST /external/v1/leads';
const CREATE = `mutation ($input: CreateLeadInput!, $key: String) { createLead(input: $input, idempotencyKey: $key) { replayed lead { id } } }`;
const CONCURRENT = 30;

interface Keyed {
  key: string;
  title: string;
}

interface Answer {
  data?: { createLead: { replayed: boolean; lead: { id: string } } };
  errors?: Array<{ extensions?: { code?: string } }>;
}

let build: CompiledGateway;
let tesselys: TesselysSimulator;
const running: GatewayProcess[] = [];

beforeAll(async () => {
  build = compileGateway();
  tesselys = await startTesselysSimulator();
}, 120_000);
afterAll(async () => {
  for (const gateway of running) await gateway.stop();
  await tesselys?.close();
  build?.remove();
});

function start(storeEnv: Record<string, string>): GatewayProcess {
  const gateway = startGatewayProcess(build.main, {
    NODE_ENV: 'development',
    ...storeEnv,
    TESSELYS_BASE_URL: tesselys.url,
    TESSELYS_ACCESS_TOKEN: tesselys.credentials.accessToken,
    TESSELYS_COMPANY_TOKEN: tesselys.credentials.companyToken,
  });
  running.push(gateway);
  return gateway;
}

async function create(url: string, { key, title }: Keyed): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: CREATE, variables: { key, input: { provider: 'TESSELYS', title } } }),
  });
  return (await response.json()) as Answer;
}

const postsFor = ({ title }: Keyed): number =>
  tesselys.counters.history(TESSELYS_CREATE).filter((request) => JSON.stringify(request.body ?? null).includes(title)).length;

describe.each<TestStoreKind>(['sqlite', 'postgres'])('on %s', (kind) => {
  test('SIGKILL right after keyed createLeads were answered: each answered key replays its lead after restart, no key sent twice', async () => {
    const store = await testStoreEnv(kind);
    try {
      const first = start(store.env);
      const url = await first.listening();
      const keyed: Keyed[] = Array.from({ length: CONCURRENT }, (_, n) => ({
        key: `crash-${randomUUID()}`,
        title: `Crash ${kind} ${n} ${randomUUID()}`,
      }));
      const answered = new Map<Keyed, string>();
      await new Promise<void>((resolve) => {
        let settled = 0;
        for (const request of keyed) {
          void create(url, request)
            .then((answer) => {
              const id = answer.data?.createLead.lead.id;
              if (id) answered.set(request, id);
              // Killed the moment half were answered: the rest are cut off wherever they are.
              if (answered.size === CONCURRENT / 2) first.child.kill('SIGKILL');
            })
            .catch(() => undefined) // cut off by the kill
            .finally(() => ++settled === CONCURRENT && resolve());
        }
      });
      expect(await first.exited).toBeNull();
      expect(answered.size).toBeGreaterThanOrEqual(CONCURRENT / 2);
      const postsBeforeRestart = tesselys.counters.count(TESSELYS_CREATE);

      const second = start(store.env);
      const again = await second.listening();
      for (const [request, id] of answered) {
        const replay = await create(again, request);
        expect(replay.data?.createLead).toEqual({ replayed: true, lead: { id } });
      }
      expect(tesselys.counters.count(TESSELYS_CREATE)).toBe(postsBeforeRestart);

      // The cut-off keys: whatever each answers now (a fresh send if its reservation never committed,
      // IN_USE while its lock runs), none reaches Tesselys a second time.
      await Promise.all(keyed.filter((request) => !answered.has(request)).map((request) => create(again, request)));
      for (const request of keyed) expect(postsFor(request)).toBeLessThanOrEqual(1);
      for (const request of answered.keys()) expect(postsFor(request)).toBe(1);
      await second.stop();
    } finally {
      await store.remove();
    }
  }, 120_000);
});
