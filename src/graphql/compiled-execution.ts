/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter: graphql-jit turns one
 * operation into a JavaScript function once, and running that function skips graphql-js's per-field
 * bookkeeping. Why, what it costs, and how both engines are kept answering alike:
 * docs/decisions/graphql-engines.md.
 *
 * Apollo Server 5 takes a custom executor only through its `gateway` option, so this is a
 * "gateway" that serves one fixed, local schema. Apollo still parses, validates, runs every plugin
 * and formats errors exactly as before; only the execute step changes.
 *
 * Contract:
 * - At most `maxCompiled` compiled operations are kept, least recently used first out: a compiled
 *   operation is heavy, so an unbounded cache would be a way to fill the heap with distinct queries.
 * - A document is compiled on its `compileAfter`-th execution; before that graphql-js runs it, so a
 *   one-off query never pays for compiling. Uses are counted per parsed document (a WeakMap on
 *   Apollo's own document cache).
 * - An operation that selects more than `maxFields` fields (each place a field appears counted,
 *   fragments where they are spread) is never compiled: graphql-jit writes code for every one of
 *   them, so a document of many aliases (ten `lead(id)` with every field: ~150 KB of source and
 *   ~0.7 MB of heap) costs memory in proportion to its size, while what compiling saves grows with
 *   the objects a field runs for, which lists give and aliases do not.
 * - Variables are coerced by graphql-js first, so a bad variable gets graphql-js's exact error (and
 *   Apollo's 400 BAD_USER_INPUT), whichever engine then runs the operation. The compiled operation
 *   receives those coerced values: graphql-jit's own coercion skips the default of a non-null
 *   input field (`LeadOrder.direction`), and re-coercing our inputs (strings, numbers, enums whose
 *   values are their names) changes nothing.
 * - Errors leave as graphql-js GraphQLErrors: graphql-jit's own have a read-only message, which
 *   Apollo plugins (the production message filter) rewrite.
 * - These always run on graphql-js:
 *   - mutations: graphql-js stops at the first failed mutation field, and a write must not run
 *     after an earlier one in the same request failed; they are not where the load is either;
 *   - operations that resolve entity references (`_entities`): when one reference in the list
 *     fails last, graphql-jit 0.8 returns the list one item short (test/federation/subgraph.test.ts),
 *     and a supergraph router matches entities by position;
 *   - requests asking for a federated trace (`apollo-federation-include-trace: ftv1`): the trace
 *     plugin times fields by wrapping their resolvers, which compiled code reading plain
 *     properties would skip;
 *   - a request Apollo could not match to one operation: graphql-js raises the usual error.
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  BREAK,
  execute,
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { SharedExecutions } from './shared-executions';

export interface CompiledExecutionOptions {
  /** Executions of a document before it is compiled: 1 compiles on first use, 0 never compiles. Default 2. */
  compileAfter?: number;
  /** Compiled operations kept (least recently used dropped first). Default 100. */
  maxCompiled?: number;
  /** Largest operation compiled, in fields selected; a larger one always runs on graphql-js. Default 100. */
  maxFields?: number;
  /**
   * Identical queries in flight share one execution (shared-executions.ts): `keyOf` names the
   * requests that may share (undefined: run alone); every mutation retires the executions in flight.
   */
  sharing?: {
    executions: SharedExecutions;
    keyOf(request: Parameters<GatewayExecutor>[0]): string | undefined;
    /** Fires when the request's client goes away (its provider calls are then cancelled). */
    signalOf(request: Parameters<GatewayExecutor>[0]): AbortSignal | undefined;
  };
}

/** The default of `maxFields`: bench (b)'s page with every Lead field selects 27. */
export const DEFAULT_MAX_COMPILED_FIELDS = 100;

/** A use count meaning "too large to compile": counted once per document, never again. */
const NEVER = -1;

export interface CompiledExecution extends GatewayInterface {
  /** Operations compiled so far (for tests and diagnostics). */
  readonly compiledCount: number;
  /** Compiled operations held now. */
  readonly cachedCount: number;
}

const TRACE_HEADER = 'apollo-federation-include-trace';

export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions = {}): CompiledExecution {
  const compileAfter = options.compileAfter ?? 2;
  const maxCompiled = Math.max(1, options.maxCompiled ?? 100);
  const maxFields = options.maxFields ?? DEFAULT_MAX_COMPILED_FIELDS;
  /** Executions so far, per document and operation name, until compiled. */
  const uses = new WeakMap<DocumentNode, Map<string, number>>();
  /** Insertion order is recency order: a hit is moved to the end, the first entry is the oldest. */
  const compiled = new Map<DocumentNode, Map<string, CompiledQuery>>();
  let compiledCount = 0;
  let cachedCount = 0;

  function cached(document: DocumentNode, key: string): CompiledQuery | undefined {
    const perDocument = compiled.get(document);
    const query = perDocument?.get(key);
    if (!query) return undefined;
    compiled.delete(document);
    compiled.set(document, perDocument!);
    return query;
  }

  function remember(document: DocumentNode, key: string, query: CompiledQuery): void {
    const perDocument = compiled.get(document) ?? new Map<string, CompiledQuery>();
    perDocument.set(key, query);
    compiled.delete(document);
    compiled.set(document, perDocument);
    cachedCount++;
    while (cachedCount > maxCompiled) {
      const [oldest, queries] = compiled.entries().next().value as [DocumentNode, Map<string, CompiledQuery>];
      compiled.delete(oldest);
      cachedCount -= queries.size;
    }
  }

  /** The compiled operation when this document has earned one; undefined means "interpret". */
  function compiledFor(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null,
  ): CompiledQuery | undefined {
    if (compileAfter === 0) return undefined;
    const key = operationName ?? '';
    const ready = cached(document, key);
    if (ready) return ready;
    let counts = uses.get(document);
    if (!counts) uses.set(document, (counts = new Map()));
    const count = counts.get(key) ?? 0;
    if (count === NEVER) return undefined;
    const seen = count + 1;
    if (seen < compileAfter) {
      counts.set(key, seen);
      return undefined;
    }
    if (selectedFields(document, operation) > maxFields) {
      counts.set(key, NEVER);
      return undefined;
    }
    counts.delete(key);
    // Apollo has validated the document, so compiling does not fail; if it did, graphql-js decides.
    const result = compileQuery(schema, document, operationName ?? undefined);
    if (!isCompiledQuery(result)) return undefined;
    compiledCount++;
    remember(document, key, result);
    return result;
  }

  const interpret = (request: Parameters<GatewayExecutor>[0]) =>
    execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: request.request.variables ?? {},
      // The name the client sent: Apollo's `request.operationName` is null when it matched no
      // operation, and graphql-js would then run a one-operation document's only operation.
      operationName: request.request.operationName ?? request.operationName,
    });

  const sharing = options.sharing;

  /** A query, compiled once it has earned it; `plain` ones (traced, entities) always interpreted. */
  const runQuery = async (request: Parameters<GatewayExecutor>[0], operation: OperationDefinitionNode, plain: boolean) => {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.request.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    const query = plain ? undefined : compiledFor(request.document, operation, request.operationName);
    if (!query) return interpret(request);
    return asGraphqlJsErrors(await query.query(undefined, request.context, coerced.coerced));
  };

  const executor: GatewayExecutor = async (request) => {
    const operation = request.operation as (typeof request)['operation'] | undefined;
    if (!operation || operation.operation !== 'query') {
      try {
        return await interpret(request);
      } finally {
        // Whatever its outcome, a mutation may have changed what queries return: later ones start afresh.
        if (operation?.operation === 'mutation') sharing?.executions.invalidate();
      }
    }
    const plain = request.request.http?.headers.get(TRACE_HEADER) === 'ftv1' || resolvesEntities(request.document);
    const key = plain ? undefined : sharing?.keyOf(request);
    if (key === undefined) return runQuery(request, operation, plain);
    return sharing!.executions.run(key, sharing!.signalOf(request), () => runQuery(request, operation, plain));
  };

  return {
    get compiledCount() {
      return compiledCount;
    },
    get cachedCount() {
      return cachedCount;
    },
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      // The schema never changes while the process runs.
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}

