/**
 * Scenario (h)'s server: (f)'s pass-through plus GraphQL execution and nothing else. For each POST
 * it parses the JSON body, runs the operation compiled by graphql-jit (once per query text) on
 * LeadGraph's public schema (`schema.graphql`), whose one resolver makes (f)'s GET over a keep-alive
 * undici pool and maps the page with LeadGraph's own Tesselys mapper, and writes the JSON answer.
 * No Apollo Server, no auth, limits, cost, logs, metrics, resilience or store.
 *
 * It is not a product: it splits (b)'s distance to (f) into what executing (b)'s query costs at all
 * ((h) over (f)) and what the gateway's layers around the execution cost ((b) over (h)). Like (f),
 * it reads only `filter.status`: `after`, `orderBy` and `search` are ignored, so every page is page 1.
 * Run as its own process, configured as bench/reference-server.ts says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { firstTesselysPage, serveJson } from './reference-server';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));

schema.getQueryType()!.getFields().leads!.resolve = async (_root, args: { filter?: { status?: string } }) => {
  const page = await firstTesselysPage(args.filter?.status);
  const edges = page.leads.map((node, offset) => ({ cursor: Buffer.from(`${offset}:${node.id}`).toString('base64url'), node }));
  return { totalCount: page.total, edges, pageInfo: { hasNextPage: page.total > edges.length, endCursor: edges.at(-1)?.cursor ?? null } };
};

/** One compiled operation per query text; the bench sends a handful. */
const compiled = new Map<string, CompiledQuery>();

serveJson(async (body) => {
  const { query, variables } = body as { query: string; variables?: Record<string, unknown> };
  let operation = compiled.get(query);
  if (!operation) {
    const made = compileQuery(schema, parse(query));
    if (!isCompiledQuery(made)) throw new Error(`the floor cannot compile the bench's query: ${JSON.stringify(made.errors)}`);
    compiled.set(query, (operation = made));
  }
  return JSON.stringify(await operation.query(undefined, {}, variables ?? {}));
});
