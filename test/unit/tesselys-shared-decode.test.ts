/**
 * Requests that joined one shared Tesselys call get the same parsed answer; the adapter maps that
 * answer once and hands each of them the same leads. An equal answer from another call is mapped
 * afresh: sharing follows the answer object, never its content.
 */
import { LeadOrderField, OrderDirection } from '../../src/leads/enums/lead-order.enums';
import { silentLogger } from '../../src/logging/logger';
import { TesselysAdapter } from '../../src/providers/tesselys/tesselys.adapter';
import type { TesselysClient } from '../../src/providers/tesselys/tesselys.client';

const answer = () => ({
  data: [1, 2].map((n) => ({
    id: `lead-${n}`,
    title: `Lead ${n}`,
    status: 'NEW',
    createdAt: '2026-03-01T12:00:00.000Z',
    updatedAt: '2026-03-02T08:30:00.000Z',
  })),
  meta: { total: 2, page: 1, limit: 20, totalPages: 1 },
});
const query = { orderBy: LeadOrderField.CREATED_AT, direction: OrderDirection.DESC };

test('one answer object is mapped once for every request holding it; another answer object is mapped again', async () => {
  let next: unknown = answer();
  const client = { listLeads: async () => next } as unknown as TesselysClient;
  const [first, second] = [new TesselysAdapter(client, silentLogger()), new TesselysAdapter(client, silentLogger())];
  const window = { offset: 0, limit: 20 };
  const a = await first.listLeads(query, window);
  const b = await second.listLeads(query, window);
  expect(b.leads).toHaveLength(2);
  b.leads.forEach((lead, i) => expect(lead).toBe(a.leads[i]));

  next = answer();
  const c = await first.listLeads(query, window);
  expect(c.leads).toEqual(a.leads);
  expect(c.leads[0]).not.toBe(a.leads[0]);
});
