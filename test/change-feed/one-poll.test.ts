/**
 * One poll per tenant × provider however many subscribers or replicas (DESIGN.md Part 2, "Change
 * feed"), counted on the Tesselys simulator. The poll interval is an hour, so the only poll is the
 * one a tenant's first subscriber starts; a second subscriber, or a second replica's subscriber,
 * must not start another. The replicas are two gateway processes sharing one PostgreSQL and one
 * Redis: the lease in the store picks the poller, and an event on one replica reaches the other's
 * subscriber. When the polling replica's subscribers leave, it frees the lease and a replica that
 * still has subscribers polls instead. A Redis that cannot be reached leaves local delivery working
 * and is logged as an error.
 */
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { compileGateway, startGatewayProcess, type CompiledGateway, type GatewayProcess } from '../ops/gateway-process';
import { createTestDatabase, TEST_DATA_KEY } from '../support/test-database';
import { startGateway, type RunningGateway } from '../../src/server/gateway';
import { captureLogs } from '../support/log-capture';
import { testStoreEnv } from '../support/test-database';
import { REDIS_TEST_URL, testRedisPrefix } from '../support/test-redis';
import { startTestStack, type TestStack } from '../support/test-stack';
import { subscribeFeed, untilOpenSubscriptions, type FeedSubscriber } from './feed-client';
import { tesselysEnv } from '../support/simulator-env';
import { eventually } from '../support/eventually';

const LIST = 'GET /external/v1/leads';

/** The change feed's polls among a simulator's list calls (a readiness probe lists one lead; a poll, the 100 newest). */
function polls(sim: TesselysSimulator): number {
  return sim.counters.history(LIST).filter((request) => request.url.includes('limit=100&orderBy=createdAt&order=DESC')).length;
}
const CREATE = `mutation Create($title: String!) { createLead(input: { provider: TESSELYS, title: $title }) { lead { id } } }`;
const HOUR = String(60 * 60 * 1000);

async function createLead(baseUrl: string, title: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: CREATE, variables: { title } }),
  });
  const body = (await response.json()) as { data?: { createLead: { lead: { id: string } } }; errors?: unknown };
  if (!body.data) throw new Error(`createLead failed: ${JSON.stringify(body.errors)}`);
  return body.data.createLead.lead.id;
}

describe('one gateway', () => {
  let stack: TestStack;
  const feeds: FeedSubscriber[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ omit: ['keyspot'], env: { LEAD_POLL_INTERVAL_MS: HOUR } });
  });
  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.dispose()));
    await stack.close();
  });

  test('two subscribers of one tenant cause one poll', async () => {
    stack.resetCounters();
    feeds.push(subscribeFeed(stack.gateway.url, undefined));
    await untilOpenSubscriptions(stack.gateway.url, 1);
    await eventually('the first subscriber’s poll', () => polls(stack.tesselys) >= 1);
    feeds.push(subscribeFeed(stack.gateway.url, undefined));
    await untilOpenSubscriptions(stack.gateway.url, 2);
    // Both are registered: both receive the next event.
    const id = await createLead(stack.gateway.url, 'One poll: two subscribers');
    await Promise.all(feeds.map((feed) => feed.next((event) => event.lead?.id === id)));
    expect(polls(stack.tesselys)).toBe(1);
  });
});

describe('Redis unreachable', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ omit: ['keyspot'], env: { LEAD_POLL_INTERVAL_MS: HOUR, REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => stack.close());

  test('the gateway serves, its own subscribers still receive events, and the outage is logged as an error', async () => {
    const feed = subscribeFeed(stack.gateway.url, undefined);
    try {
      await untilOpenSubscriptions(stack.gateway.url, 1);
      const id = await createLead(stack.gateway.url, 'Redis down: still delivered here');
      expect(await feed.next((event) => event.lead?.id === id)).toMatchObject({ type: 'CREATED' });
      // Once for the outage, however many events and reconnection attempts it spans.
      expect(
        stack.logs.records().filter((record) => record.level === 50 && String(record.msg).startsWith('REDIS UNREACHABLE')),
      ).toHaveLength(1);
    } finally {
      await feed.dispose();
    }
  });
});

