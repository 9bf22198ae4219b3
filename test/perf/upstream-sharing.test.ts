/**
 * In-flight sharing of identical GETs in the upstream pool (issue #7 (d)): concurrent identical
 * reads with the same credentials cost one upstream request; different credentials or writes never
 * share. Calls are issued in the same tick, so they are all in flight together by construction.
 */
import { createUpstreamPool, type UpstreamPool } from '../../src/providers/http/upstream-pool';
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';

let sim: TesselysSimulator;
let pool: UpstreamPool;
let headers: Record<string, string>;
const LIST = 'GET /external/v1/leads';

beforeAll(async () => {
  sim = await startTesselysSimulator();
  headers = { authorization: `Bearer ${sim.credentials.accessToken}`, 'x-company-token': sim.credentials.companyToken };
});
afterAll(() => sim.close());
beforeEach(() => {
  pool = createUpstreamPool();
  sim.counters.reset();
  sim.faults.reset();
});
afterEach(() => pool.close());

test('ten identical GETs in flight together make one upstream request, and each caller gets the whole answer', async () => {
  const url = `${sim.url}/external/v1/leads?page=1&limit=5`;
  const responses = await Promise.all(Array.from({ length: 10 }, () => pool.fetch(url, { method: 'GET', headers })));
  expect(sim.counters.count(LIST)).toBe(1);
  expect(pool.sent).toBe(1);
  expect(pool.shared).toBe(9);
  const bodies = await Promise.all(responses.map((r) => r.json()));
  for (const body of bodies) expect(body.data).toHaveLength(5);
  // Each caller parses its own copy: mutating one cannot leak into another.
  bodies[0].data.pop();
  expect(bodies[1].data).toHaveLength(5);
});

test('GETs with different credentials never share', async () => {
  const url = `${sim.url}/external/v1/leads?page=1&limit=5`;
  const other = { ...headers, authorization: 'Bearer someone-else' };
  const [mine, theirs] = await Promise.all([
    pool.fetch(url, { method: 'GET', headers }),
    pool.fetch(url, { method: 'GET', headers: other }),
  ]);
  expect(sim.counters.count(LIST)).toBe(2);
  expect(mine.status).toBe(200);
  expect(theirs.status).toBe(401);
});

test('different URLs never share', async () => {
  await Promise.all([
    pool.fetch(`${sim.url}/external/v1/leads?page=1&limit=5`, { method: 'GET', headers }),
    pool.fetch(`${sim.url}/external/v1/leads?page=2&limit=5`, { method: 'GET', headers }),
  ]);
  expect(sim.counters.count(LIST)).toBe(2);
});

test('writes are never shared, even when identical', async () => {
  const body = JSON.stringify({ title: 'Interesse em plano Enterprise' });
  const init = { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body };
  const responses = await Promise.all(Array.from({ length: 3 }, () => pool.fetch(`${sim.url}/external/v1/leads`, init)));
  expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
  expect(sim.counters.count('POST /external/v1/leads')).toBe(3);
});

test('a caller giving up does not cancel the others sharing its GET', async () => {
  sim.faults.setLatency(50);
  const url = `${sim.url}/external/v1/leads?page=1&limit=5`;
  const quitter = new AbortController();
  const staying = pool.fetch(url, { method: 'GET', headers });
  const leaving = expect(pool.fetch(url, { method: 'GET', headers, signal: quitter.signal })).rejects.toThrow('caller gave up');
  quitter.abort(new Error('caller gave up'));
  await leaving;
  expect((await staying).status).toBe(200);
  expect(sim.counters.count(LIST)).toBe(1);
});

test("after a caller's deadline passes, new calls start afresh; those still waiting meet the pool timeout", async () => {
  await pool.close();
  pool = createUpstreamPool({ timeoutMs: 100 });
  sim.faults.hangNext({ route: LIST });
  const url = `${sim.url}/external/v1/leads?page=1&limit=5`;
  const gaveUp = new AbortController();
  const waiting = expect(pool.fetch(url, { method: 'GET', headers, signal: gaveUp.signal })).rejects.toThrow('deadline');
  const alsoWaiting = expect(pool.fetch(url, { method: 'GET', headers })).rejects.toThrow();
  gaveUp.abort(new Error('deadline'));
  await waiting;
  // The next call does not join the suspect exchange: it goes out afresh and succeeds...
  expect((await pool.fetch(url, { method: 'GET', headers })).status).toBe(200);
  expect(sim.counters.count(LIST)).toBe(2);
  // ...while the caller already waiting on the hung one is released by the pool's own timeout.
  await alsoWaiting;
});

test('a body cut short surfaces when it is read, not as a failed request', async () => {
  sim.faults.malformNext({ kind: 'truncated', route: LIST });
  const response = await pool.fetch(`${sim.url}/external/v1/leads?limit=1`, { method: 'GET', headers });
  expect(response.status).toBe(200);
  await expect(response.text()).rejects.toThrow();
});

test('an exchange retired by a deadline, when it finally ends, does not unshare the newer exchange for the same GET', async () => {
  await pool.close();
  pool = createUpstreamPool({ timeoutMs: 50 });
  const url = `${sim.url}/external/v1/leads?page=1&limit=5`;
  // Both the old and the newer exchange hang; each ends only at the pool's timeout.
  sim.faults.hangNext({ route: LIST, count: 2 });
  const gaveUp = new AbortController();
  const first = expect(pool.fetch(url, { method: 'GET', headers, signal: gaveUp.signal })).rejects.toThrow('deadline');
  const stuckWithOld = expect(pool.fetch(url, { method: 'GET', headers })).rejects.toThrow();
  gaveUp.abort(new Error('deadline'));
  await first;
  const newer = expect(pool.fetch(url, { method: 'GET', headers })).rejects.toThrow();
  await stuckWithOld; // the old exchange has ended while the newer one still hangs
  const joiner = expect(pool.fetch(url, { method: 'GET', headers })).rejects.toThrow();
  await Promise.all([newer, joiner]);
  // Two exchanges in all: the late joiner shared the newer one instead of starting a third.
  expect(sim.counters.count(LIST)).toBe(2);
});

test('a caller whose deadline already passed starts nothing', async () => {
  const gaveUp = new AbortController();
  gaveUp.abort(new Error('too late'));
  await expect(pool.fetch(`${sim.url}/external/v1/leads?limit=1`, { method: 'GET', headers, signal: gaveUp.signal })).rejects.toThrow(
    'too late',
  );
  expect(sim.counters.count(LIST)).toBe(0);
});
