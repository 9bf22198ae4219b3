/**
 * The change feed end to end (DESIGN.md Part 2, "Change feed"), as a front-end subscribes: the
 * graphql-ws client over a real WebSocket to a real gateway, in front of the provider simulators.
 * Mutations arrive at once, a lead added and changed on Tesselys directly arrives by polling, one event per
 * change, a submission's life ends DELIVERED, tenants never see each other's events, refusals
 * close with 4401/4403, a revoked key's socket closes, a consumer that stops reading is dropped.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';
import { metricValue, subscribeFeed, untilOpenSubscriptions, wsUrl, type FeedSubscriber } from './feed-client';
import { eventually } from '../support/eventually';

const READER = 'feed-reader-key-0123456789';
const WRITER = 'feed-writer-key-0123456789';
const WRITE_ONLY = 'feed-write-only-key-0123456789';
const ADMIN = 'feed-admin-key-0123456789';
const API_KEYS = JSON.stringify([
  { name: 'reader', key: READER, scopes: ['leads:read'] },
  { name: 'writer', key: WRITER, scopes: ['leads:read', 'leads:write'] },
  { name: 'write-only', key: WRITE_ONLY, scopes: ['leads:write'] },
  { name: 'admin', key: ADMIN, scopes: ['tenants:admin'] },
]);

const CREATE = `mutation Create($input: CreateLeadInput!) { createLead(input: $input) { lead { id title } } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateLeadInput!) { updateLead(id: $id, input: $input) { lead { id status } } }`;
const SUBMIT = `mutation Submit($input: CreateLeadInput!) { submitLead(input: $input) { submission { id status } } }`;

let stack: TestStack;
let acme: { id: string; secret: string };
const open: FeedSubscriber[] = [];

const bearer = (key: string) => `Bearer ${key}`;

async function gql(key: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await stack.gql(query, variables, { authorization: bearer(key) });
  expect(response.errors).toBeUndefined();
  return response;
}

async function createTesselysLead(key: string, title: string): Promise<string> {
  const response = await gql(key, CREATE, { input: { provider: 'TESSELYS', title } });
  return response.data!.createLead.lead.id as string;
}

/** A subscriber whose subscription the gateway has registered (counted in /metrics). */
async function subscriber(authorization: string, variables?: Record<string, unknown>): Promise<FeedSubscriber> {
  const before = await metricValue(stack.gateway.url, 'leadgraph_subscriptions_open');
  const feed = subscribeFeed(stack.gateway.url, authorization, { ...(variables ? { variables } : {}) });
  open.push(feed);
  await untilOpenSubscriptions(stack.gateway.url, before + 1);
  return feed;
}

beforeAll(async () => {
  stack = await startTestStack({
    env: {
      API_KEYS,
      LEAD_POLL_INTERVAL_MS: '50',
      SUBSCRIPTION_KEY_CHECK_MS: '20',
      SUBMISSION_POLL_MS: '20',
      SUBSCRIPTION_MAX_SOCKETS_PER_KEY: '3',
      SUBSCRIPTION_MAX_PER_SOCKET: '2',
    },
  });
  await gql(ADMIN, `mutation { createTenant(slug: "acme", name: "Acme") { slug } }`);
  await gql(
    ADMIN,
    `mutation Set($input: ProviderCredentialsInput!) { setProviderCredentials(tenant: "acme", provider: KEYSPOT, input: $input) { slug } }`,
    {
      input: {
        baseUrl: stack.keyspot.url,
        clientId: stack.keyspot.credentials.clientId,
        clientSecret: stack.keyspot.credentials.clientSecret,
      },
    },
  );
  const key = await gql(
    ADMIN,
    `mutation { createApiKey(tenant: "acme", name: "inbox", scopes: [LEADS_READ, LEADS_WRITE]) { secret apiKey { id } } }`,
  );
  acme = { id: key.data!.createApiKey.apiKey.id, secret: key.data!.createApiKey.secret };
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((feed) => feed.dispose()));
  await untilOpenSubscriptions(stack.gateway.url, 0);
});

