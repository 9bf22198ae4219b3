/**
 * What an operation may cost before it runs: every field counts 1, and a field that pages
 * (`first`/`last`) multiplies what it selects by the page size it asks for, so
 * `leads(first: 100) { nodes { … } }` costs a hundred times its node selection. Computed once the
 * operation and its variables are known, before any resolver (and so any provider) is called.
 * graphql-armor's own cost rule cannot see arguments, hence this one.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The page size a paging field is assumed to return when the operation does not say. */
export const DEFAULT_PAGE_SIZE = 20;
const PAGE_ARGUMENTS = ['first', 'last'];

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  // A fragment spread many times (or spreading others many times) is costed once per type.
  const fragmentCosts = new Map<string, number>();

  const pageSize = (field: GraphQLField<unknown, unknown>, node: { arguments?: readonly { name: { value: string }; value: any }[] }) => {
    if (!field.args.some((arg) => PAGE_ARGUMENTS.includes(arg.name))) return 1;
    let size: number | undefined;
    for (const name of PAGE_ARGUMENTS) {
      const argument = node.arguments?.find((arg) => arg.name.value === name);
      const value = argument ? valueFromASTUntyped(argument.value, variables) : undefined;
      if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, value);
    }
    if (size !== undefined) return Math.max(1, size);
    const declared = field.args.find((arg) => PAGE_ARGUMENTS.includes(arg.name) && typeof arg.defaultValue === 'number');
    return (declared?.defaultValue as number | undefined) ?? DEFAULT_PAGE_SIZE;
  };

  const costOf = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType | undefined): number => {
    if (!selectionSet || !parent) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        // Introspection is governed by INTROSPECTION, and __typename is free.
        if (name.startsWith('__')) continue;
        const field = fieldOf(parent, name);
        if (!field) continue;
        const child = getNamedType(field.type) as GraphQLCompositeType;
        total += 1 + pageSize(field, selection) * costOf(selection.selectionSet, child);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        total += costOf(selection.selectionSet, type);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const key = fragment.name.value;
        if (!fragmentCosts.has(key))
          fragmentCosts.set(key, costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType));
        total += fragmentCosts.get(key)!;
      }
    }
    return total;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return costOf(operation.selectionSet, root ?? undefined);
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return 'getFields' in type ? type.getFields()[name] : undefined;
}

/** Refuses an operation above `maxCost`; in production without saying the limit or the cost. */
export function operationCostPlugin(maxCost: number, production: boolean): ApolloServerPlugin<any> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost <= maxCost) return;
          throw new GraphQLError(
            production ? 'Operation rejected: it would cost too much.' : `Operation cost limit of ${maxCost} exceeded, found ${cost}.`,
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
