/**
 * A change-feed subscriber as a front-end runs one: graphql-ws's createClient over `ws`, the key in
 * connection_init's payload, the typed LeadEvents operation of operations/. Events are collected in order; tests wait for the one they expect
 * (never for time to pass), or for the socket's close code.
 */
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { LeadEventsDocument, type LeadEventsSubscription } from '../../operations/__generated__/graphql';
import { eventually } from '../support/eventually';

/** The front-end's own subscription (operations/lead-events.graphql), as its generated document. */
export const LEAD_EVENTS = print(LeadEventsDocument);

export type FeedEventMessage = LeadEventsSubscription['leadEvents'];

export interface FeedSubscriber {
  events: FeedEventMessage[];
  errors: unknown[];
  /** Resolves with the first event (already received or to come) that matches. */
  next(match: (event: FeedEventMessage) => boolean): Promise<FeedEventMessage>;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  dispose(): Promise<void>;
}

export function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

export function subscribeFeed(
  baseUrl: string,
  authorization: string | undefined,
  options: { query?: string; variables?: Record<string, unknown> } = {},
): FeedSubscriber {
  const events: FeedEventMessage[] = [];
  const errors: unknown[] = [];
  const waiters: Array<{ match: (event: FeedEventMessage) => boolean; resolve: (event: FeedEventMessage) => void }> = [];
  let closedWith: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (closedWith = resolve));
  const client: Client = createClient({
    url: wsUrl(baseUrl),
    webSocketImpl: WebSocket,
    connectionParams: authorization === undefined ? {} : { authorization },
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => closedWith((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
  client.subscribe<LeadEventsSubscription>(
    { query: options.query ?? LEAD_EVENTS, variables: options.variables ?? {} },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        const event = result.data?.leadEvents;
        if (!event) return;
        events.push(event);
        for (const waiter of [...waiters])
          if (waiter.match(event)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(event);
          }
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    next(match) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    closed,
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** The value of a metric without labels on the gateway's /metrics (0 when absent). */
export async function metricValue(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

/** Waits until the gateway reports `count` open subscriptions (the subscribe messages were processed). */
export async function untilOpenSubscriptions(baseUrl: string, count: number): Promise<void> {
  await eventually(
    `${count} open subscriptions on /metrics`,
    async () => (await metricValue(baseUrl, 'leadgraph_subscriptions_open')) === count,
  );
}
