/**
 * Builds, from the client-facing schema itself, one operation per root field that takes another
 * tenant's ids: every ID argument gets the id, other required arguments a value from `fills`, and
 * the selection is every field reachable (to a small depth) without required arguments. A root
 * field added later is covered without editing the test; one whose required argument cannot be
 * filled makes the generator throw, so the test must be taught about it.
 */
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

export interface SweepOperation {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

function selectionOf(type: GraphQLNamedType, schema: GraphQLSchema, depth: number): string {
  if (isLeafType(type)) return '';
  if (depth === 0) return '{ __typename }';
  const parts = ['__typename'];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((arg) => isNonNullType(arg.type))) continue;
      const named = getNamedType(field.type);
      parts.push(isLeafType(named) ? field.name : `${field.name} ${selectionOf(named, schema, depth - 1)}`);
    }
  }
  if (isInterfaceType(type) || isUnionType(type)) {
    for (const possible of schema.getPossibleTypes(type)) parts.push(`... on ${possible.name} ${selectionOf(possible, schema, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

export function sweepOperations(
  schema: GraphQLSchema,
  ids: readonly string[],
  fills: Record<string, unknown>,
  skip: ReadonlySet<string>,
): SweepOperation[] {
  const operations: SweepOperation[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields()) as Array<GraphQLField<unknown, unknown>>) {
      if (skip.has(field.name) || field.name.startsWith('_')) continue;
      const idArgs = field.args.filter((arg) => getNamedType(arg.type).name === 'ID');
      const values = (id: string) => {
        const variables: Record<string, unknown> = {};
        for (const arg of field.args) {
          if (idArgs.includes(arg)) variables[arg.name] = id;
          else if (`${field.name}.${arg.name}` in fills) variables[arg.name] = fills[`${field.name}.${arg.name}`];
          else if (isNonNullType(arg.type)) throw new Error(`The sweep cannot fill ${kind} ${field.name}(${arg.name}); add it to fills`);
        }
        return variables;
      };
      const declared = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
      const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const query = `${kind} Sweep${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionOf(getNamedType(field.type), schema, 4)} }`;
      for (const id of idArgs.length ? ids : ['']) operations.push({ field: field.name, query, variables: values(id) });
    }
  }
  return operations;
}
