/**
 * One GraphQL POST to an in-process gateway with a bearer key, for the tenant tests that drive
 * several replicas: the HTTP status beside the body, errors included, never thrown.
 */
import type { RunningGateway } from '../../src/server/gateway';

export async function gql(gateway: RunningGateway, key: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> };
  return { status: response.status, ...body };
}
