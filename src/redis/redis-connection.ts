/**
 * The one Redis connection of a gateway process (REDIS_URL): a command client for shared rate
 * limits and publishing, and a subscriber client (Redis needs one of its own) opened on first use
 * and shared by every listener (announcements, the change feed): listen() routes each message to
 * the handlers of its channel only, so listeners never see, or take, each other's messages.
 *
 * Contracts:
 * - Never blocks or fails start-up or a request: a command while Redis is away fails at once
 *   (no offline queue, a short command timeout), and the caller falls back (rate-limiter.ts).
 * - Reconnects forever with a bounded backoff (doubling from 100 ms, at most `maxReconnectDelayMs`).
 * - Health is `up` once the command client is ready, `down` from its first failure; each
 *   transition is logged once (warn when down, info when back) and told to `onHealth` listeners.
 * - Logs name where Redis is (host:port/db), never the URL: it may hold a password.
 * - close() quits both clients; after it, nothing reconnects.
 */
import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from '../logging/logger';
import type { RedisSettings } from './redis-settings';

export type RedisHealth = 'up' | 'down';

export interface RedisConnectionOptions {
  /** The longest wait between two reconnection attempts (ms). */
  maxReconnectDelayMs?: number;
  /** How long one command may take before it counts as failed (ms). */
  commandTimeoutMs?: number;
}

const DEFAULT_MAX_RECONNECT_DELAY_MS = 2_000;
const DEFAULT_COMMAND_TIMEOUT_MS = 500;

export class RedisConnection {
  /** For commands (rate limits, PUBLISH). */
  readonly client: Redis;
  private subscriberClient: Redis | undefined;
  /** The handlers of each subscribed channel (a key()'d name). */
  private readonly channels = new Map<string, Set<(message: string) => void>>();
  /** Undefined until the first connection attempt ends, so that one is logged either way. */
  private state: RedisHealth | undefined;
  /** The code of the failure that made it `down` (e.g. ECONNREFUSED), for /readyz. */
  private failure: string | undefined = 'CONNECTING';
  private readonly listeners = new Set<(health: RedisHealth) => void>();
  private closed = false;

  constructor(
    readonly settings: RedisSettings,
    private readonly logger: Logger,
    private readonly options: RedisConnectionOptions = {},
  ) {
    this.client = openClient(settings.url, {
      ...this.baseOptions(),
      // A command while disconnected fails at once instead of waiting for a reconnection.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    });
    this.client.on('ready', () => this.transition('up', undefined));
    this.client.on('error', (error: NodeJS.ErrnoException) => this.transition('down', error.code ?? error.name));
    this.client.on('close', () => this.transition('down', this.failure ?? 'CONNECTION_CLOSED'));
  }

  get health(): RedisHealth {
    return this.state ?? 'down';
  }

  /** Why it is down (an error code), or undefined when up. */
  get failureCode(): string | undefined {
    return this.state === 'up' ? undefined : this.failure;
  }

  /** Resolves true once connected, or false after `timeoutMs` (a short-lived process before its one command). */
  async whenUp(timeoutMs: number): Promise<boolean> {
    if (this.state === 'up') return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        stop();
        resolve(false);
      }, timeoutMs);
      const stop = this.onHealth((health) => {
        if (health !== 'up') return;
        clearTimeout(timer);
        stop();
        resolve(true);
      });
    });
  }

  /** Calls `listener` on every transition (not with the current state). Returns how to stop. */
  onHealth(listener: (health: RedisHealth) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `handler` with every message published on `channel` (a key()'d name) from now on.
   * `subscribed` settles once Redis confirmed the SUBSCRIBE: during an outage, once it is back
   * (the subscriber resubscribes by itself after every reconnection). stop() removes the handler,
   * and unsubscribes the channel when it was the last one.
   */
  listen(channel: string, handler: (message: string) => void): { subscribed: Promise<void>; stop(): void } {
    const subscriber = this.subscriber();
    let handlers = this.channels.get(channel);
    if (!handlers) this.channels.set(channel, (handlers = new Set()));
    const own = handlers;
    own.add(handler);
    return {
      subscribed: subscriber.subscribe(channel).then(() => undefined),
      stop: () => {
        if (!own.delete(handler) || own.size > 0 || this.channels.get(channel) !== own) return;
        this.channels.delete(channel);
        if (!this.closed) subscriber.unsubscribe(channel).catch(() => undefined);
      },
    };
  }

  /** The client for SUBSCRIBE, opened on first use, with one message listener routing by channel. */
  private subscriber(): Redis {
    if (this.closed) throw new Error('the Redis connection is closed');
    if (!this.subscriberClient) {
      // Queued while disconnected: a subscription made during an outage starts once Redis is back.
      this.subscriberClient = openClient(this.settings.url, {
        ...this.baseOptions(),
        enableOfflineQueue: true,
        maxRetriesPerRequest: null,
      });
      // Its failures are the command client's too (same server): counted there, not logged twice.
      this.subscriberClient.on('error', () => undefined);
      this.subscriberClient.on('message', (channel: string, message: string) => this.deliver(channel, message));
    }
    return this.subscriberClient;
  }

  private deliver(channel: string, message: string): void {
    for (const handler of [...(this.channels.get(channel) ?? [])]) {
      try {
        handler(message);
      } catch (error) {
        // Thrown inside ioredis's reply parser it would break the connection: one handler's fault stays its own.
        this.logger.error({ err: error }, 'redis message handler failed');
      }
    }
  }

  /** `key` under this deployment's prefix. */
  key(name: string): string {
    return `${this.settings.keyPrefix}${name}`;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.channels.clear();
    await Promise.all([this.client, this.subscriberClient].map((client) => client && quit(client)));
  }

  private baseOptions(): RedisOptions {
    const maxDelay = this.options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
    return {
      connectTimeout: 2_000,
      retryStrategy: (times: number) => (this.closed ? null : Math.min(100 * 2 ** Math.min(times - 1, 10), maxDelay)),
      // Connection names show in CLIENT LIST: who is connected, without any secret.
      connectionName: 'leadgraph',
      lazyConnect: false,
    };
  }

  private transition(next: RedisHealth, failure: string | undefined): void {
    if (next === 'down' && failure) this.failure = failure;
    if (this.closed || next === this.state) return;
    this.state = next;
    if (next === 'up') {
      this.failure = undefined;
      this.logger.info({ redis: this.settings.location }, 'redis connected');
    } else {
      this.logger.warn({ redis: this.settings.location, code: this.failure }, 'redis unreachable: reconnecting');
    }
    for (const listener of [...this.listeners]) listener(next);
  }
}

/** A new ioredis client: ioredis is loaded only when REDIS_URL makes a connection, never by a gateway without Redis. */
function openClient(url: string, options: RedisOptions): Redis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ioredis = require('ioredis') as { Redis: typeof Redis };
  return new ioredis.Redis(url, options);
}

/** QUIT, or a hard disconnect when Redis is not there to answer it. */
async function quit(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}
