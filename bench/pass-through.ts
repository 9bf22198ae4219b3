/**
 * Scenario (f)'s server: the least work any gateway must do for (b), with no GraphQL at all. For
 * each POST it parses the JSON body, makes the one GET to Tesselys over a keep-alive undici pool,
 * maps the page with LeadGraph's own Tesselys mapper, and writes the JSON answer. No auth, no
 * limits, no validation, no logs.
 *
 * It is not a product: it shows how much of (a)'s throughput a process hop costs on this machine
 * before any gateway feature, so (b)'s ratio can be read against what is physically reachable.
 * Run as its own process: PASS_THROUGH_PORT, PASS_THROUGH_UPSTREAM, TESSELYS_ACCESS_TOKEN,
 * TESSELYS_COMPANY_TOKEN.
 */
import { createServer } from 'node:http';
import { Agent, request } from 'undici';
import { tesselysPageToLeads } from '../src/providers/tesselys/tesselys.mapper';

const upstream = process.env.PASS_THROUGH_UPSTREAM!;
const headers = { authorization: `Bearer ${process.env.TESSELYS_ACCESS_TOKEN}`, 'x-company-token': process.env.TESSELYS_COMPANY_TOKEN! };
const agent = new Agent({ connections: 64 });

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { filter?: { status?: string } } };
      const status = variables?.filter?.status ? `&status=${variables.filter.status}` : '';
      const answer = await request(`${upstream}/external/v1/leads?page=1&limit=20${status}`, { dispatcher: agent, headers });
      const page = tesselysPageToLeads(await answer.body.json());
      const edges = page.leads.map((node, offset) => ({ cursor: String(offset), node }));
      const body = JSON.stringify({ data: { leads: { totalCount: page.total, edges } } });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    })().catch(() => res.writeHead(502).end());
  });
}).listen(Number(process.env.PASS_THROUGH_PORT), '127.0.0.1');