afterAll(() => stack.close());

test('createLead arrives as CREATED and updateLead as UPDATED, at once; a lead added and changed on Tesselys directly arrives by polling; one event per change', async () => {
  const feed = await subscriber(bearer(READER));
  const id = await createTesselysLead(WRITER, 'Feed: created through the gateway');
  expect(await feed.next((e) => e.lead?.id === id)).toMatchObject({
    type: 'CREATED',
    lead: { id, provider: 'TESSELYS', title: 'Feed: created through the gateway' },
  });

  await gql(WRITER, UPDATE, { id, input: { status: 'CONTACTED' } });
  expect(await feed.next((e) => e.type === 'UPDATED' && e.lead?.id === id)).toMatchObject({ lead: { id, status: 'CONTACTED' } });

  // Someone else adds a lead in Tesselys itself: only a poll can find it.
  const direct = await fetch(`${stack.tesselys.url}/external/v1/leads`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${stack.tesselys.credentials.accessToken}`,
      'x-company-token': stack.tesselys.credentials.companyToken,
    },
    body: JSON.stringify({ title: 'Feed: added on Tesselys directly' }),
  });
  const providerId = ((await direct.json()) as { id: string }).id;
  const directId = `tesselys:${providerId}`;
  expect(await feed.next((e) => e.lead?.id === directId)).toMatchObject({
    type: 'CREATED',
    lead: { title: 'Feed: added on Tesselys directly' },
  });

  // And changes it there: a later updatedAt (the simulators' clock moves) is an UPDATED.
  stack.clock.advance(1_000);
  await fetch(`${stack.tesselys.url}/external/v1/leads/${providerId}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${stack.tesselys.credentials.accessToken}`,
      'x-company-token': stack.tesselys.credentials.companyToken,
    },
    body: JSON.stringify({ status: 'QUALIFIED' }),
  });
  expect(await feed.next((e) => e.type === 'UPDATED' && e.lead?.id === directId)).toMatchObject({ lead: { status: 'QUALIFIED' } });

  // Every poll since has scanned both leads; a mutation after them proves their events have all arrived.
  const last = await createTesselysLead(WRITER, 'Feed: the last one');
  await feed.next((e) => e.lead?.id === last);
  const about = (leadId: string) => feed.events.filter((e) => e.lead?.id === leadId).map((e) => e.type);
  expect({ created: about(id), direct: about(directId) }).toEqual({ created: ['CREATED', 'UPDATED'], direct: ['CREATED', 'UPDATED'] });
  expect(feed.errors).toEqual([]);
});

test('a submission’s life arrives as SUBMISSION_CHANGED, QUEUED to DELIVERED, then its lead as CREATED; the filter picks types', async () => {
  const feed = await subscriber(bearer(READER), { filter: { types: ['SUBMISSION_CHANGED'], provider: 'KEYSPOT' } });
  const all = await subscriber(bearer(READER));
  const response = await gql(WRITER, SUBMIT, {
    input: {
      provider: 'KEYSPOT',
      description: 'Feed: submitted',
      contact: { name: 'Ana', email: 'ana@example.com', phone: '11999990000' },
    },
  });
  const id = response.data!.submitLead.submission.id as string;
  const delivered = await feed.next((e) => e.submission?.id === id && e.submission.status === 'DELIVERED');
  const statuses = feed.events.filter((e) => e.submission?.id === id).map((e) => e.submission!.status);
  expect(statuses).toEqual(['QUEUED', 'DELIVERING', 'DELIVERED']);
  expect(feed.events.every((e) => e.type === 'SUBMISSION_CHANGED')).toBe(true);
  const leadId = delivered.submission!.lead!.id;
  expect(await all.next((e) => e.type === 'CREATED' && e.lead?.id === leadId)).toMatchObject({ lead: { provider: 'KEYSPOT' } });
});

test('a tenant never sees another tenant’s events', async () => {
  const defaultFeed = await subscriber(bearer(READER));
  const acmeFeed = await subscriber(bearer(acme.secret));
  const acmeLead = await gql(acme.secret, CREATE, {
    input: {
      provider: 'KEYSPOT',
      description: 'Feed: acme only',
      contact: { name: 'Bia', email: 'bia@example.com', phone: '11999990001' },
    },
  });
  const acmeId = acmeLead.data!.createLead.lead.id as string;
  await acmeFeed.next((e) => e.lead?.id === acmeId);
  // Events reach each subscriber in order: once the default tenant's own later lead arrives, acme's would have.
  const own = await createTesselysLead(WRITER, 'Feed: default only');
  await defaultFeed.next((e) => e.lead?.id === own);
  expect(defaultFeed.events.some((e) => e.lead?.id === acmeId)).toBe(false);
  expect(acmeFeed.events.some((e) => e.lead?.id === own)).toBe(false);
});

test('no key or an unknown key closes with 4401, a key without leads:read with 4403; queries are refused over WebSocket, subscriptions over HTTP', async () => {
  const closes = await Promise.all(
    [undefined, 'Bearer not-a-key-0123456789', bearer(WRITE_ONLY), bearer(ADMIN)].map(
      (auth) => subscribeFeed(stack.gateway.url, auth).closed,
    ),
  );
  expect(closes).toEqual([4401, 4401, 4403, 4403]);

  const query = subscribeFeed(stack.gateway.url, bearer(READER), { query: '{ providers { provider } }' });
  open.push(query);
  await eventually('the query sent as a subscription to be refused', () => query.errors.length > 0);
  expect(query.errors.flat()).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })]);

  // And the other way round: a subscription sent as an HTTP request is told where subscriptions are.
  const overHttp = await stack.gql('subscription { leadEvents { type } }', undefined, { authorization: bearer(READER) });
  expect(overHttp.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
});

test('what a client sends is bounded: the init payload, sockets per key, subscriptions per socket', async () => {
  const huge = subscribeFeed(stack.gateway.url, bearer(READER).padEnd(5_000, ' '));
  expect(await huge.closed).toBe(4400);

  for (let i = 0; i < 3; i++) await subscriber(bearer(WRITER));
  expect(await subscribeFeed(stack.gateway.url, bearer(WRITER)).closed).toBe(4429);

  const client = createClient({
    url: wsUrl(stack.gateway.url),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: bearer(READER) },
    retryAttempts: 0,
  });
  try {
    const outcomes = [1, 2, 3].map(
      () =>
        new Promise<unknown>((resolve) =>
          client.subscribe(
            { query: 'subscription { leadEvents { type } }' },
            { next: () => undefined, error: resolve, complete: () => resolve('complete') },
          ),
        ),
    );
    expect(await outcomes[2]).toEqual([expect.objectContaining({ extensions: { code: 'RATE_LIMITED' } })]);
  } finally {
    await client.dispose();
  }
});

test('a revoked key’s open subscription is closed with 4401', async () => {
  const feed = await subscriber(bearer(acme.secret));
  await gql(ADMIN, `mutation Revoke($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: acme.id });
  // The gateway keeps a key's lookup for its cache period; the test clock moves past it.
  stack.clock.advance(5_000);
  expect(await feed.closed).toBe(4401);
});

