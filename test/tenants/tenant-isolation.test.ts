/**
 * Tenants through real HTTP (DESIGN.md Part 2, "Tenants"): two tenants, each on its own Tesselys
 * and Keyspot simulators, administered with an API_KEYS admin key. Each tenant key sees only its
 * own tenant; another tenant's ids read as null; tenant keys cannot administer; an admin key
 * cannot read leads without leads:read; revoked keys get 401; bad credentials are refused with
 * PROVIDER_AUTH_FAILED and not saved; no secret of any tenant appears in a response or a log line.
 */
import { startKeyspotSimulator, type KeyspotSimulator } from '../../src/providers/keyspot/simulator/keyspot.simulator';
import { startTesselysSimulator, type TesselysSimulator } from '../../src/providers/tesselys/simulator/tesselys.simulator';
import { buildClientFacingSchema } from '../../src/graphql/build-schema';
import { TENANT_ADMIN_FIELDS } from '../../src/security/operation-authorization';
import { sweepOperations } from './cross-tenant-sweep';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

const ADMIN_KEY = 'admin-key-0123456789abcdef';
const OPS_KEY = 'ops-key-0123456789abcdef-read-write';
const API_KEYS = JSON.stringify([
  { name: 'admin', key: ADMIN_KEY, scopes: ['tenants:admin'] },
  { name: 'ops', key: OPS_KEY, scopes: ['leads:read', 'leads:write'] },
]);

interface TenantSims {
  tesselys: TesselysSimulator;
  keyspot: KeyspotSimulator;
}

let stack: TestStack;
const sims: Record<'acme' | 'beta', TenantSims> = {} as Record<'acme' | 'beta', TenantSims>;
/** Every response body, with the operation that produced it (for the secret sweep). */
const responses: Array<{ query: string; body: string }> = [];
const keys: Record<string, string> = {};

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function gql(key: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const res = await stack.gql(query, variables, bearer(key));
  responses.push({ query, body: JSON.stringify({ status: res.status, data: res.data, errors: res.errors }) });
  return res;
}

const SET_CREDENTIALS = /* GraphQL */ `
  mutation Set($tenant: String!, $provider: LeadProvider!, $input: ProviderCredentialsInput!) {
    setProviderCredentials(tenant: $tenant, provider: $provider, input: $input) {
      slug
      providers {
        provider
        configured
      }
    }
  }
`;
const CREATE_KEY = /* GraphQL */ `
  mutation Key($tenant: String!, $name: String!, $scopes: [ApiScope!]!) {
    createApiKey(tenant: $tenant, name: $name, scopes: $scopes) {
      secret
      apiKey {
        id
        prefix
        scopes
        revokedAt
      }
    }
  }
`;
const TESSELYS_LEADS = '{ leads(filter: { provider: TESSELYS }, first: 100) { totalCount nodes { id } } }';

function tesselysCredentials(sim: TesselysSimulator) {
  return { baseUrl: sim.url, accessToken: sim.credentials.accessToken, companyToken: sim.credentials.companyToken };
}
function keyspotCredentials(sim: KeyspotSimulator) {
  return { baseUrl: sim.url, clientId: sim.credentials.clientId, clientSecret: sim.credentials.clientSecret };
}

async function createKey(tenant: string, name: string, scopes: string[]): Promise<{ id: string; secret: string }> {
  const res = await gql(ADMIN_KEY, CREATE_KEY, { tenant, name, scopes });
  expect(res.errors).toBeUndefined();
  const created = res.data!.createApiKey as { secret: string; apiKey: { id: string; prefix: string } };
  expect(created.secret.startsWith(created.apiKey.prefix)).toBe(true);
  keys[`${tenant}/${name}`] = created.secret;
  return { id: created.apiKey.id, secret: created.secret };
}

