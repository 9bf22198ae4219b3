/**
 * What bench/pass-through.ts (f) and bench/graphql-floor.ts (h) share, so that the two references
 * make the same upstream call and answer the same way and differ only in what each adds: a JSON
 * POST server on PASS_THROUGH_PORT, and the one Tesselys GET each makes per request
 * (PASS_THROUGH_UPSTREAM, TESSELYS_ACCESS_TOKEN, TESSELYS_COMPANY_TOKEN), mapped with LeadGraph's
 * own Tesselys mapper.
 */
import { createServer } from 'node:http';
import { Agent, request } from 'undici';
import { tesselysPageToLeads } from '../src/providers/tesselys/tesselys.mapper';

const upstream = process.env.PASS_THROUGH_UPSTREAM!;
const headers = { authorization: `Bearer ${process.env.TESSELYS_ACCESS_TOKEN}`, 'x-company-token': process.env.TESSELYS_COMPANY_TOKEN! };
const agent = new Agent({ connections: 64 });

/** Page 1 of 20 Tesselys leads, with `status` when given, over a keep-alive pool; mapped. */
export async function firstTesselysPage(status: string | undefined): Promise<ReturnType<typeof tesselysPageToLeads>> {
  const answer = await request(`${upstream}/external/v1/leads?page=1&limit=20${status ? `&status=${status}` : ''}`, {
    dispatcher: agent,
    headers,
  });
  return tesselysPageToLeads(await answer.body.json());
}

/** Serves each POST's parsed JSON body to `answer` and writes what it returns as a 200, or a 502 when it throws. */
export function serveJson(answer: (body: unknown) => Promise<string>): void {
  createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = await answer(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      })().catch(() => res.writeHead(502).end());
    });
  }).listen(Number(process.env.PASS_THROUGH_PORT), '127.0.0.1');
}
