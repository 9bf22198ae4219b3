/**
 * Lead records on both stores: upsert and read back, tenant isolation, and list() ordering that is
 * the same on SQLite and PostgreSQL (byte order for titles whatever the database locale, missing
 * titles last ascending, ties by id in the same direction), paged by offset.
 */
import { sql } from 'kysely';
import type { LeadRecordInput } from '../../src/store/lead-record-repository';
import type { Store } from '../../src/store/store';
import { describeEachStore } from './support/store-targets';

function record(id: string, title: string | null, createdAt: number, overrides: Partial<LeadRecordInput> = {}): LeadRecordInput {
  return {
    tenant: 'acme',
    provider: 'KEYSPOT',
    providerLeadId: id,
    lead: { id: `keyspot:${id}`, contact: { name: 'João Pereira', email: `joao.${id}@example.com.br` } },
    status: 'NEW_LEAD',
    title,
    createdAt: new Date(createdAt),
    updatedAt: new Date(createdAt),
    ...overrides,
  };
}

async function ids(store: Store, field: 'CREATED_AT' | 'TITLE', direction: 'ASC' | 'DESC', offset = 0, limit = 100): Promise<string[]> {
  const page = await store.leadRecords.list('acme', 'KEYSPOT', { orderBy: { field, direction }, offset, limit });
  return page.items.map((item) => item.providerLeadId);
}

describeEachStore('lead records', (target) => {
  beforeEach(() => target().reset());

  test('upsert stores a record; a second upsert replaces it; another tenant cannot read it', async () => {
    const store = await target().open();
    await store.leadRecords.upsert(record('k1', null, 1000));
    expect(await store.leadRecords.get('acme', 'KEYSPOT', 'k1')).toMatchObject({
      providerLeadId: 'k1',
      title: null,
      status: 'NEW_LEAD',
      createdAt: new Date(1000),
      lead: { id: 'keyspot:k1', contact: { name: 'João Pereira', email: 'joao.k1@example.com.br' } },
    });
    await store.leadRecords.upsert(record('k1', null, 1000, { status: 'CONTACTED', updatedAt: new Date(5000), lead: { v: 2 } }));
    expect(await store.leadRecords.get('acme', 'KEYSPOT', 'k1')).toMatchObject({
      status: 'CONTACTED',
      updatedAt: new Date(5000),
      lead: { v: 2 },
    });
    expect(await store.leadRecords.get('globex', 'KEYSPOT', 'k1')).toBeUndefined();
    expect(await store.leadRecords.get('acme', 'TESSELYS', 'k1')).toBeUndefined();
  });

  test('list orders by creation time, ties by id in the same direction, paged by offset, with the total', async () => {
    const store = await target().open();
    for (const [id, at] of [
      ['b', 2000],
      ['a', 2000],
      ['c', 1000],
      ['d', 3000],
    ] as const)
      await store.leadRecords.upsert(record(id, null, at));
    await store.leadRecords.upsert(record('other-tenant', null, 0, { tenant: 'globex' }));
    expect(await ids(store, 'CREATED_AT', 'ASC')).toEqual(['c', 'a', 'b', 'd']);
    expect(await ids(store, 'CREATED_AT', 'DESC')).toEqual(['d', 'b', 'a', 'c']);
    expect(await ids(store, 'CREATED_AT', 'DESC', 1, 2)).toEqual(['b', 'a']);
    const page = await store.leadRecords.list('acme', 'KEYSPOT', {
      orderBy: { field: 'CREATED_AT', direction: 'ASC' },
      offset: 3,
      limit: 5,
    });
    expect(page.totalCount).toBe(4);
    expect(page.items).toHaveLength(1);
  });

  test('list orders titles by bytes on both stores, missing titles last ascending and first descending', async () => {
    const store = await target().open();
    const titles: Array<[string, string | null]> = [
      ['1', 'apple'],
      ['2', 'Zebra'],
      ['3', 'Árvore'],
      ['4', null],
      ['5', 'apple'],
      ['6', 'Banana'],
    ];
    for (const [id, title] of titles) await store.leadRecords.upsert(record(id, title, 1000));
    expect(await ids(store, 'TITLE', 'ASC')).toEqual(['6', '2', '1', '5', '3', '4']);
    expect(await ids(store, 'TITLE', 'DESC')).toEqual(['4', '3', '5', '1', '2', '6']);
  });

  test('list filters by status', async () => {
    const store = await target().open();
    await store.leadRecords.upsert(record('n', null, 1000));
    await store.leadRecords.upsert(record('c', null, 2000, { status: 'CONTACTED' }));
    const page = await store.leadRecords.list('acme', 'KEYSPOT', {
      status: 'CONTACTED',
      orderBy: { field: 'CREATED_AT', direction: 'ASC' },
      offset: 0,
      limit: 10,
    });
    expect(page.items.map((item) => item.providerLeadId)).toEqual(['c']);
    expect(page.totalCount).toBe(1);
  });

  test('the lead is ciphertext in the raw table', async () => {
    const store = await target().open();
    await store.leadRecords.upsert(record('k1', null, 1000));
    const raw = await sql<Record<string, unknown>>`select * from lead_records`.execute(store.db);
    expect(JSON.stringify(raw.rows)).not.toContain('joao');
    expect(JSON.stringify(raw.rows)).not.toContain('Pereira');
  });
});
