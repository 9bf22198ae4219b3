/**
 * Bench scenario (w), issue #18: idle change-feed subscribers on one gateway process. Opens
 * `count` graphql-ws clients (this runner's process), each subscribed to `leadEvents`, on a
 * gateway of its own, and reports:
 * - the gateway's RSS before and after they subscribed: the memory cost per subscriber;
 * - fan-out: from sending a createLead to its CREATED event reaching the last of them (and the
 *   median one), over several rounds, side by side with the same measured with one subscriber.
 * The receiving clients share this runner's single thread, so fan-out includes their parsing:
 * read it as an upper bound of the gateway's own.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface SubscriberScenarioDeps {
  /** A production gateway on `port` with `env` on top of the bench's own. */
  startGateway(port: number, env: Record<string, string>): ChildProcess;
  freePort(): Promise<number>;
  waitFor(url: string): Promise<void>;
  apiKey: string;
  count: number;
  rounds: number;
}

export interface FanOut {
  subscribers: number;
  /** Per round: ms from sending the mutation to the last delivery, and to the median one. */
  lastMs: number[];
  medianMs: number[];
  mutationMs: number[];
}

export interface SubscriberResult {
  subscribers: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssPerSubscriberKb: number;
  one: FanOut;
  many: FanOut;
  /** many.lastMs median over one.lastMs median. */
  fanOutRatio: number;
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function openSubscriptions(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^leadgraph_subscriptions_open (\d+)/m.exec(text)?.[1] ?? 0);
}

async function untilOpen(base: string, count: number): Promise<void> {
  while ((await openSubscriptions(base)) !== count) await new Promise((resolve) => setTimeout(resolve, 50));
}

export async function subscriberScenario(deps: SubscriberScenarioDeps): Promise<SubscriberResult> {
  const port = await deps.freePort();
  const base = `http://127.0.0.1:${port}`;
  const gateway = deps.startGateway(port, { MAX_CONNECTIONS: String(deps.count * 2 + 100), LEAD_POLL_INTERVAL_MS: '3600000' });
  const clients: Client[] = [];
  const waiting = new Map<string, { started: number; times: number[]; expected: number; done: () => void }>();
  const onEvent = (title: string | null | undefined) => {
    const round = title ? waiting.get(title) : undefined;
    if (!round) return;
    round.times.push(performance.now() - round.started);
    if (round.times.length === round.expected) round.done();
  };
  const subscribe = () => {
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${deps.apiKey}` },
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    client.subscribe<{ leadEvents: { lead: { title: string | null } | null } }>(
      { query: 'subscription { leadEvents { type at lead { id title status createdAt } } }' },
      { next: (result) => onEvent(result.data?.leadEvents.lead?.title), error: () => undefined, complete: () => undefined },
    );
  };
  const fanOut = async (subscribers: number): Promise<FanOut> => {
    const result: FanOut = { subscribers, lastMs: [], medianMs: [], mutationMs: [] };
    for (let round = 0; round < deps.rounds; round++) {
      // Keyed by a title made for the round: the event may arrive before the mutation's answer.
      const title = `fan-out ${subscribers} ${round} ${Math.random()}`;
      const times: number[] = [];
      let done: () => void = () => undefined;
      const delivered = new Promise<void>((resolve) => (done = resolve));
      const started = performance.now();
      waiting.set(title, { started, times, expected: subscribers, done });
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${deps.apiKey}` },
        body: JSON.stringify({
          query: 'mutation ($title: String!) { createLead(input: { provider: TESSELYS, title: $title }) { lead { id } } }',
          variables: { title },
        }),
      });
      const mutationMs = performance.now() - started;
      await delivered;
      waiting.delete(title);
      result.lastMs.push(Math.max(...times));
      result.medianMs.push(median(times));
      result.mutationMs.push(mutationMs);
    }
    return result;
  };
  try {
    await deps.waitFor(`${base}/healthz`);
    subscribe();
    await untilOpen(base, 1);
    // Warm: the first rounds compile and load what every later one reuses.
    await fanOut(1);
    const one = await fanOut(1);
    const rssBeforeMb = rssMb(gateway.pid!);
    for (let opened = 1; opened < deps.count; opened += 100) {
      for (let i = opened; i < Math.min(deps.count, opened + 100); i++) subscribe();
      await untilOpen(base, Math.min(deps.count, opened + 100));
    }
    const rssAfterMb = rssMb(gateway.pid!);
    const many = await fanOut(deps.count);
    return {
      subscribers: deps.count,
      rssBeforeMb,
      rssAfterMb,
      rssPerSubscriberKb: ((rssAfterMb - rssBeforeMb) * 1024) / (deps.count - 1),
      one,
      many,
      fanOutRatio: median(many.lastMs) / Math.max(0.001, median(one.lastMs)),
    };
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    const exited = new Promise((resolve) => (gateway.exitCode !== null ? resolve(null) : gateway.once('exit', resolve)));
    gateway.kill('SIGTERM');
    await exited;
  }
}
