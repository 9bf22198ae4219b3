/**
 * Every knob of the shared simulator harness, driven through the Tesselys simulator over real
 * HTTP: latency, status faults (scoped and counted), hangs, each malformed-body kind, request
 * counters, and the same knobs through the opt-in `/__control` HTTP API.
 */
import type { TesselysLeadResource as TesselysLeadDto } from '../../src/providers/tesselys/simulator/tesselys.documented-api';
import {
  startTesselysSimulator,
  TESSELYS_DEMO_CREDENTIALS,
  type TesselysSimulator,
} from '../../src/providers/tesselys/simulator/tesselys.simulator';

const LEADS = '/external/v1/leads';
const LIST = 'GET /external/v1/leads';
const GET_ONE = 'GET /external/v1/leads/:id';
const CREATE = 'POST /external/v1/leads';
const UPDATE = 'PUT /external/v1/leads/:id';
const AUTH = {
  authorization: `Bearer ${TESSELYS_DEMO_CREDENTIALS.accessToken}`,
  'x-company-token': TESSELYS_DEMO_CREDENTIALS.companyToken,
};

function request(sim: TesselysSimulator, method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { ...AUTH };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${sim.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), ...init });
}

function control(sim: TesselysSimulator, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.url}/__control${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Yields to the event loop until the in-process simulator has reached the expected state. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

let sim: TesselysSimulator;
let leadId: string;
let otherLeadId: string;

beforeAll(async () => {
  sim = await startTesselysSimulator({ leadCount: 8 });
  [leadId, otherLeadId] = sim.leads().map((lead) => lead.id) as [string, string];
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.faults.reset();
  sim.counters.reset();
});

describe('latency', () => {
  test('requests still succeed and the knob reads back; reset removes it', async () => {
    sim.faults.setLatency(15);
    expect(sim.faults.latency).toBe(15);
    const res = await request(sim, 'GET', LEADS);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { meta: { total: number } }).meta.total).toBe(8);
    sim.faults.reset();
    expect(sim.faults.latency).toBe(0);
  });

  test('negative latency is refused', () => {
    expect(() => sim.faults.setLatency(-1)).toThrow(RangeError);
  });

  test('closing during a latency delay resolves and drops the request', async () => {
    const slow = await startTesselysSimulator({ leadCount: 1 });
    slow.faults.setLatency(60_000);
    const pending = request(slow, 'GET', LEADS).then(
      () => 'answered',
      () => 'failed',
    );
    await until(() => slow.counters.count(LIST) === 1);
    await slow.close();
    expect(await pending).toBe('failed');
  });
});

describe('failNext', () => {
  const faults: Array<[number, Record<string, string> | undefined, unknown]> = [
    [503, undefined, { statusCode: 503, message: 'Service Unavailable' }],
    [429, { 'Retry-After': '7' }, { statusCode: 429, message: 'ThrottlerException: Too Many Requests' }],
    [401, undefined, { statusCode: 401, error: 'Unauthorized', message: 'Token expired' }],
    [422, undefined, { statusCode: 422, error: 'Unprocessable Entity', message: ['title is invalid'] }],
  ];

  test.each(faults)('%i with its body and headers, for exactly N responses', async (status, headers, body) => {
    sim.faults.failNext({ status, body, headers, count: 2 });
    expect(sim.faults.pending).toBe(2);
    for (let i = 0; i < 2; i++) {
      const res = await request(sim, 'GET', LEADS);
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual(body);
      if (headers) expect(res.headers.get('retry-after')).toBe('7');
    }
    expect(sim.faults.pending).toBe(0);
    expect((await request(sim, 'GET', LEADS)).status).toBe(200);
  });

  test('a fault without body answers an empty body', async () => {
    sim.faults.failNext({ status: 502 });
    const res = await request(sim, 'GET', LEADS);
    expect(res.status).toBe(502);
    expect(await res.text()).toBe('');
  });

  test('scoped to one route: other routes are unaffected until that route is called', async () => {
    sim.faults.failNext({ route: CREATE, status: 503 });
    expect((await request(sim, 'GET', LEADS)).status).toBe(200);
    expect((await request(sim, 'GET', `${LEADS}/${leadId}`)).status).toBe(200);
    expect((await request(sim, 'PUT', `${LEADS}/${leadId}`, { status: 'CONTACTED' })).status).toBe(200);
    expect(sim.faults.pending).toBe(1);
    expect((await request(sim, 'POST', LEADS, { title: 'Falha' })).status).toBe(503);
    expect((await request(sim, 'POST', LEADS, { title: 'Sucesso' })).status).toBe(201);
  });

  test('route keys use the express path, so ":id" routes match any id', async () => {
    sim.faults.failNext({ route: GET_ONE, status: 500, count: 2 });
    expect((await request(sim, 'GET', LEADS)).status).toBe(200);
    expect((await request(sim, 'GET', `${LEADS}/${leadId}`)).status).toBe(500);
    expect((await request(sim, 'GET', `${LEADS}/${otherLeadId}`)).status).toBe(500);
    expect((await request(sim, 'GET', `${LEADS}/${leadId}`)).status).toBe(200);
  });

  test('faults are consumed first-armed, first-served', async () => {
    sim.faults.failNext({ status: 503 });
    sim.faults.failNext({ status: 504 });
    expect((await request(sim, 'GET', LEADS)).status).toBe(503);
    expect((await request(sim, 'GET', LEADS)).status).toBe(504);
  });

  test('a fault answers before credentials are checked', async () => {
    sim.faults.failNext({ status: 503 });
    const res = await fetch(`${sim.url}${LEADS}`);
    expect(res.status).toBe(503);
  });

  test('invalid arguments are refused when armed', () => {
    expect(() => sim.faults.failNext({ status: 42 })).toThrow(RangeError);
    expect(() => sim.faults.failNext({ status: 503, count: 0 })).toThrow(RangeError);
    expect(() => sim.faults.malformNext({ kind: 'garbled' as never })).toThrow(RangeError);
    expect(sim.faults.pending).toBe(0);
  });
});