describe('two replicas on one PostgreSQL and one Redis', () => {
  let build: CompiledGateway;
  let tesselys: TesselysSimulator;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let redis: Awaited<ReturnType<typeof testRedisPrefix>>;
  const replicas: GatewayProcess[] = [];
  const feeds: FeedSubscriber[] = [];

  beforeAll(async () => {
    build = compileGateway();
    tesselys = await startTesselysSimulator({ leadCount: 5 });
    database = await createTestDatabase();
    // Its own channels: other test runs may share this Redis.
    redis = await testRedisPrefix();
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      LEADGRAPH_DATA_KEY: TEST_DATA_KEY,
      REDIS_URL: REDIS_TEST_URL,
      REDIS_KEY_PREFIX: redis.prefix,
      LEAD_POLL_INTERVAL_MS: HOUR,
      ...tesselysEnv(tesselys),
    };
    // One after the other: the first applies the migrations.
    for (let i = 0; i < 2; i++) {
      const replica = startGatewayProcess(build.main, env);
      replicas.push(replica);
      await replica.listening();
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.dispose()));
    await Promise.all(replicas.map((replica) => replica.stop()));
    await tesselys?.close();
    await database?.drop();
    await redis?.clean();
    build?.remove();
  });

  test('subscribers on both replicas cause one poll, and an event on one replica reaches the other’s subscriber', async () => {
    const [first, second] = await Promise.all(replicas.map((replica) => replica.listening()));
    feeds.push(subscribeFeed(first!, undefined));
    await untilOpenSubscriptions(first!, 1);
    await eventually('the first subscriber’s poll', () => polls(tesselys) >= 1);
    feeds.push(subscribeFeed(second!, undefined));
    await untilOpenSubscriptions(second!, 1);

    const id = await createLead(first!, 'Two replicas: one poll');
    await Promise.all(feeds.map((feed) => feed.next((event) => event.lead?.id === id)));
    expect(polls(tesselys)).toBe(1);
  });

  test('shutdown closes open subscriptions with 1001 before the process exits', async () => {
    const [, second] = await Promise.all(replicas.map((replica) => replica.listening()));
    const feed = feeds.at(-1)!;
    expect(second).toBeDefined();
    const [code, exit] = await Promise.all([feed.closed, replicas[1]!.stop()]);
    expect({ code, exit }).toEqual({ code: 1001, exit: 0 });
  });
});

describe('the poll passes to a replica that still has subscribers', () => {
  let tesselys: TesselysSimulator;
  let store: Awaited<ReturnType<typeof testStoreEnv>>;
  let redis: Awaited<ReturnType<typeof testRedisPrefix>>;
  const gateways: RunningGateway[] = [];
  const feeds: FeedSubscriber[] = [];

  beforeAll(async () => {
    tesselys = await startTesselysSimulator({ leadCount: 5 });
    store = await testStoreEnv('postgres');
    redis = await testRedisPrefix();
    const env = {
      NODE_ENV: 'test',
      ...store.env,
      REDIS_URL: REDIS_TEST_URL,
      REDIS_KEY_PREFIX: redis.prefix,
      // Leases last three intervals: wide enough that a busy machine never lets one lapse mid-test.
      LEAD_POLL_INTERVAL_MS: '250',
      ...tesselysEnv(tesselys),
    };
    for (let i = 0; i < 2; i++) gateways.push(await startGateway({ env: env as NodeJS.ProcessEnv, port: 0, logger: captureLogs().logger }));
  });

  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.dispose()));
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await tesselys?.close();
    await store?.remove();
    await redis?.clean();
  });

  async function addOnTesselys(title: string): Promise<string> {
    const response = await fetch(`${tesselys.url}/external/v1/leads`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tesselys.credentials.accessToken}`,
        'x-company-token': tesselys.credentials.companyToken,
      },
      body: JSON.stringify({ title }),
    });
    return `tesselys:${((await response.json()) as { id: string }).id}`;
  }

  test('a lead added on Tesselys reaches both replicas from one poller; when its subscribers leave, the other polls', async () => {
    const [a, b] = gateways as [RunningGateway, RunningGateway];
    const onA = subscribeFeed(a.url, undefined);
    feeds.push(onA);
    await untilOpenSubscriptions(a.url, 1);
    await eventually('the first subscriber’s poll', () => polls(tesselys) >= 1);
    const onB = subscribeFeed(b.url, undefined);
    feeds.push(onB);
    await untilOpenSubscriptions(b.url, 1);
    const holder = (await a.store.pollLeases.holder('default', 'TESSELYS'))?.holder;

    const first = await addOnTesselys('Handover: seen by the first poller');
    await Promise.all([onA, onB].map((feed) => feed.next((event) => event.lead?.id === first)));

    await onA.dispose();
    await untilOpenSubscriptions(a.url, 0);
    // The other replica takes the lease at its next interval and takes its baseline first.
    await eventually('the other replica to take the lease', async () => {
      const taken = (await b.store.pollLeases.holder('default', 'TESSELYS'))?.holder;
      return taken !== undefined && taken !== holder;
    });
    const before = polls(tesselys);
    await eventually('a poll by the new lease holder', () => polls(tesselys) > before);
    const second = await addOnTesselys('Handover: seen by the second poller');
    expect(await onB.next((event) => event.lead?.id === second)).toMatchObject({ type: 'CREATED' });
  });
});
