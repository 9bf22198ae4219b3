/** `node(id)` dispatches on the id's kind through one table: a new kind (Part 2: "submission") is one row. */
import type { GatewayContext } from '../../src/graphql/context';
import { idKindOf } from '../../src/leads/mapping/global-id';
import { lookupNode, NODE_KINDS, type NodeLookup } from '../../src/leads/resolvers/node-kinds';

const context = {} as GatewayContext;

test('every provider is a lead kind, and "submission" the submissions kind', () => {
  expect([...NODE_KINDS.keys()].sort()).toEqual(['keyspot', 'submission', 'tesselys']);
});

test('idKindOf is the lower-cased prefix, undefined without one', () => {
  expect(idKindOf('Submission:abc')).toBe('submission');
  expect(idKindOf('tesselys:a:b')).toBe('tesselys');
  expect(idKindOf('nope')).toBeUndefined();
  expect(idKindOf(':x')).toBeUndefined();
  expect(idKindOf(`${'k'.repeat(33)}:x`)).toBeUndefined();
});

test('a kind added to the table is dispatched to its lookup with the whole id', async () => {
  const seen: string[] = [];
  const invoice: NodeLookup = async (id) => {
    seen.push(id);
    return { id };
  };
  const kinds = new Map([...NODE_KINDS, ['invoice', invoice]]);
  await expect(lookupNode('invoice:42', context, kinds)).resolves.toEqual({ id: 'invoice:42' });
  expect(seen).toEqual(['invoice:42']);
});

test('an unknown kind is BAD_USER_INPUT on id, never a lookup', async () => {
  await expect(lookupNode('invoice:42', context)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
});
