/**
 * Production mode over real HTTP: introspection (and federation's `_service { sdl }`) off unless
 * INTROSPECTION=true, no "Did you mean" hints, no stack traces, and an unexpected error masked as
 * INTERNAL_SERVER_ERROR with the request id while its detail goes only to the log.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../src/errors/error-codes';
import { ProviderError } from '../../src/errors/provider.error';
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';
import { startGatewayWithBrokenListing } from '../support/broken-provider';
import { formatGatewayError } from '../../src/server/error-formatting';
import { startTestStack, type TestStack } from '../support/test-stack';
import { API_KEYS, bearer, codesOf, CRM_KEY, expectNoLeaks, providerSecrets, Recorder, type RawResponse } from './security-harness';

const auth = bearer(CRM_KEY);
const http = new Recorder();
const logLines: string[][] = [];
let production: TestStack;
let introspective: TestStack;
let development: TestStack;

beforeAll(async () => {
  [production, introspective, development] = await Promise.all([
    startTestStack({ env: { NODE_ENV: 'production', API_KEYS } }),
    startTestStack({ env: { NODE_ENV: 'production', API_KEYS, INTROSPECTION: 'true' } }),
    startTestStack({ env: { NODE_ENV: 'development', API_KEYS } }),
  ]);
  logLines.push(production.logs.lines, introspective.logs.lines, development.logs.lines);
});
afterAll(async () => {
  await Promise.all([production?.close(), introspective?.close(), development?.close()]);
});

test('a resolver error keeps its code and the data beside it however often the query runs (compiled after its first use)', async () => {
  // Issue #15: a Keyspot id now reads from the gateway record (null), so the error is an update Keyspot cannot do.
  const query = 'mutation { updateLead(id: "keyspot:1", input: { title: "x" }) { lead { id } } }';
  for (let run = 0; run < 3; run++) {
    const res = await http.gql(production, query, undefined, auth);
    expect(res.status).toBe(200);
    expect(codesOf(res)).toEqual(['UNSUPPORTED_BY_PROVIDER']);
    expect(res.json.data).toBeNull();
  }
});

const INTROSPECTION_QUERIES = ['{ __schema { queryType { name } } }', '{ __type(name: "Lead") { fields { name } } }'];

describe('introspection', () => {
  test.each(INTROSPECTION_QUERIES)('off in production: %s', async (query) => {
    const res = await http.gql(production, query, undefined, auth);
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.json.errors[0].message).toMatch(/introspection/i);
    expect(res.json.data).toBeUndefined();
  });

  test.each(INTROSPECTION_QUERIES)('on with INTROSPECTION=true: %s', async (query) => {
    const res = await http.gql(introspective, query, undefined, auth);
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data).toBeTruthy();
  });

  test('on in development', async () => {
    const res = await http.gql(development, INTROSPECTION_QUERIES[0]!, undefined, auth);
    expect(res.json.data.__schema.queryType.name).toBe('Query');
  });

  test.each(['{ _service { sdl } }', '{ s: _service { sdl } }'])('the subgraph SDL is off in production too: %s', async (query) => {
    const res = await http.gql(production, query, undefined, auth);
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.json.errors[0].message).toMatch(/_service.*introspection is disabled/);
    expect(res.json.data).toBeUndefined();
    expect(res.text).not.toContain('type Lead');
  });

  test.each([
    ['INTROSPECTION=true', () => introspective],
    ['development', () => development],
  ])('the subgraph SDL is served with %s', async (_case, target) => {
    const res = await http.gql(target(), '{ _service { sdl } }', undefined, auth);
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data._service.sdl).toContain('type Lead');
  });

  test('__typename is not introspection and stays available', async () => {
    const res = await http.gql(production, '{ __typename }', undefined, auth);
    expect(res.json.data).toEqual({ __typename: 'Query' });
  });
});

describe('no schema hints in production', () => {
  const TYPOS: Array<[string, string, Record<string, unknown> | undefined]> = [
    ['a field', '{ leads(first: 1) { nodes { titel } } }', undefined],
    ['an argument', '{ leads(frist: 1) { totalCount } }', undefined],
    ['an enum literal', '{ leads(filter: { status: NEWW }) { totalCount } }', undefined],
    ['an enum in variables', 'query ($s: LeadStatus) { leads(filter: { status: $s }) { totalCount } }', { s: 'NEWW' }],
    ['an input field in variables', 'query ($f: LeadFilter) { leads(filter: $f) { totalCount } }', { f: { stauts: 'NEW' } }],
  ];

  test.each(TYPOS)('%s misspelt: no "Did you mean"', async (_what, query, variables) => {
    const [prod, dev] = [await http.gql(production, query, variables, auth), await http.gql(development, query, variables, auth)];
    expect(prod.status).toBe(400);
    expect(prod.json.errors.length).toBeGreaterThan(0);
    for (const error of prod.json.errors) expect(error.message).not.toMatch(/Did you mean/);
    // Development keeps the hints: the same error, with a suggestion, proves the case is real.
    expect(dev.json.errors[0].message).toMatch(/Did you mean/);
  });
});

describe('no stack traces', () => {
  test('in any error extension, production or development', async () => {
    const responses: RawResponse[] = [];
    for (const stack of [production, development]) {
      responses.push(await http.gql(stack, '{ nope }', undefined, auth));
      responses.push(await http.gql(stack, '{ lead(id: "not-a-global-id") { id } }', undefined, auth));
      responses.push(await http.gql(stack, '{ leads(first: 0) { totalCount } }', undefined, auth));
      responses.push(await http.post(stack, '{"query": ', auth));
    }
    for (const res of responses) {
      expect(res.json.errors.length).toBeGreaterThan(0);
      for (const error of res.json.errors) expect(error.extensions.stacktrace).toBeUndefined();
      expect(res.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
    }
  });
});

describe('unexpected errors are masked', () => {
  const DETAIL = 'Cannot read properties of undefined (reading "leads")';
  const SECRET_URL = 'postgres://leadgraph:hunter2-secret@db.internal:5432/crm';

  test('INTERNAL_SERVER_ERROR with the request id; the detail only in the log', async () => {
    const { gateway, logs, close } = await startGatewayWithBrokenListing(() => new TypeError(`${DETAIL} near ${SECRET_URL}`), {
      NODE_ENV: 'production',
      API_KEYS,
    });
    logLines.push(logs.lines);
    try {
      const res = await http.fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth, 'x-request-id': 'req-masking-1' },
        body: JSON.stringify({ query: '{ leads(first: 1) { totalCount } }' }),
      });
      expect(res.json.errors).toHaveLength(1);
      expect(res.json.errors[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-masking-1' },
      });
      expect(Object.keys(res.json.errors[0].extensions).sort()).toEqual(['code', 'requestId']);
      expect(res.text).not.toContain('Cannot read');
      expect(res.text).not.toContain('postgres');
      expect(res.text).not.toContain('TypeError');

      const logged = logs.records().find((r) => r.msg === 'unexpected error') as
        { err?: { message?: string }; requestId?: string } | undefined;
      expect(logged?.err?.message).toContain(DETAIL);
      // The detail is logged under the request id the client was given, so it can be found.
      expect(logged?.requestId).toBe('req-masking-1');
      expect(logs.lines.join('\n')).not.toContain('hunter2-secret');
    } finally {
      await close();
    }
  });

  describe('formatGatewayError', () => {
    const format = (error: GraphQLError) => ({ formatted: formatGatewayError(error.toJSON()) });

    test('errors raised on purpose pass with their code, minus any stack trace', () => {
      const error = new ProviderError(ErrorCode.PROVIDER_UNAVAILABLE, LeadProvider.TESSELYS, 'Tesselys is unavailable');
      error.extensions.stacktrace = ['at somewhere'];
      const { formatted } = format(error);
      expect(formatted.message).toBe('Tesselys is unavailable');
      expect(formatted.extensions).toEqual({ code: 'PROVIDER_UNAVAILABLE', provider: 'TESSELYS' });
    });

    test.each([
      ['no code', new GraphQLError(`boom ${SECRET_URL}`, { path: ['leads'] })],
      ['an unknown code', new GraphQLError('database said no', { extensions: { code: 'DB_ERROR', sql: 'select *' } })],
      ['INTERNAL_SERVER_ERROR itself', new GraphQLError('raw detail', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })],
    ])('anything else (%s) is masked', (_case, error) => {
      const { formatted } = format(error);
      expect(formatted.message).toBe('Internal server error');
      expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(formatted)).not.toMatch(/boom|database|raw detail|select/);
    });
  });
});

describe('sweep', () => {
  test('no API key or provider secret in any response or log line', () => {
    const secrets = [CRM_KEY, 'hunter2-secret', ...providerSecrets(production), ...providerSecrets(development)];
    expectNoLeaks([...http.bodies, ...logLines.flat()], secrets);
  });
});
