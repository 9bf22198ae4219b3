/**
 * Property: over random mixed sets (Keyspot-like records without titles, Tesselys-like leads with
 * accented titles, equal createdAt values across providers), every forward and backward walk with
 * random page sizes 1..25, in both orders and both fields, visits the merged listing exactly once
 * in order, with totalCount and hasNextPage/hasPreviousPage right at both ends; and any window
 * from any cursor is the matching slice. Sources are in-memory, each sorted as its provider sorts.
 */
import fc from 'fast-check';
import { LeadOrderField, OrderDirection } from '../../src/leads/enums/lead-order.enums';
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';
import { fingerprintOf } from '../../src/leads/pagination/cursor';
import { leadOrder } from '../../src/leads/pagination/lead-order';
import { type ConnectionArgs, pageLeads, type PageSource } from '../../src/leads/pagination/lead-paging';
import { ListingTotals } from '../../src/leads/pagination/listing-totals';
import type { Lead } from '../../src/leads/types/lead.type';
import type { LeadConnection } from '../../src/leads/types/lead-connection.type';

const TITLES = ['Ótica', 'otica', 'Obra', 'abacate', 'Árvore', 'Zebra', 'casa', 'Casa', 'ônibus', 'padaria'];
const TIMES = [1, 2, 3, 4, 5].map((minute) => new Date(Date.UTC(2026, 0, 1, 0, minute)));

interface Spec {
  keyspot: Array<{ id: string; time: number }>;
  tesselys: Array<{ id: string; time: number; title: number }>;
}

function lead(provider: LeadProvider, id: string, createdAt: Date, title: string | null): Lead {
  return { id: `${provider.toLowerCase()}:${id}`, provider, providerLeadId: id, title, createdAt } as Lead;
}

const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/);
const specArb: fc.Arbitrary<Spec> = fc.record({
  keyspot: fc.uniqueArray(fc.record({ id: idArb, time: fc.nat(TIMES.length - 1) }), { maxLength: 30, selector: (r) => r.id }),
  tesselys: fc.uniqueArray(fc.record({ id: idArb, time: fc.nat(TIMES.length - 1), title: fc.nat(TITLES.length - 1) }), {
    maxLength: 30,
    selector: (r) => r.id,
  }),
});

/** A source holding `leads` in `order` (as its provider sorts them), with a cost counter. */
function sourceOf(leads: Lead[], order: (a: Lead, b: Lead) => number, name: string): PageSource & { fetches: number } {
  const sorted = [...leads].sort(order);
  const source = {
    fetches: 0,
    fingerprint: name,
    totals: new ListingTotals(),
    fetch: async (window: { offset: number; limit: number }, reversed = false) => {
      source.fetches++;
      const ordered = reversed ? [...sorted].reverse() : sorted;
      return { leads: ordered.slice(window.offset, window.offset + window.limit), total: sorted.length };
    },
  };
  return source;
}

function setup(spec: Spec, field: LeadOrderField, direction: OrderDirection) {
  const keyspot = spec.keyspot.map((r) => lead(LeadProvider.KEYSPOT, r.id, TIMES[r.time]!, null));
  const tesselys = spec.tesselys.map((r) => lead(LeadProvider.TESSELYS, r.id, TIMES[r.time]!, TITLES[r.title]!));
  const compare = leadOrder(field, direction);
  const sources = [sourceOf(keyspot, compare, 'k'), sourceOf(tesselys, compare, 't')];
  const expected = [...keyspot, ...tesselys].sort(compare).map((l) => l.id);
  const fingerprint = fingerprintOf({ field, direction });
  const page = (args: ConnectionArgs): Promise<LeadConnection> => pageLeads({ args, sources, compare, fingerprint });
  return { sources, expected, page };
}

const ids = (connection: LeadConnection): string[] => connection.nodes.map((n) => n.id);
const fieldArb = fc.constantFrom(LeadOrderField.CREATED_AT, LeadOrderField.TITLE);
const directionArb = fc.constantFrom(OrderDirection.ASC, OrderDirection.DESC);
const sizesArb = fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 70 });

test('forward and backward walks visit every lead once, in order, with the right totals and page flags', async () => {
  await fc.assert(
    fc.asyncProperty(specArb, fieldArb, directionArb, sizesArb, async (spec, field, direction, sizes) => {
      const { sources, expected, page } = setup(spec, field, direction);
      const total = expected.length;

      const forward: string[] = [];
      let after: string | null = null;
      for (let step = 0; ; step++) {
        const size = sizes[step % sizes.length]!;
        const before = sources.map((s) => s.fetches);
        const result: LeadConnection = await page({ first: size, after });
        // The bound: each source fetched once per page (no cursor here points past a known total).
        sources.forEach((s, i) => expect(s.fetches - before[i]!).toBe(1));
        expect(result.totalCount).toBe(total);
        expect(ids(result)).toEqual(expected.slice(forward.length, forward.length + size));
        expect(result.pageInfo.hasPreviousPage).toBe(step > 0 && result.nodes.length > 0);
        forward.push(...ids(result));
        expect(result.pageInfo.hasNextPage).toBe(forward.length < total);
        if (!result.pageInfo.hasNextPage) break;
        after = result.pageInfo.endCursor;
      }
      expect(forward).toEqual(expected);

      const backward: string[] = [];
      let beforeCursor: string | null = null;
      for (let step = 0; ; step++) {
        const size = sizes[(sizes.length - 1 - (step % sizes.length) + sizes.length) % sizes.length]!;
        const result: LeadConnection = await page(beforeCursor === null ? { last: size } : { last: size, before: beforeCursor });
        expect(result.totalCount).toBe(total);
        const end = total - backward.length;
        expect(ids(result)).toEqual(expected.slice(Math.max(0, end - size), end));
        expect(result.pageInfo.hasNextPage).toBe(step > 0 && backward.length < total);
        backward.unshift(...ids(result));
        expect(result.pageInfo.hasPreviousPage).toBe(backward.length < total);
        if (!result.pageInfo.hasPreviousPage) break;
        beforeCursor = result.pageInfo.startCursor;
      }
      expect(backward).toEqual(expected);
    }),
    { numRuns: 150 },
  );
});

test('from any cursor, first/after and last/before are the slices just after and just before it', async () => {
  await fc.assert(
    fc.asyncProperty(
      specArb.filter((spec) => spec.keyspot.length + spec.tesselys.length > 0),
      fieldArb,
      directionArb,
      fc.nat(),
      fc.integer({ min: 1, max: 25 }),
      async (spec, field, direction, pick, size) => {
        const { expected, page } = setup(spec, field, direction);
        const all = await page({ first: 100 });
        const index = pick % expected.length;
        const cursor = all.edges[index]!.cursor;
        const after = await page({ first: size, after: cursor });
        expect(ids(after)).toEqual(expected.slice(index + 1, index + 1 + size));
        expect(after.pageInfo.hasNextPage).toBe(index + 1 + size < expected.length);
        const before = await page({ last: size, before: cursor });
        expect(ids(before)).toEqual(expected.slice(Math.max(0, index - size), index));
        expect(before.pageInfo.hasPreviousPage).toBe(index - size > 0);
        // The edge's own cursor survives a round trip through another window.
        const again = before.edges.at(-1)?.cursor;
        if (again) expect(ids(await page({ first: 1, after: again }))).toEqual([expected[index]]);
      },
    ),
    { numRuns: 200 },
  );
});