/** graphql-jit's errors as graphql-js GraphQLErrors: same message, locations, path, cause and extensions. */
function asGraphqlJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
    // graphql-jit reports positions as locations only (no AST nodes to derive them from).
    if (error.locations) (copy as { locations?: unknown }).locations = error.locations;
    return copy;
  });
  return { ...result, errors };
}

/**
 * Fields `operation` selects: every field node, a fragment counted at each spread, as graphql-jit
 * writes code for it there. Linear in the document: each fragment is sized once. A fragment cycle
 * (which validation refuses anyway) counts as empty.
 */
export function selectedFields(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const sizes = new Map<string, number>();
  const count = (selections: SelectionSetNode | undefined, path: Set<string>): number => {
    let fields = 0;
    for (const selection of selections?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields += 1 + count(selection.selectionSet, path);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fields += count(selection.selectionSet, path);
      else {
        const name = selection.name.value;
        if (path.has(name)) continue;
        let size = sizes.get(name);
        if (size === undefined) {
          path.add(name);
          size = count(fragments.get(name)?.selectionSet, path);
          path.delete(name);
          sizes.set(name, size);
        }
        fields += size;
      }
    }
    return fields;
  };
  return count(operation.selectionSet, new Set());
}

const entityResolution = new WeakMap<DocumentNode, boolean>();

/** Whether the document selects `_entities` anywhere (aliased, or in any fragment or operation). */
function resolvesEntities(document: DocumentNode): boolean {
  let found = entityResolution.get(document);
  if (found !== undefined) return found;
  found = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== '_entities') return undefined;
      found = true;
      return BREAK;
    },
  });
  entityResolution.set(document, found);
  return found;
}
