/**
 * Scenario (f)'s server: the least work any gateway must do for (b), with no GraphQL at all. For
 * each POST it parses the JSON body, makes the one GET to Tesselys over a keep-alive undici pool,
 * maps the page with LeadGraph's own Tesselys mapper, and writes the JSON answer. No auth, no
 * limits, no validation, no logs.
 *
 * It is not a product: it shows how much of (a)'s throughput a process hop costs on this machine
 * before any gateway feature, so (b)'s ratio can be read against what is physically reachable.
 * Run as its own process, configured as bench/reference-server.ts says.
 */
import { firstTesselysPage, serveJson } from './reference-server';

serveJson(async (body) => {
  const { variables } = body as { variables?: { filter?: { status?: string } } };
  const page = await firstTesselysPage(variables?.filter?.status);
  const edges = page.leads.map((node, offset) => ({ cursor: String(offset), node }));
  return JSON.stringify({ data: { leads: { totalCount: page.total, edges } } });
});
