/**
 * Rate limits shared through Redis (REDIS_URL), over real HTTP, with two gateways on one real Redis
 * behind a TCP proxy the test can cut: one count per caller for both; Redis away → both keep
 * serving, each counting its own, loudly (a warning, /readyz's detail, leadgraph_redis_up 0); Redis
 * back → one count again.
 */
import { readRedisSettings, redisSecretsInEnv } from '../../src/redis/redis-settings';
import { eventually } from '../support/eventually';
import { TcpProxy } from '../support/tcp-proxy';
import { REDIS_TEST_URL, testRedisPrefix } from '../support/test-redis';
import { startTestStack, type TestStack } from '../support/test-stack';
import { API_KEYS, bearer, CRM_KEY, Recorder, REPORTING_KEY } from './security-harness';

const PROVIDERS = '{ providers { provider } }';

let redis: Awaited<ReturnType<typeof testRedisPrefix>>;
let proxy: TcpProxy;
let first: TestStack;
let second: TestStack;
const http = new Recorder();

beforeAll(async () => {
  redis = await testRedisPrefix();
  proxy = await TcpProxy.start({ host: new URL(REDIS_TEST_URL).hostname, port: Number(new URL(REDIS_TEST_URL).port || 6379) });
  // 4 requests per caller per minute, in all.
  const env = {
    API_KEYS,
    RATE_LIMIT_BURST: '4',
    RATE_LIMIT_PER_MINUTE: '4',
    REDIS_URL: proxy.rewrite(REDIS_TEST_URL),
    REDIS_KEY_PREFIX: redis.prefix,
  };
  [first, second] = await Promise.all([startTestStack({ env }), startTestStack({ env })]);
  await eventually('both gateways connected to Redis', () => [first, second].every((stack) => logged(stack, 'redis connected')));
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
  await proxy?.stop();
  await redis?.clean();
});

function logged(stack: TestStack, msg: string): boolean {
  return stack.logs.records().some((record) => record.msg === msg);
}

async function statuses(key: string | undefined, count: number): Promise<number[]> {
  const answers: number[] = [];
  for (let i = 0; i < count; i++) {
    const stack = i % 2 === 0 ? first : second;
    answers.push((await http.gql(stack, PROVIDERS, undefined, key ? bearer(key) : {})).status);
  }
  return answers;
}

async function metrics(stack: TestStack): Promise<string> {
  return (await fetch(`${stack.gateway.url}/metrics`)).text();
}

async function readyz(stack: TestStack): Promise<{ status: number; body: any }> {
  const response = await fetch(`${stack.gateway.url}/readyz`);
  return { status: response.status, body: await response.json() };
}

test('one count per caller across both gateways: 4 of 8 alternating requests succeed', async () => {
  expect(await statuses(CRM_KEY, 8)).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
  expect((await readyz(first)).body.redis).toEqual({ status: 'up', detail: 'rate limits shared by all replicas' });
});

test('Redis away: both keep serving, each counting its own, loudly; Redis back: one count again', async () => {
  await proxy.stop();
  await eventually('the fall-back warning', () =>
    [first, second].every((stack) =>
      logged(stack, 'rate limits fall back to each process until Redis answers (each replica allows the full limit)'),
    ),
  );
  const down = await readyz(first);
  expect(down.status).toBe(200);
  expect(down.body.redis).toEqual({ status: 'down', detail: 'rate limits per process until Redis answers' });
  expect(await metrics(first)).toMatch(/^leadgraph_redis_up 0$/m);
  // Each gateway allows the caller its own 4.
  expect(await statuses(REPORTING_KEY, 10)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);

  await proxy.resume();
  await eventually('shared again', () => [first, second].every((stack) => logged(stack, 'rate limits shared by all replicas (Redis)')));
  await eventually('/readyz says Redis is up', async () => (await readyz(second)).body.redis.status === 'up');
  expect(await metrics(second)).toMatch(/^leadgraph_redis_up 1$/m);
  // Keyless callers are counted by address, once more in Redis for both: 4 refusals as unauthenticated, then limited.
  expect(await statuses(undefined, 6)).toEqual([401, 401, 401, 401, 429, 429]);
});

test('REDIS_URL: its password is a secret, logs name only host:port/db; a bad value is named, never echoed', () => {
  const env = { REDIS_URL: 'redis://:s3cret-redis-pass@cache.internal:6380/2' };
  expect(readRedisSettings(env).settings).toMatchObject({ location: 'cache.internal:6380/2', keyPrefix: 'leadgraph:' });
  expect(redisSecretsInEnv(env)).toEqual([env.REDIS_URL, 's3cret-redis-pass']);
  const bad = readRedisSettings({ REDIS_URL: 'http://user:s3cret@x', REDIS_KEY_PREFIX: 'a b' });
  expect(bad.problems).toEqual([
    'REDIS_KEY_PREFIX must be 1 to 64 of A-Z, a-z, 0-9 and : _ . -',
    'REDIS_URL must be a redis:// or rediss:// URL with a host (leave it unset to run without Redis)',
  ]);
});
