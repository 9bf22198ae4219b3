/**
 * What an operation may cost before it runs: every field counts 1, and a field that pages
 * (`first`/`last`) multiplies what it selects by the page size it asks for, so
 * `leads(first: 100) { nodes { … } }` costs a hundred times its node selection. Computed once the
 * operation and its variables are known, before any resolver (and so any provider) is called.
 * graphql-armor's own cost rule cannot see arguments, hence this one.
 *
 * Variables the request leaves out take the operation's declared defaults, as they will when it
 * runs: `query($n: Int = 100)` pages by 100, not by the fallback. Federation's
 * `_entities(representations:)` reads one lead per representation, so each representation costs
 * at least what `lead(id:)` does, and an operation may carry at most MAX_REPRESENTATIONS of them:
 * otherwise one small request would fan out into thousands of upstream reads.
 */
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
  type ValueNode,
} from 'graphql';

/** The page size a paging field is assumed to return when the operation does not say. */
export const DEFAULT_PAGE_SIZE = 20;
/** The most `_entities` representations one operation may carry (summed over its `_entities` fields). */
export const MAX_REPRESENTATIONS = 100;
const PAGE_ARGUMENTS = ['first', 'last'];
const ENTITIES_FIELD = '_entities';
const REPRESENTATIONS_ARGUMENT = 'representations';

export interface OperationWeight {
  cost: number;
  /** `_entities` representations the operation carries, each one an upstream read. */
  representations: number;
}

type ArgumentNodes = { arguments?: readonly { name: { value: string }; value: ValueNode }[] };

/** The request's variables over the operation's declared defaults (an explicit null stays null). */
export function variablesWithDefaults(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue) merged[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  for (const [name, value] of Object.entries(variables)) if (value !== undefined) merged[name] = value;
  return merged;
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  return operationWeight(schema, document, operation, variables).cost;
}

export function operationWeight(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  requestVariables: Record<string, unknown> = {},
): OperationWeight {
  const variables = variablesWithDefaults(operation, requestVariables);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  // A fragment spread many times (or spreading others many times) is weighed once per type.
  const fragmentWeights = new Map<string, OperationWeight>();

  const argumentValue = (node: ArgumentNodes, name: string): unknown => {
    const argument = node.arguments?.find((arg) => arg.name.value === name);
    return argument ? valueFromASTUntyped(argument.value, variables) : undefined;
  };

  const pageSize = (field: GraphQLField<unknown, unknown>, node: ArgumentNodes) => {
    if (!field.args.some((arg) => PAGE_ARGUMENTS.includes(arg.name))) return 1;
    let size: number | undefined;
    for (const name of PAGE_ARGUMENTS) {
      const value = argumentValue(node, name);
      if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, value);
    }
    if (size !== undefined) return Math.max(1, size);
    const declared = field.args.find((arg) => PAGE_ARGUMENTS.includes(arg.name) && typeof arg.defaultValue === 'number');
    return (declared?.defaultValue as number | undefined) ?? DEFAULT_PAGE_SIZE;
  };

  // A single value where a list is expected is coerced to a list of one.
  const representationsIn = (node: ArgumentNodes): number => {
    const value = argumentValue(node, REPRESENTATIONS_ARGUMENT);
    if (Array.isArray(value)) return value.length;
    return value === undefined || value === null ? 0 : 1;
  };

  const weigh = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType | undefined): OperationWeight => {
    const total: OperationWeight = { cost: 0, representations: 0 };
    if (!selectionSet || !parent) return total;
    const add = (weight: OperationWeight) => {
      total.cost += weight.cost;
      total.representations += weight.representations;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        // Introspection is governed by INTROSPECTION, and __typename is free.
        if (name.startsWith('__')) continue;
        const field = fieldOf(parent, name);
        if (!field) continue;
        const child = getNamedType(field.type) as GraphQLCompositeType;
        const inner = weigh(selection.selectionSet, child);
        if (name === ENTITIES_FIELD && field.args.some((arg) => arg.name === REPRESENTATIONS_ARGUMENT)) {
          // Each representation is a `lead(id:)` with this selection, and never cheaper than one with just `id`.
          const count = representationsIn(selection);
          add({ cost: 1 + count * (1 + Math.max(1, inner.cost)), representations: count + inner.representations });
        } else {
          const size = pageSize(field, selection);
          add({ cost: 1 + size * inner.cost, representations: size * inner.representations });
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        add(weigh(selection.selectionSet, type));
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const key = fragment.name.value;
        if (!fragmentWeights.has(key))
          fragmentWeights.set(key, weigh(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType));
        add(fragmentWeights.get(key)!);
      }
    }
    return total;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return weigh(operation.selectionSet, root ?? undefined);
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return 'getFields' in type ? type.getFields()[name] : undefined;
}

function refusal(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

/**
 * Refuses (throws) an operation above `maxCost` or carrying more than MAX_REPRESENTATIONS
 * representations; in production without saying the limit or the count. Transport-neutral: the
 * security pipeline runs it for every transport once the operation and its variables are known.
 */
export function checkOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limit: { maxCost: number; production: boolean },
): void {
  const { maxCost, production } = limit;
  const { cost, representations } = operationWeight(schema, document, operation, variables);
  if (representations > MAX_REPRESENTATIONS)
    throw refusal(
      production
        ? 'Operation rejected: it asks for too many entities.'
        : `Operation representations limit of ${MAX_REPRESENTATIONS} exceeded, found ${representations}.`,
    );
  if (cost > maxCost)
    throw refusal(
      production ? 'Operation rejected: it would cost too much.' : `Operation cost limit of ${maxCost} exceeded, found ${cost}.`,
    );
}
