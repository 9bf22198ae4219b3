/**
 * The loader's concurrency cap, checked with reads the test settles by hand: how many are pending
 * at once is then exact, not a matter of timing.
 */
import { createLeadLoader, MAX_IN_FLIGHT } from '../../src/leads/service/lead.loader';
import type { Lead } from '../../src/leads/types/lead.type';

interface PendingRead {
  id: string;
  settle(lead: Lead | null | Error): void;
}

/** A loadOne whose reads stay pending until the test settles them. */
function manualReads() {
  const pending: PendingRead[] = [];
  let peak = 0;
  const loadOne = (id: string) =>
    new Promise<Lead | null>((resolve, reject) => {
      pending.push({ id, settle: (value) => (value instanceof Error ? reject(value) : resolve(value)) });
      peak = Math.max(peak, pending.length);
    });
  const settleAll = (value: (id: string) => Lead | null | Error) => {
    for (const read of pending.splice(0)) read.settle(value(read.id));
  };
  return { loadOne, pending, settleAll, peak: () => peak };
}

const lead = (id: string) => ({ id }) as Lead;
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

test(`at most ${MAX_IN_FLIGHT} reads are in flight per loader, across batches, and every key is read once`, async () => {
  const reads = manualReads();
  const loader = createLeadLoader(reads.loadOne);
  const ids = Array.from({ length: 30 }, (_, i) => `tesselys:l${i}`);
  const first = loader.loadMany(ids.slice(0, 20));
  await flush();
  const second = loader.loadMany([...ids.slice(10), ...ids.slice(0, 5)]);
  const seen = new Set<string>();
  while (reads.pending.length > 0) {
    expect(reads.pending.length).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    for (const read of reads.pending) {
      expect(seen.has(read.id)).toBe(false);
      seen.add(read.id);
    }
    reads.settleAll((id) => (id.endsWith('7') ? null : lead(id)));
    await flush();
  }
  expect(reads.peak()).toBe(MAX_IN_FLIGHT);
  expect(seen.size).toBe(30);
  expect(await first).toEqual(ids.slice(0, 20).map((id) => (id.endsWith('7') ? null : lead(id))));
  expect((await second).slice(-5)).toEqual(ids.slice(0, 5).map(lead));
});

test('a failing read fails its own key only and frees its slot', async () => {
  const reads = manualReads();
  const loader = createLeadLoader(reads.loadOne, 2);
  const results = Promise.allSettled(['a', 'b', 'c'].map((id) => loader.load(`tesselys:${id}`)));
  await flush();
  expect(reads.pending.map((read) => read.id)).toEqual(['tesselys:a', 'tesselys:b']);
  reads.settleAll((id) => (id === 'tesselys:a' ? new Error('boom') : lead(id)));
  await flush();
  expect(reads.pending.map((read) => read.id)).toEqual(['tesselys:c']);
  reads.settleAll(lead);
  const [a, b, c] = await results;
  expect(a).toMatchObject({ status: 'rejected', reason: { message: 'boom' } });
  expect(b).toEqual({ status: 'fulfilled', value: lead('tesselys:b') });
  expect(c).toEqual({ status: 'fulfilled', value: lead('tesselys:c') });
});
