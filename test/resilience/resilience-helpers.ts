/**
 * What the resilience tests share: fast settings (tiny deadline and backoff, so faults resolve in
 * milliseconds), the operations they drive, and small readers for errors, health and metrics.
 */
import type { GraphQLResponse, TestStack } from '../support/test-stack';

/** A 200 ms deadline, 1 ms backoff and a 2 s budget: three hung attempts fit, a 3 s Retry-After does not. */
export const FAST = { PROVIDER_TIMEOUT_MS: '200', PROVIDER_BACKOFF_MS: '1', PROVIDER_RETRY_BUDGET_MS: '2000' };

export const ROUTES = {
  list: 'GET /external/v1/leads',
  get: 'GET /external/v1/leads/:id',
  tesselysCreate: 'POST /external/v1/leads',
  update: 'PUT /external/v1/leads/:id',
  keyspotCreate: 'POST /v1/leads',
  token: 'POST /v1/auth/token',
} as const;

const CREATE = 'mutation Create($input: CreateLeadInput!) { createLead(input: $input) { lead { id provider } } }';

export const ops = {
  list: (stack: TestStack) => stack.gql('{ leads(first: 3, filter: { provider: TESSELYS }) { totalCount nodes { id } } }'),
  get: (stack: TestStack, id = stack.tesselys.leads()[0]!.id) =>
    stack.gql('query One($id: ID!) { lead(id: $id) { id title } }', { id: `tesselys:${id}` }),
  createTesselys: (stack: TestStack) => stack.gql(CREATE, { input: { provider: 'TESSELYS', title: 'Interesse no plano anual' } }),
  createKeyspot: (stack: TestStack) =>
    stack.gql(CREATE, {
      input: {
        provider: 'KEYSPOT',
        description: 'Quero visitar o apartamento',
        contact: { name: 'Ana Souza', email: 'ana.souza@example.com', phone: '11988887777' },
      },
    }),
  update: (stack: TestStack, id = stack.tesselys.leads()[0]!.id) =>
    stack.gql('mutation U($id: ID!, $input: UpdateLeadInput!) { updateLead(id: $id, input: $input) { lead { id title } } }', {
      id: `tesselys:${id}`,
      input: { title: 'Título revisado' },
    }),
  health: (stack: TestStack) => stack.gql('{ providers { provider health { circuit consecutiveFailures } } }'),
};

/** The single error of a failed operation, checked to name the provider and code. */
export function providerErrorOf(res: GraphQLResponse, code: string, provider: 'TESSELYS' | 'KEYSPOT'): Record<string, any> {
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0]!;
  expect(error.extensions).toMatchObject({ code, provider });
  return error.extensions!;
}

export function expectNoErrors(res: GraphQLResponse): void {
  expect(res.errors).toBeUndefined();
}

/** Circuit state per provider, from the `providers` query. */
export async function circuits(stack: TestStack): Promise<Record<string, string | undefined>> {
  const res = await ops.health(stack);
  expectNoErrors(res);
  const providers = res.data!.providers as Array<{ provider: string; health: { circuit: string } | null }>;
  return Object.fromEntries(providers.map((p) => [p.provider, p.health?.circuit]));
}

/** The `leadgraph_circuit_state` gauge for one provider (0 closed, 1 half-open, 2 open). */
export async function circuitGauge(stack: TestStack, provider: string): Promise<number | undefined> {
  const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  const match = new RegExp(`^leadgraph_circuit_state\\{provider="${provider}"\\} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Yields to the event loop until `condition` holds (e.g. a simulator has received a request). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** Records the gateway logged with this message since `from` (an index into stack.logs.lines). */
export function logRecords(stack: TestStack, msg: string, from = 0): Array<Record<string, unknown>> {
  return stack.logs.lines
    .slice(from)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record.msg === msg);
}
