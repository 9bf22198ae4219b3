/**
 * The change feed's settings, from the environment (DESIGN.md Part 2, "Change feed"): how often a
 * listing provider is polled and how much of its listing a poll scans, and the bounds on
 * subscription sockets. A bad value is a problem line that stops start-up, naming the variable and
 * never quoting it. The Redis that fans events out to every replica is the gateway's one connection
 * (REDIS_URL and REDIS_KEY_PREFIX, src/redis/redis-settings.ts).
 */
import { wholeNumberReader } from '../config/whole-number-variable';

export interface ChangeFeedSettings {
  /** LEAD_POLL_INTERVAL_MS: between two polls of one tenant × provider. */
  pollIntervalMs: number;
  /**
   * LEAD_POLL_MAX_LEADS: how many of the newest leads (by createdAt) one poll reads. Tesselys sorts
   * only by createdAt and title, so a change to a lead older than these is not seen by polling.
   */
  pollMaxLeads: number;
  /** SUBSCRIPTION_MAX_SOCKETS: open subscription sockets on this process; beyond, an upgrade is refused. */
  maxSockets: number;
  /** SUBSCRIPTION_MAX_SOCKETS_PER_KEY: open sockets of one API key on this process. */
  maxSocketsPerKey: number;
  /** SUBSCRIPTION_MAX_PER_SOCKET: subscriptions running at once on one socket. */
  maxSubscriptionsPerSocket: number;
  /** SUBSCRIPTION_MAX_QUEUED_EVENTS: events waiting to be sent to one subscription; beyond, the socket is dropped. */
  maxQueuedEvents: number;
  /** SUBSCRIPTION_MAX_BUFFERED_BYTES: bytes waiting in one socket's send buffer; beyond, the socket is dropped. */
  maxBufferedBytes: number;
  /** How often open sockets' keys are identified again (a revoked key's sockets close within this plus the key cache). */
  keyCheckMs: number;
}

export const DEFAULT_CHANGE_FEED_SETTINGS: ChangeFeedSettings = {
  pollIntervalMs: 15_000,
  pollMaxLeads: 100,
  maxSockets: 10_000,
  maxSocketsPerKey: 1_000,
  maxSubscriptionsPerSocket: 20,
  maxQueuedEvents: 500,
  maxBufferedBytes: 1024 * 1024,
  keyCheckMs: 2_500,
};

export function readChangeFeedSettings(env: NodeJS.ProcessEnv): { settings: ChangeFeedSettings; problems: string[] } {
  const problems: string[] = [];
  const read = wholeNumberReader(env, problems);
  const d = DEFAULT_CHANGE_FEED_SETTINGS;
  const settings: ChangeFeedSettings = {
    pollIntervalMs: read('LEAD_POLL_INTERVAL_MS', d.pollIntervalMs, 10, 24 * 60 * 60 * 1000, 'milliseconds'),
    pollMaxLeads: read('LEAD_POLL_MAX_LEADS', d.pollMaxLeads, 1, 1_000, 'leads'),
    maxSockets: read('SUBSCRIPTION_MAX_SOCKETS', d.maxSockets, 1, 1_000_000, 'sockets'),
    maxSocketsPerKey: read('SUBSCRIPTION_MAX_SOCKETS_PER_KEY', d.maxSocketsPerKey, 1, 1_000_000, 'sockets'),
    maxSubscriptionsPerSocket: read('SUBSCRIPTION_MAX_PER_SOCKET', d.maxSubscriptionsPerSocket, 1, 1_000, 'subscriptions'),
    maxQueuedEvents: read('SUBSCRIPTION_MAX_QUEUED_EVENTS', d.maxQueuedEvents, 1, 100_000, 'events'),
    maxBufferedBytes: read('SUBSCRIPTION_MAX_BUFFERED_BYTES', d.maxBufferedBytes, 1_024, 1024 * 1024 * 1024, 'bytes'),
    keyCheckMs: read('SUBSCRIPTION_KEY_CHECK_MS', d.keyCheckMs, 10, 5_000, 'milliseconds'),
  };
  return { settings, problems };
}