beforeAll(async () => {
  stack = await startTestStack({ env: { API_KEYS } });
  let seed = 10;
  for (const tenant of ['acme', 'beta'] as const) {
    seed += 1;
    sims[tenant] = {
      tesselys: await startTesselysSimulator({
        now: stack.clock.now,
        seed,
        leadCount: tenant === 'acme' ? 5 : 7,
        accessToken: `${tenant}-tesselys-access-token-secret`,
        companyToken: `${tenant}-tesselys-company-token-secret`,
      }),
      keyspot: await startKeyspotSimulator({
        now: stack.clock.now,
        credentials: { clientId: `${tenant}-keyspot-client`, clientSecret: `${tenant}-keyspot-client-secret-value` },
      }),
    };
    expect(
      (await gql(ADMIN_KEY, 'mutation($s: String!) { createTenant(slug: $s, name: $s) { slug } }', { s: tenant })).errors,
    ).toBeUndefined();
    for (const [provider, input] of [
      ['TESSELYS', tesselysCredentials(sims[tenant].tesselys)],
      ['KEYSPOT', keyspotCredentials(sims[tenant].keyspot)],
    ] as const) {
      const res = await gql(ADMIN_KEY, SET_CREDENTIALS, { tenant, provider, input });
      expect(res.errors).toBeUndefined();
    }
    await createKey(tenant, 'backoffice', ['LEADS_READ', 'LEADS_WRITE']);
  }
});

afterAll(async () => {
  await stack?.close();
  await Promise.all(Object.values(sims).flatMap((s) => [s.tesselys.close(), s.keyspot.close()]));
});

test('tenants lists default and both tenants, with their providers and keys, never credentials', async () => {
  const res = await gql(
    ADMIN_KEY,
    '{ tenants { slug name providers { provider configured demo } apiKeys { name prefix scopes revokedAt } createdAt } }',
  );
  expect(res.errors).toBeUndefined();
  const tenants = res.data!.tenants as Array<{ slug: string; providers: Array<{ configured: boolean }>; apiKeys: unknown[] }>;
  expect(tenants.map((t) => t.slug)).toEqual(expect.arrayContaining(['default', 'acme', 'beta']));
  const acme = tenants.find((t) => t.slug === 'acme')!;
  expect(acme.providers.every((p) => p.configured)).toBe(true);
  expect(acme.apiKeys).toEqual([expect.objectContaining({ name: 'backoffice', scopes: ['LEADS_READ', 'LEADS_WRITE'], revokedAt: null })]);
});

test('a slug taken or malformed is BAD_USER_INPUT', async () => {
  for (const slug of ['acme', 'default', 'A', 'x', 'has space']) {
    const res = await gql(ADMIN_KEY, 'mutation($s: String!) { createTenant(slug: $s, name: "X") { slug } }', { s: slug });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }
});

test("each tenant key sees only its own tenant's providers and leads; another tenant's ids read as null", async () => {
  const acme = await gql(keys['acme/backoffice']!, TESSELYS_LEADS);
  const beta = await gql(keys['beta/backoffice']!, TESSELYS_LEADS);
  const ops = await gql(OPS_KEY, TESSELYS_LEADS);
  expect(acme.data!.leads.totalCount).toBe(5);
  expect(beta.data!.leads.totalCount).toBe(7);
  expect(ops.data!.leads.totalCount).toBe(stack.tesselys.leads().length);

  const acmeId = (acme.data!.leads.nodes as Array<{ id: string }>)[0]!.id;
  expect(sims.beta.tesselys.leads().some((lead) => acmeId.endsWith(String(lead.id)))).toBe(false);
  const crossRead = await gql(keys['beta/backoffice']!, 'query($id: ID!) { lead(id: $id) { id title } node(id: $id) { id } }', {
    id: acmeId,
  });
  expect(crossRead.errors).toBeUndefined();
  expect(crossRead.data).toEqual({ lead: null, node: null });
  const ownRead = await gql(keys['acme/backoffice']!, 'query($id: ID!) { lead(id: $id) { id } }', { id: acmeId });
  expect(ownRead.data!.lead).toEqual({ id: acmeId });
});

