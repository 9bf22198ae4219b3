/**
 * Holding a query in flight on the Tesselys simulator, for the shared-execution tests: the caller
 * sets the simulator's latency, starts a query, and waits until its page call has reached the
 * simulator (recorded on arrival, before the latency), so later requests find it in flight.
 */
import type { GraphQLResponse, TestStack } from '../support/test-stack';
import { eventually } from '../support/eventually';

const TESSELYS_LIST = 'GET /external/v1/leads';

/** Tesselys list calls for pages of `first` leads (the readiness probe lists one lead: not counted). */
export function pageCalls(stack: TestStack, first: number): number {
  return stack.tesselys.counters.history(TESSELYS_LIST).filter((call) => call.url.includes(`limit=${first}&`)).length;
}

/**
 * Starts `query` and resolves once its Tesselys page call has reached the simulator. The answer
 * comes wrapped: an async function returning the promise itself would make the caller wait for it.
 */
export async function queryInFlight(
  stack: TestStack,
  query: string,
  variables: { first: number; filter?: unknown },
  headers?: Record<string, string>,
): Promise<{ answer: Promise<GraphQLResponse> }> {
  const before = pageCalls(stack, variables.first);
  const answer = stack.gql(query, variables, headers);
  await eventually('the first query’s Tesselys call', () => pageCalls(stack, variables.first) > before);
  return { answer };
}
