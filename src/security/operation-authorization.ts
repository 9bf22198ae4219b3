/**
 * The scope check, callable from any transport once the operation is known and before anything
 * runs: a query needs `leads:read`, a mutation `leads:write`. A caller that reached GraphQL
 * without being identified (it should not) is refused too: deny unless proven allowed. /graphql
 * runs it from an Apollo plugin (scope.plugin.ts); graphql-ws will run it from its `onSubscribe`
 * (docs/decisions/request-pipeline.md).
 *
 * A key that can write but not read (a website form's) gets a receipt from its mutation, not the
 * lead: it may select only the fields in WRITE_ONLY_RECEIPT. Otherwise a write-only key could read
 * what the provider adds (a linked person's name, a property's title) or, through updateLead, any
 * lead whose id it knows.
 */
import {
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode } from '../errors/error-codes';
import type { Logger } from '../logging/logger';
import { Scope, scopeFor, type Caller } from './scopes';

/** What a write-only key may select from the lead its mutation returns. */
export const WRITE_ONLY_RECEIPT = new Set([
  '__typename',
  'id',
  'provider',
  'providerLeadId',
  'status',
  'providerStatus',
  'createdAt',
  'updatedAt',
]);

export interface OperationToAuthorize {
  caller: Caller | undefined;
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The request's logger: refusals are logged with the caller's name (never its key). */
  logger: Logger;
}

/** The fields of Lead an operation selects beyond the receipt, fragments included. */
function leadFieldsBeyondReceipt(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const seen = new Set<string>();
  const read: string[] = [];
  // A fresh TypeInfo per definition: fragments are visited from inside the outer visit.
  const check = (node: OperationDefinitionNode | FragmentDefinitionNode): void => {
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          if (typeInfo.getParentType()?.name === 'Lead' && !WRITE_ONLY_RECEIPT.has(field.name.value)) read.push(field.name.value);
        },
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !seen.has(fragment.name.value)) {
            seen.add(fragment.name.value);
            check(fragment);
          }
        },
      }),
    );
  };
  check(operation);
  return [...new Set(read)];
}

/** Throws the GraphQLError (UNAUTHENTICATED or FORBIDDEN) that refuses the operation; returns when allowed. */
export function authorizeOperation({ caller, schema, document, operation, logger }: OperationToAuthorize): void {
  if (!caller) throw new GraphQLError('An API key is required', { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  const needed = scopeFor(operation.operation);
  if (needed && caller.scopes.has(needed)) {
    if (operation.operation !== 'mutation' || caller.scopes.has(Scope.READ)) return;
    const read = leadFieldsBeyondReceipt(schema, document, operation);
    if (read.length === 0) return;
    logger.warn({ caller: caller.name, fields: read }, 'operation refused: write-only key selecting lead data');
    throw new GraphQLError(
      `This API key can write leads but not read them: from the lead a mutation returns, select only ${[...WRITE_ONLY_RECEIPT].filter((f) => f !== '__typename').join(', ')}`,
      { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 }, fields: read } },
    );
  }
  logger.warn({ caller: caller.name, operationType: operation.operation, needed }, 'operation refused: missing scope');
  throw new GraphQLError(`This API key lacks the ${needed ?? 'required'} scope for a ${operation.operation}`, {
    extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
  });
}