test("a tenant key's create goes to its own tenant's provider", async () => {
  const before = { acme: sims.acme.tesselys.leads().length, beta: sims.beta.tesselys.leads().length, main: stack.tesselys.leads().length };
  const res = await gql(
    keys['beta/backoffice']!,
    'mutation { createLead(input: { provider: TESSELYS, title: "Beta lead" }) { lead { id } } }',
  );
  expect(res.errors).toBeUndefined();
  expect(sims.beta.tesselys.leads().length).toBe(before.beta + 1);
  expect(sims.acme.tesselys.leads().length).toBe(before.acme);
  expect(stack.tesselys.leads().length).toBe(before.main);
  const keyspotBefore = sims.acme.keyspot.leads().length;
  const keyspot = await gql(
    keys['acme/backoffice']!,
    'mutation { createLead(input: { provider: KEYSPOT, description: "Quero visitar", contact: { name: "Ana", email: "ana@example.com", phone: "11999999999" } }) { lead { id } } }',
  );
  expect(keyspot.errors).toBeUndefined();
  expect(sims.acme.keyspot.leads().length).toBe(keyspotBefore + 1);
  expect(sims.beta.keyspot.leads().length).toBe(0);
});

test('a tenant key cannot call the admin API; the admin key cannot read leads without leads:read', async () => {
  for (const query of ['{ tenants { slug } }', 'mutation { createTenant(slug: "evil", name: "Evil") { slug } }']) {
    const res = await gql(keys['acme/backoffice']!, query);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }
  const mixed = await gql(keys['acme/backoffice']!, '{ providers { provider } ...on Query { tenants { slug } } }');
  expect(mixed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const adminReads = await gql(ADMIN_KEY, '{ leads { totalCount } }');
  expect(adminReads.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const adminWrites = await gql(ADMIN_KEY, 'mutation { createLead(input: { provider: TESSELYS, title: "x" }) { lead { id } } }');
  expect(adminWrites.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const tenantAdminKey = await gql(ADMIN_KEY, CREATE_KEY, { tenant: 'acme', name: 'escalate', scopes: ['TENANTS_ADMIN'] });
  expect(tenantAdminKey.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('a leads:submit key creates leads and reads receipts only: no updateLead, no reads, no lead data', async () => {
  const { secret } = await createKey('acme', 'website-form', ['LEADS_SUBMIT']);
  const created = await gql(
    secret,
    'mutation { createLead(input: { provider: TESSELYS, title: "From the form" }) { lead { id status createdAt } } }',
  );
  expect(created.errors).toBeUndefined();
  const id = (created.data!.createLead as { lead: { id: string } }).lead.id;
  const refusals = [
    ['mutation($id: ID!) { updateLead(id: $id, input: { title: "changed" }) { lead { id } } }', { id }],
    ['mutation($id: ID!) { updateLead(id: $id, input: { title: "changed" }) { lead { id } } }', { id: 'tesselys:does-not-exist' }],
    ['query($id: ID!) { lead(id: $id) { id } }', { id }],
    ['mutation { createLead(input: { provider: TESSELYS, title: "x" }) { lead { id title } } }', {}],
  ] as const;
  for (const [query, variables] of refusals) {
    const res = await gql(secret, query, variables);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data ?? null).toBeNull();
  }
});

test('a leads:submit key submits leads and reads its receipts only: no submissions list, no retrySubmission, no lead data', async () => {
  const { secret } = await createKey('acme', 'website-submit', ['LEADS_SUBMIT']);
  const submitted = await gql(
    secret,
    'mutation { submitLead(input: { provider: TESSELYS, title: "Form, queued" }) { submission { id status } } }',
  );
  expect(submitted.errors).toBeUndefined();
  const id = (submitted.data!.submitLead as { submission: { id: string; status: string } }).submission.id;
  const receipt = await gql(secret, 'query($id: ID!) { submission(id: $id) { id provider status attempts createdAt } }', { id });
  expect(receipt.errors).toBeUndefined();
  expect(receipt.data!.submission).toMatchObject({ id, provider: 'TESSELYS' });
  const refusals = [
    ['query($id: ID!) { submission(id: $id) { id possibleDuplicate lead { id title } } }', { id }],
    ['{ submissions(first: 5) { totalCount } }', {}],
    ['mutation($id: ID!) { retrySubmission(id: $id) { submission { id } } }', { id }],
    ['mutation { submitLead(input: { provider: TESSELYS, title: "x" }) { submission { id lead { title } } } }', {}],
  ] as const;
  for (const [query, variables] of refusals) {
    const res = await gql(secret, query, variables);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data ?? null).toBeNull();
  }
});

test('leads:submit is valid in API_KEYS too and is refused updateLead the same way', async () => {
  const submit = await startTestStack({
    env: { API_KEYS: JSON.stringify([{ name: 'form', key: 'form-key-0123456789abcdef', scopes: ['leads:submit'] }]) },
  });
  try {
    const ok = await submit.gql(
      'mutation { createLead(input: { provider: TESSELYS, title: "Form" }) { lead { id } } }',
      {},
      bearer('form-key-0123456789abcdef'),
    );
    expect(ok.errors).toBeUndefined();
    const update = await submit.gql(
      'mutation { updateLead(id: "tesselys:x", input: { title: "y" }) { lead { id } } }',
      {},
      bearer('form-key-0123456789abcdef'),
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  } finally {
    await submit.close();
  }
});

test('a revoked key gets 401: at once on the revoking replica, within the cache period on any other', async () => {
  const here = await createKey('beta', 'revoked-here', ['LEADS_READ']);
  expect((await gql(here.secret, '{ providers { provider } }')).status).toBe(200);
  const revoked = await gql(ADMIN_KEY, 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', { id: here.id });
  expect(revoked.data!.revokeApiKey.revokedAt).toEqual(expect.any(String));
  const afterRevoke = await gql(here.secret, '{ providers { provider } }');
  expect(afterRevoke.status).toBe(401);
  expect(afterRevoke.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

  // Another replica revoking it: written to the shared store behind this gateway's back.
  const elsewhere = await createKey('beta', 'revoked-elsewhere', ['LEADS_READ']);
  expect((await gql(elsewhere.secret, '{ providers { provider } }')).status).toBe(200);
  await stack.gateway.store.apiKeys.revoke(elsewhere.id);
  stack.clock.advance(5_000);
  expect((await gql(elsewhere.secret, '{ providers { provider } }')).status).toBe(401);
});

test('bad credentials are refused with PROVIDER_AUTH_FAILED and nothing is saved or connected', async () => {
  await gql(ADMIN_KEY, 'mutation { createTenant(slug: "gamma", name: "Gamma") { slug } }');
  const badTesselys = await gql(ADMIN_KEY, SET_CREDENTIALS, {
    tenant: 'gamma',
    provider: 'TESSELYS',
    input: { ...tesselysCredentials(sims.acme.tesselys), companyToken: 'gamma-wrong-company-token-secret' },
  });
  expect(badTesselys.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_AUTH_FAILED', provider: 'TESSELYS' });
  const badKeyspot = await gql(ADMIN_KEY, SET_CREDENTIALS, {
    tenant: 'gamma',
    provider: 'KEYSPOT',
    input: { ...keyspotCredentials(sims.acme.keyspot), clientSecret: 'gamma-wrong-keyspot-secret-value' },
  });
  expect(badKeyspot.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_AUTH_FAILED', provider: 'KEYSPOT' });
  expect(await stack.gateway.store.providerCredentials.get('gamma', 'TESSELYS')).toBeUndefined();
  expect(await stack.gateway.store.providerCredentials.get('gamma', 'KEYSPOT')).toBeUndefined();
  const tenants = await gql(ADMIN_KEY, '{ tenants { slug providers { provider configured } } }');
  const gamma = (tenants.data!.tenants as Array<{ slug: string; providers: Array<{ configured: boolean }> }>).find(
    (t) => t.slug === 'gamma',
  )!;
  expect(gamma.providers.map((p) => p.configured)).toEqual([false, false]);

  const unused = await gql(ADMIN_KEY, SET_CREDENTIALS, {
    tenant: 'gamma',
    provider: 'TESSELYS',
    input: { clientSecret: 'x-secret-for-keyspot-only' },
  });
  expect(unused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('removing credentials disconnects the provider for that tenant only', async () => {
  await gql(ADMIN_KEY, 'mutation { createTenant(slug: "delta", name: "Delta") { slug } }');
  await gql(ADMIN_KEY, SET_CREDENTIALS, { tenant: 'delta', provider: 'TESSELYS', input: tesselysCredentials(sims.acme.tesselys) });
  const removed = await gql(
    ADMIN_KEY,
    'mutation { removeProviderCredentials(tenant: "delta", provider: TESSELYS) { providers { provider configured } } }',
  );
  expect(removed.data!.removeProviderCredentials.providers).toContainEqual({ provider: 'TESSELYS', configured: false });
  expect(await stack.gateway.store.providerCredentials.get('delta', 'TESSELYS')).toBeUndefined();
  expect((await gql(keys['acme/backoffice']!, TESSELYS_LEADS)).data!.leads.totalCount).toBeGreaterThanOrEqual(5);
});

test("every query and mutation, generated from the schema, with acme's key against beta's ids returns nothing of beta", async () => {
  const marker = 'BETA-PRIVATE-MARKER';
  const created = await gql(
    keys['beta/backoffice']!,
    'mutation($t: String!) { createLead(input: { provider: TESSELYS, title: $t }) { lead { id } } }',
    {
      t: marker,
    },
  );
  const betaIds = [
    (created.data!.createLead as { lead: { id: string } }).lead.id,
    ...sims.beta.tesselys
      .leads()
      .slice(0, 2)
      .map((l) => `tesselys:${l.id}`),
  ];
  // The control: beta's own key reads its marker lead, so the sweep below can fail.
  expect(
    JSON.stringify((await gql(keys['beta/backoffice']!, 'query($id: ID!) { lead(id: $id) { title } }', { id: betaIds[0] })).data),
  ).toContain(marker);

  const titlesBefore = sims.beta.tesselys.leads().map((l) => l.title);
  const operations = sweepOperations(
    buildClientFacingSchema(),
    betaIds,
    {
      'createLead.input': { provider: 'TESSELYS', title: 'Acme sweep' },
      'updateLead.input': { title: 'hijacked by acme' },
      'submitLead.input': { provider: 'TESSELYS', title: 'Acme sweep' },
    },
    TENANT_ADMIN_FIELDS,
  );
  expect(operations.map((op) => op.field)).toEqual(
    expect.arrayContaining(['lead', 'leads', 'node', 'providers', 'createLead', 'updateLead']),
  );
  const betaRaw = sims.beta.tesselys.leads().map((l) => String(l.id));
  for (const operation of operations) {
    const res = await gql(keys['acme/backoffice']!, operation.query, operation.variables);
    const text = JSON.stringify(res.data ?? null);
    expect({ field: operation.field, leaked: betaRaw.filter((id) => text.includes(id)), marker: text.includes(marker) }).toEqual({
      field: operation.field,
      leaked: [],
      marker: false,
    });
  }
  expect(sims.beta.tesselys.leads().map((l) => l.title)).toEqual(titlesBefore);
});

test('no secret of any tenant in any response or captured log line', () => {
  const credentials = Object.values(sims).flatMap((s) => [
    s.tesselys.credentials.accessToken,
    s.tesselys.credentials.companyToken,
    s.keyspot.credentials.clientSecret,
  ]);
  credentials.push('gamma-wrong-company-token-secret', 'gamma-wrong-keyspot-secret-value', ADMIN_KEY, OPS_KEY);
  const keySecrets = Object.values(keys);
  expect(responses.length).toBeGreaterThan(20);
  for (const { query, body } of responses) {
    for (const secret of credentials) expect(body).not.toContain(secret);
    // A key's secret is in exactly one answer: its createApiKey.
    if (!query.includes('createApiKey')) for (const secret of keySecrets) expect(body).not.toContain(secret);
  }
  const logs = stack.logs.lines.join('\n');
  expect(logs.length).toBeGreaterThan(0);
  for (const secret of [...credentials, ...keySecrets]) expect(logs).not.toContain(secret);
});