describe('hangNext', () => {
  test('the request is never answered; the client gives up with an abort; later requests work', async () => {
    sim.faults.hangNext({ route: LIST });
    const abort = new AbortController();
    const hung = request(sim, 'GET', LEADS, undefined, { signal: abort.signal });
    await until(() => sim.counters.count(LIST) === 1);
    expect(sim.faults.pending).toBe(0);
    abort.abort();
    await expect(hung).rejects.toMatchObject({ name: 'AbortError' });
    expect((await request(sim, 'GET', LEADS)).status).toBe(200);
  });

  test('scoped to a route, other routes still answer while one hangs', async () => {
    sim.faults.hangNext({ route: GET_ONE });
    const abort = new AbortController();
    const hung = request(sim, 'GET', `${LEADS}/${leadId}`, undefined, { signal: abort.signal });
    await until(() => sim.counters.count(GET_ONE) === 1);
    expect((await request(sim, 'GET', LEADS)).status).toBe(200);
    abort.abort();
    await expect(hung).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('close resolves with a hung request open, and the client sees the connection drop', async () => {
    const own = await startTesselysSimulator({ leadCount: 1 });
    own.faults.hangNext();
    const hung = request(own, 'GET', LEADS);
    await until(() => own.counters.count(LIST) === 1);
    await expect(own.close()).resolves.toBeUndefined();
    await expect(hung).rejects.toThrow();
  });
});

describe('malformNext', () => {
  test('truncated: headers arrive, reading the body rejects', async () => {
    sim.faults.malformNext({ kind: 'truncated' });
    const res = await request(sim, 'GET', LEADS);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  test('invalid-json: a complete 200 whose body does not parse', async () => {
    sim.faults.malformNext({ kind: 'invalid-json' });
    const res = await request(sim, 'GET', LEADS);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  test('wrong-content-type: a 200 HTML page', async () => {
    sim.faults.malformNext({ kind: 'wrong-content-type' });
    const res = await request(sim, 'GET', LEADS);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<html>');
  });

  test('empty-object: a 200 JSON {} with every field missing', async () => {
    sim.faults.malformNext({ kind: 'empty-object', route: GET_ONE });
    const res = await request(sim, 'GET', `${LEADS}/${leadId}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
  });

  test('count and route apply: two malformed POSTs, then normal service', async () => {
    sim.faults.malformNext({ kind: 'empty-object', route: CREATE, count: 2 });
    expect((await request(sim, 'GET', LEADS)).status).toBe(200);
    expect(await (await request(sim, 'POST', LEADS, { title: 'a' })).json()).toEqual({});
    expect(await (await request(sim, 'POST', LEADS, { title: 'b' })).json()).toEqual({});
    const created = (await (await request(sim, 'POST', LEADS, { title: 'c' })).json()) as TesselysLeadDto;
    expect(created.title).toBe('c');
  });
});

describe('counters', () => {
  test('count per route and in total', async () => {
    await request(sim, 'GET', LEADS);
    await request(sim, 'GET', `${LEADS}?page=2`);
    await request(sim, 'GET', `${LEADS}/${leadId}`);
    await request(sim, 'POST', LEADS, { title: 'Contado' });
    await request(sim, 'PUT', `${LEADS}/${leadId}`, { status: 'QUALIFIED' });
    expect(sim.counters.byRoute()).toEqual({ [LIST]: 2, [GET_ONE]: 1, [CREATE]: 1, [UPDATE]: 1 });
    expect(sim.counters.count(LIST)).toBe(2);
    expect(sim.counters.count()).toBe(5);
  });

  test('count per lead id, GET and PUT alike, unknown ids included', async () => {
    await request(sim, 'GET', `${LEADS}/${leadId}`);
    await request(sim, 'GET', `${LEADS}/${leadId}`);
    await request(sim, 'PUT', `${LEADS}/${leadId}`, { tags: ['x'] });
    await request(sim, 'GET', `${LEADS}/${otherLeadId}`);
    const missing = await request(sim, 'GET', `${LEADS}/clmissing`);
    expect(missing.status).toBe(404);
    expect(sim.counters.countForLead(leadId)).toBe(3);
    expect(sim.counters.countForLead(otherLeadId)).toBe(1);
    expect(sim.counters.countForLead('clmissing')).toBe(1);
    expect(sim.counters.countForLead('clnever')).toBe(0);
  });

  test('last request per route keeps its url, body and headers', async () => {
    await request(sim, 'POST', LEADS, { title: 'Primeiro' });
    await request(sim, 'POST', LEADS, { title: 'Último', tags: ['t'] });
    await request(sim, 'GET', `${LEADS}?search=abc&limit=5`);
    const post = sim.counters.last(CREATE)!;
    expect(post.body).toEqual({ title: 'Último', tags: ['t'] });
    expect(post.method).toBe('POST');
    expect(post.headers['x-company-token']).toBe(TESSELYS_DEMO_CREDENTIALS.companyToken);
    expect(post.headers.authorization).toBe(`Bearer ${TESSELYS_DEMO_CREDENTIALS.accessToken}`);
    expect(sim.counters.last()!.url).toBe(`${LEADS}?search=abc&limit=5`);
    expect(sim.counters.last()!.body).toBeUndefined();
    expect(sim.counters.history(CREATE).map((r) => r.body)).toEqual([{ title: 'Primeiro' }, { title: 'Último', tags: ['t'] }]);
  });

  test('faulted requests are counted too', async () => {
    sim.faults.failNext({ status: 503 });
    await request(sim, 'GET', `${LEADS}/${leadId}`);
    expect(sim.counters.count(GET_ONE)).toBe(1);
    expect(sim.counters.countForLead(leadId)).toBe(1);
  });

  test('reset clears counts, per-lead counts and history', async () => {
    await request(sim, 'GET', `${LEADS}/${leadId}`);
    sim.counters.reset();
    expect(sim.counters.count()).toBe(0);
    expect(sim.counters.countForLead(leadId)).toBe(0);
    expect(sim.counters.byRoute()).toEqual({});
    expect(sim.counters.last()).toBeUndefined();
  });
});

describe('/__control HTTP API', () => {
  test('is off by default: 404 and nothing armed', async () => {
    const counters = await control(sim, '/counters');
    expect(counters.status).toBe(404);
    const fail = await control(sim, '/fail', { status: 503 });
    expect(fail.status).toBe(404);
    expect(sim.faults.pending).toBe(0);
    expect((await request(sim, 'GET', LEADS)).status).toBe(200);
  });

  describe('when mounted', () => {
    let ctl: TesselysSimulator;

    beforeAll(async () => {
      ctl = await startTesselysSimulator({ leadCount: 3, control: true });
    });

    afterAll(async () => {
      await ctl.close();
    });

    beforeEach(() => {
      ctl.faults.reset();
      ctl.counters.reset();
    });

    test('fail: status, body, headers, route and count', async () => {
      const armed = await control(ctl, '/fail', {
        status: 429,
        body: { message: 'slow down' },
        headers: { 'Retry-After': '3' },
        route: LIST,
        count: 2,
      });
      expect(armed.status).toBe(204);
      expect((await request(ctl, 'GET', `${LEADS}/${ctl.leads()[0]!.id}`)).status).toBe(200);
      for (let i = 0; i < 2; i++) {
        const res = await request(ctl, 'GET', LEADS);
        expect(res.status).toBe(429);
        expect(res.headers.get('retry-after')).toBe('3');
        expect(await res.json()).toEqual({ message: 'slow down' });
      }
      expect((await request(ctl, 'GET', LEADS)).status).toBe(200);
    });

    test('fail without a valid status → 400, nothing armed', async () => {
      const res = await control(ctl, '/fail', { body: {} });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/status/);
      expect(ctl.faults.pending).toBe(0);
    });

    test('answer: a canned 200 body for one route, once; then the provider answers again', async () => {
      const [asked, other] = ctl.leads();
      expect((await control(ctl, '/answer', { route: GET_ONE, body: other })).status).toBe(204);
      const canned = await request(ctl, 'GET', `${LEADS}/${asked!.id}`);
      expect(canned.status).toBe(200);
      expect(await canned.json()).toEqual(other);
      expect(await (await request(ctl, 'GET', `${LEADS}/${asked!.id}`)).json()).toEqual(asked);
    });

    test('answer takes a status and a body far past the default 100 kB JSON limit', async () => {
      const huge = { title: 'x'.repeat(1_000_000) };
      expect((await control(ctl, '/answer', { route: LIST, status: 201, body: huge })).status).toBe(204);
      const res = await request(ctl, 'GET', LEADS);
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual(huge);
    });

    test('hang', async () => {
      expect((await control(ctl, '/hang', { route: LIST })).status).toBe(204);
      const abort = new AbortController();
      const hung = request(ctl, 'GET', LEADS, undefined, { signal: abort.signal });
      await until(() => ctl.counters.count(LIST) === 1);
      abort.abort();
      await expect(hung).rejects.toMatchObject({ name: 'AbortError' });
      expect(ctl.faults.pending).toBe(0);
    });

    test('malform, and an unknown kind is refused', async () => {
      expect((await control(ctl, '/malform', { kind: 'garbled' })).status).toBe(400);
      expect((await control(ctl, '/malform', { kind: 'empty-object' })).status).toBe(204);
      expect(await (await request(ctl, 'GET', LEADS)).json()).toEqual({});
      expect((await control(ctl, '/malform', { kind: 'wrong-content-type' })).status).toBe(204);
      expect((await request(ctl, 'GET', LEADS)).headers.get('content-type')).toMatch(/^text\/html/);
    });

    test('latency sets the knob; a negative value is refused', async () => {
      expect((await control(ctl, '/latency', { ms: 10 })).status).toBe(204);
      expect(ctl.faults.latency).toBe(10);
      expect((await request(ctl, 'GET', LEADS)).status).toBe(200);
      expect((await control(ctl, '/latency', { ms: -5 })).status).toBe(400);
      expect(ctl.faults.latency).toBe(10);
    });

    test('counters report totals, per route and the last request; control calls are not counted', async () => {
      await request(ctl, 'GET', LEADS);
      await request(ctl, 'POST', LEADS, { title: 'Via controle' });
      const res = await control(ctl, '/counters');
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        total: number;
        byRoute: Record<string, number>;
        last: { route: string; body: unknown; headers: Record<string, string> };
      };
      expect(body.total).toBe(2);
      expect(body.byRoute).toEqual({ [LIST]: 1, [CREATE]: 1 });
      expect(body.last).toMatchObject({ route: CREATE, body: { title: 'Via controle' } });
      // The credentials the gateway sent are shown by name only.
      expect(body.last.headers.authorization).toBe('[redacted]');
      expect(body.last.headers['x-company-token']).toBe('[redacted]');
      expect(JSON.stringify(body)).not.toContain(ctl.credentials.accessToken);
    });

    test('reset clears faults, latency and counters', async () => {
      await request(ctl, 'GET', LEADS);
      await control(ctl, '/fail', { status: 503 });
      await control(ctl, '/latency', { ms: 5 });
      expect((await control(ctl, '/reset', {})).status).toBe(204);
      expect(ctl.faults.pending).toBe(0);
      expect(ctl.faults.latency).toBe(0);
      expect(await (await control(ctl, '/counters')).json()).toEqual({ total: 0, byRoute: {}, last: null });
      expect((await request(ctl, 'GET', LEADS)).status).toBe(200);
    });

    test('a control call with malformed JSON → 400 JSON', async () => {
      const res = await fetch(`${ctl.url}/__control/fail`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"status": ',
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(ctl.faults.pending).toBe(0);
    });
  });
});
