/**
 * The compiled executor on a small schema: when a document gets compiled, that compiled and
 * interpreted runs answer alike, and the cases that must stay on graphql-js.
 */
import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema, getOperationAST, GraphQLError, parse, type DocumentNode } from 'graphql';
import { compiledExecution, selectedFields, type CompiledExecution } from '../../src/graphql/compiled-execution';

const schema = buildSchema(`
  enum Direction { ASC DESC }
  input Order { field: String! = "createdAt"  direction: Direction! = DESC }
  type Item { id: ID!  tags: [String!]! }
  type Query { items(order: Order, first: Int = 2): [Item!]!  echo(order: Order!): String!  _entities: [Item]  fails: String }
  type Mutation { touch: String }
`);
const rootFields = {
  items: (_source: unknown, args: { first: number }) =>
    Array.from({ length: args.first }, (_, i) => ({ id: `item-${i}`, tags: i % 2 ? ['odd'] : [] })),
  echo: (_source: unknown, args: { order: { field: string; direction: string } }) => `${args.order.field} ${args.order.direction}`,
  _entities: () => [],
  fails: () => {
    throw new GraphQLError('the provider said no', { extensions: { code: 'PROVIDER_REJECTED' } });
  },
};
for (const [name, resolve] of Object.entries(rootFields)) schema.getQueryType()!.getFields()[name]!.resolve = resolve as never;
schema.getMutationType()!.getFields().touch!.resolve = () => 'touched';

async function executorOf(engine: CompiledExecution): Promise<GatewayExecutor> {
  const { executor } = await engine.load({ apollo: {} });
  return executor!;
}

function run(
  executor: GatewayExecutor,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  operationName: string | null = null,
): ReturnType<GatewayExecutor> {
  const request = {
    document,
    operation: getOperationAST(document, operationName) ?? undefined,
    operationName,
    request: { variables, http: { method: 'POST', url: '/graphql', headers: new Map(Object.entries(headers)) } },
    context: {},
  };
  return executor(request as unknown as GatewayGraphQLRequestContext);
}

const LIST = parse('query ($first: Int) { items(first: $first) { id tags } }');

test('a document runs on graphql-js until its compileAfter-th execution, then compiled, with the same answers', async () => {
  const engine = compiledExecution(schema, { compileAfter: 2 });
  const executor = await executorOf(engine);
  const first = await run(executor, LIST, { first: 3 });
  expect(engine.compiledCount).toBe(0);
  const second = await run(executor, LIST, { first: 3 });
  expect(engine.compiledCount).toBe(1);
  const third = await run(executor, LIST, { first: 3 });
  expect(engine.compiledCount).toBe(1);
  const expected = {
    data: {
      items: [
        { id: 'item-0', tags: [] },
        { id: 'item-1', tags: ['odd'] },
        { id: 'item-2', tags: [] },
      ],
    },
  };
  expect(first).toEqual(expected);
  expect(second).toEqual(expected);
  expect(third).toEqual(expected);
});

test('compileAfter 0 never compiles', async () => {
  const engine = compiledExecution(schema, { compileAfter: 0 });
  const executor = await executorOf(engine);
  for (let i = 0; i < 3; i++)
    expect(await run(executor, LIST)).toEqual({
      data: {
        items: [
          { id: 'item-0', tags: [] },
          { id: 'item-1', tags: ['odd'] },
        ],
      },
    });
  expect(engine.compiledCount).toBe(0);
});

test('compiled operations see the defaults of non-null input fields a variable leaves out', async () => {
  const engine = compiledExecution(schema, { compileAfter: 1 });
  const executor = await executorOf(engine);
  const echo = parse('query ($order: Order!) { echo(order: $order) }');
  expect(await run(executor, echo, { order: { field: 'title' } })).toEqual({ data: { echo: 'title DESC' } });
  expect(await run(executor, echo, { order: { direction: 'ASC' } })).toEqual({ data: { echo: 'createdAt ASC' } });
  expect(engine.compiledCount).toBe(1);
});

test('a bad variable gets graphql-js’s own message (what Apollo turns into 400 BAD_USER_INPUT), and no data', async () => {
  const engine = compiledExecution(schema, { compileAfter: 1 });
  const executor = await executorOf(engine);
  const echo = parse('query ($order: Order!) { echo(order: $order) }');
  const result = await run(executor, echo, { order: { direction: 'SIDEWAYS' } });
  expect(result.data).toBeUndefined();
  expect(result.errors?.map((e) => e.message)).toEqual([
    'Variable "$order" got invalid value "SIDEWAYS" at "order.direction"; Value "SIDEWAYS" does not exist in "Direction" enum.',
  ]);
  expect(result.errors?.[0]?.nodes?.[0]?.kind).toBe('VariableDefinition');
});

