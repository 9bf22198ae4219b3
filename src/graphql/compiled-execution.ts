/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter (issue #7: execution was
 * the largest single share of a list operation's CPU). graphql-jit turns one operation into a
 * JavaScript function once; running that function skips graphql-js's per-field bookkeeping.
 *
 * Apollo Server 5 takes a custom executor only through its `gateway` option, so this is a
 * "gateway" that serves one fixed, local schema. Apollo still parses, validates, runs every plugin
 * and formats errors exactly as before; only the execute step changes.
 *
 * Contract:
 * - Compiled operations are cached per parsed document (a WeakMap on Apollo's own document cache:
 *   they live as long as Apollo keeps the document, and need no bound of their own).
 * - A document is compiled on its `compileAfter`-th execution; before that graphql-js runs it.
 *   Compiling costs several executions' worth of CPU, so a one-off query never pays it, and a
 *   stream of distinct queries cannot turn into a stream of compilations.
 * - Variables are coerced by graphql-js first, so a bad variable gets graphql-js's exact error (and
 *   Apollo's 400 BAD_USER_INPUT), whichever engine then runs the operation. The compiled operation
 *   receives those coerced values: graphql-jit's own coercion skips the default of a non-null
 *   input field (`LeadOrder.direction`), and re-coercing our inputs (strings, numbers, enums whose
 *   values are their names) changes nothing.
 * - Operations that resolve entity references (`_entities`) always run on graphql-js: when one
 *   reference in the list fails last, graphql-jit 0.8 returns the list one item short (measured in
 *   test/federation/subgraph.test.ts), and a supergraph router matches entities by position.
 * - A request that asks for a federated trace (`apollo-federation-include-trace: ftv1`) runs on
 *   graphql-js: the trace plugin times fields by wrapping their resolvers, which compiled code
 *   that read plain properties would skip.
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { BREAK, execute, visit, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export interface CompiledExecutionOptions {
  /** Executions of a document before it is compiled: 1 compiles on first use, 0 never compiles. Default 2. */
  compileAfter?: number;
}

interface DocumentEntry {
  /** Executions seen so far, per operation name. */
  uses: Map<string, number>;
  /** The compiled operation, or null for one that always runs on graphql-js. */
  compiled: Map<string, CompiledQuery | null>;
}

const TRACE_HEADER = 'apollo-federation-include-trace';

export interface CompiledExecution extends GatewayInterface {
  /** Operations compiled so far (for tests and diagnostics). */
  readonly compiledCount: number;
}

export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions = {}): CompiledExecution {
  const compileAfter = options.compileAfter ?? 2;
  const documents = new WeakMap<DocumentNode, DocumentEntry>();
  let compiledCount = 0;

  /** The compiled operation when this document has earned one; undefined means "interpret". */
  function compiledFor(document: DocumentNode, operationName: string | null): CompiledQuery | undefined {
    if (compileAfter === 0) return undefined;
    const key = operationName ?? '';
    let entry = documents.get(document);
    if (!entry) documents.set(document, (entry = { uses: new Map(), compiled: new Map() }));
    const ready = entry.compiled.get(key);
    if (ready !== undefined) return ready ?? undefined;
    const uses = (entry.uses.get(key) ?? 0) + 1;
    entry.uses.set(key, uses);
    if (uses < compileAfter) return undefined;
    entry.uses.delete(key);
    // Apollo has validated the document, so compiling does not fail; if it did, graphql-js decides.
    const result = resolvesEntities(document) ? null : compileQuery(schema, document, operationName ?? undefined);
    const compiled = result && isCompiledQuery(result) ? result : null;
    if (compiled) compiledCount++;
    entry.compiled.set(key, compiled);
    return compiled ?? undefined;
  }

  const executor: GatewayExecutor = async (request) => {
    const variables = request.request.variables ?? {};
    const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };

    const traced = request.request.http?.headers.get(TRACE_HEADER) === 'ftv1';
    const compiled = traced ? undefined : compiledFor(request.document, request.operationName);
    const result: ExecutionResult = compiled
      ? await compiled.query(undefined, request.context, coerced.coerced)
      : await execute({
          schema,
          document: request.document,
          contextValue: request.context,
          variableValues: variables,
          operationName: request.operationName,
        });
    return result;
  };

  return {
    get compiledCount() {
      return compiledCount;
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

/** Whether the document selects `_entities` anywhere (aliased, or in any fragment or operation). */
function resolvesEntities(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== '_entities') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}
