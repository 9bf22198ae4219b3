/**
 * Records the GraphQL query operations the integration suites send, for the graphql-js vs
 * graphql-jit differential test (docs/decisions/graphql-engines.md). Off unless
 * RECORD_GRAPHQL_OPERATIONS names a JSON-lines file; each line is `{ query, variables }`.
 * Mutations and subscriptions are left out (mutations always run on graphql-js), and so are
 * documents that do not parse. Duplicates within one process are written once; the corpus loader
 * removes the rest.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export interface RecordedOperation {
  query: string;
  variables?: Record<string, unknown>;
}

export const RECORD_ENV = 'RECORD_GRAPHQL_OPERATIONS';

let written: Set<string> | undefined;

export function operationKey(operation: RecordedOperation): string {
  return JSON.stringify([operation.query, operation.variables ?? null]);
}

function isQueryOnly(query: string): boolean {
  try {
    const operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    return operations.length === 1 && operations[0]!.operation === 'query';
  } catch {
    return false;
  }
}

/** Appends the operation to the corpus file when recording is on; a no-op otherwise. */
export function recordOperation(query: string, variables: Record<string, unknown> | undefined): void {
  const file = process.env[RECORD_ENV];
  if (!file || typeof query !== 'string' || !isQueryOnly(query)) return;
  if (!written) {
    written = new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(lineKey) : []);
  }
  const operation: RecordedOperation = variables === undefined ? { query } : { query, variables };
  const key = operationKey(operation);
  if (written.has(key)) return;
  written.add(key);
  appendFileSync(file, `${JSON.stringify(operation)}\n`);
}

function lineKey(line: string): string {
  return operationKey(JSON.parse(line) as RecordedOperation);
}
