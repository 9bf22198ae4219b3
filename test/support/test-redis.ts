/**
 * The machine's Redis (127.0.0.1:6379; REDIS_TEST_URL overrides) for tests: each test run gets a
 * key prefix of its own (so parallel runs never meet) and removes its keys after. Redis missing is
 * a failure with a clear message, never a skip.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_TEST_URL = process.env.REDIS_TEST_URL?.trim() || 'redis://127.0.0.1:6379';

/** A fresh prefix (`leadgraph-test:<random>:`) and how to delete every key under it. */
export async function testRedisPrefix(): Promise<{ prefix: string; clean(): Promise<void> }> {
  const prefix = `leadgraph-test:${randomBytes(6).toString('hex')}:`;
  const client = await connectOrFail();
  await client.quit();
  return {
    prefix,
    async clean() {
      const admin = await connectOrFail();
      try {
        let cursor = '0';
        do {
          const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          cursor = next;
          if (keys.length > 0) await admin.del(...keys);
        } while (cursor !== '0');
      } finally {
        await admin.quit();
      }
    },
  };
}

/** Every key under `prefix` (to check what the gateway keeps in Redis). */
export async function keysUnder(prefix: string): Promise<string[]> {
  const admin = await connectOrFail();
  try {
    return await admin.keys(`${prefix}*`);
  } finally {
    await admin.quit();
  }
}

async function connectOrFail(): Promise<Redis> {
  const client = new Redis(REDIS_TEST_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.disconnect();
    throw new Error(
      `These tests need a real Redis at ${new URL(REDIS_TEST_URL).host} and could not reach it (${(error as Error).message}). ` +
        'Start it (e.g. redis-server --daemonize yes) or point REDIS_TEST_URL at one. These tests are never skipped.',
    );
  }
}