test('operations that resolve entity references, and traced requests, stay on graphql-js', async () => {
  const engine = compiledExecution(schema, { compileAfter: 1 });
  const executor = await executorOf(engine);
  const entities = parse('query { ...Entities } fragment Entities on Query { refs: _entities { id } }');
  expect(await run(executor, entities)).toEqual({ data: { refs: [] } });
  expect(await run(executor, entities)).toEqual({ data: { refs: [] } });
  expect(await run(executor, LIST, {}, { 'apollo-federation-include-trace': 'ftv1' })).toMatchObject({
    data: { items: expect.any(Array) },
  });
  expect(engine.compiledCount).toBe(0);
  await run(executor, LIST);
  expect(engine.compiledCount).toBe(1);
});

test('errors leave compiled operations as graphql-js GraphQLErrors that plugins may rewrite, with path, locations and extensions', async () => {
  const engine = compiledExecution(schema, { compileAfter: 1 });
  const executor = await executorOf(engine);
  const result = await run(executor, parse('{ fails items { id } }'));
  expect(engine.compiledCount).toBe(1);
  expect(result.data).toMatchObject({ fails: null, items: expect.any(Array) });
  const [error] = result.errors!;
  expect(error).toBeInstanceOf(GraphQLError);
  expect(error).toMatchObject({ message: 'the provider said no', path: ['fails'], locations: [{ line: 1, column: 3 }] });
  expect(error!.extensions).toEqual({ code: 'PROVIDER_REJECTED' });
  // Apollo plugins (the production message filter) assign to it.
  (error as { message: string }).message = 'rewritten';
  expect(error!.message).toBe('rewritten');
});

test('mutations, and documents Apollo could not match to one operation, run on graphql-js', async () => {
  const engine = compiledExecution(schema, { compileAfter: 1 });
  const executor = await executorOf(engine);
  expect(await run(executor, parse('mutation { touch }'))).toEqual({ data: { touch: 'touched' } });
  const twoOperations = parse('query A { __typename } query B { __typename }');
  const unknown = await run(executor, twoOperations, {}, {}, 'C');
  expect(unknown.errors?.map((e) => e.message)).toEqual(['Unknown operation named "C".']);
  expect(await run(executor, twoOperations, {}, {}, 'B')).toEqual({ data: { __typename: 'Query' } });
  expect(engine.compiledCount).toBe(1);
});

test('at most maxCompiled operations are kept: the least recently used is dropped, and compiled again when it returns', async () => {
  const engine = compiledExecution(schema, { compileAfter: 1, maxCompiled: 2 });
  const executor = await executorOf(engine);
  const [a, b, c] = [1, 2, 3].map((n) => parse(`{ items(first: ${n}) { id } }`));
  await run(executor, a!);
  await run(executor, b!);
  await run(executor, a!); // a is now the most recent
  await run(executor, c!); // drops b
  expect(engine.cachedCount).toBe(2);
  expect(engine.compiledCount).toBe(3);
  await run(executor, a!);
  expect(engine.compiledCount).toBe(3);
  expect(await run(executor, b!)).toEqual({ data: { items: [{ id: 'item-0' }, { id: 'item-1' }] } });
  expect(engine.compiledCount).toBe(4);
  expect(engine.cachedCount).toBe(2);
});

test('an operation selecting more than maxFields fields always runs on graphql-js, with the same answers; one at the limit is compiled', async () => {
  const engine = compiledExecution(schema, { compileAfter: 1, maxFields: 6 });
  const executor = await executorOf(engine);
  // 3 aliases × (items, id, tags) = 9 fields: interpreted, however often it runs.
  const large = parse('{ a: items { id tags } b: items { id tags } c: items { id tags } }');
  for (let i = 0; i < 3; i++)
    expect(await run(executor, large)).toEqual({
      data: Object.fromEntries(
        ['a', 'b', 'c'].map((alias) => [
          alias,
          [
            { id: 'item-0', tags: [] },
            { id: 'item-1', tags: ['odd'] },
          ],
        ]),
      ),
    });
  expect(engine.compiledCount).toBe(0);
  // 2 × 3 = 6 fields: compiled.
  await run(executor, parse('{ a: items { id tags } b: items { id tags } }'));
  expect(engine.compiledCount).toBe(1);
});

test.each([
  ['{ items { id tags } }', 3],
  ['{ a: items { id } b: items { id } }', 4],
  // A fragment counts at each place it is spread, and its inline fragments' fields count too.
  ['{ a: items { ...F } b: items { ...F } } fragment F on Item { id ... on Item { tags } }', 6],
  ['query A { items { id } } query B { echo(order: {}) }', 2],
])('selectedFields(%p) = %p', (text, fields) => {
  const document = parse(text);
  expect(selectedFields(document, getOperationAST(document, text.startsWith('query A') ? 'A' : null)!)).toBe(fields);
});