test('a subscriber that stops reading is dropped, not buffered without bound', async () => {
  const id = await createTesselysLead(WRITER, 'Feed: slow consumer');
  // Fifteen copies of the lead per event (the alias limit): the socket's buffers fill in a few events.
  const copies = Array.from({ length: 15 }, (_, i) => `c${i}: lead { description raw }`).join(' ');
  const socket = new WebSocket(wsUrl(stack.gateway.url), 'graphql-transport-ws');
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: bearer(READER) } }));
  await new Promise((resolve) => socket.once('message', resolve));
  const before = await metricValue(stack.gateway.url, 'leadgraph_subscriptions_open');
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { leadEvents { type ${copies} } }` } }));
  await untilOpenSubscriptions(stack.gateway.url, before + 1);
  const closed = new Promise((resolve) => socket.once('close', resolve));
  (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();

  const description = 'x'.repeat(9_990);
  let updates = 0;
  while ((await metricValue(stack.gateway.url, 'leadgraph_subscription_slow_consumers_dropped_total')) === 0) {
    if (++updates > 200) {
      socket.terminate();
      throw new Error('the paused subscriber was never dropped');
    }
    await gql(WRITER, UPDATE, { id, input: { description: `${description}${updates}` } });
  }
  (socket as unknown as { _socket: { resume(): void } })._socket.resume();
  await closed;
  expect(await metricValue(stack.gateway.url, 'leadgraph_subscription_slow_consumers_dropped_total')).toBe(1);
});

/** A raw graphql-ws socket, acknowledged, so a test can send what no well-behaved client would. */
async function rawSocket(authorization: string): Promise<{ socket: WebSocket; messages: Array<Record<string, unknown>> }> {
  const socket = new WebSocket(wsUrl(stack.gateway.url), 'graphql-transport-ws');
  const messages: Array<Record<string, unknown>> = [];
  socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } }));
  await new Promise((resolve) => socket.once('message', resolve));
  return { socket, messages };
}

async function untilMessage(messages: Array<Record<string, unknown>>, id: string): Promise<Record<string, unknown>> {
  await eventually(`a message for ${id}`, () => messages.some((message) => message.id === id));
  return messages.find((message) => message.id === id)!;
}

test('a hostile subscriber cannot leave subscriptions behind or break its socket: @skip on the root field, bad variables, an id reused while its first subscribe is checked', async () => {
  const { socket, messages } = await rawSocket(bearer(READER));
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  const subscribe = (id: string, query: string, variables?: Record<string, unknown>) =>
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  subscribe('skipped', 'subscription { leadEvents @skip(if: true) { type } }');
  expect(await untilMessage(messages, 'skipped')).toMatchObject({
    type: 'error',
    payload: [expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })],
  });
  subscribe('bad-variables', 'subscription F($f: LeadEventFilter) { leadEvents(filter: $f) { type } }', { f: { provider: 'NOPE' } });
  expect(await untilMessage(messages, 'bad-variables')).toMatchObject({
    type: 'error',
    payload: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })],
  });
  // subscribe / complete / subscribe again with the same id, before the first is admitted: the last one
  // is refused (the first still holds its id); none may keep running past its complete.
  // Corked, so the gateway reads them in one chunk and handles each before any admission answers.
  const tcp = (socket as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
  tcp.cork();
  for (let i = 0; i < 10; i++) {
    subscribe('reused', 'subscription { leadEvents { type } }');
    socket.send(JSON.stringify({ id: 'reused', type: 'complete' }));
  }
  subscribe('reused', 'subscription { leadEvents { type } }');
  tcp.uncork();
  expect(await untilMessage(messages, 'reused')).toMatchObject({ type: 'error' });
  subscribe('watch', 'subscription { leadEvents { type lead { id } } }');
  const id = await createTesselysLead(WRITER, 'Feed: hostile subscriber');
  await eventually('the event on the watch subscription', () => messages.some((m) => m.id === 'watch' && JSON.stringify(m).includes(id)));
  expect(await metricValue(stack.gateway.url, 'leadgraph_subscriptions_open')).toBe(1);
  socket.close();
  expect(await closed).toBe(1005);
  expect(stack.logs.records().filter((record) => (record.level as number) >= 50)).toEqual([]);
});
