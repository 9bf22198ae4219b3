/**
 * The scope check, callable from any transport once the operation is known and before anything
 * runs: a query needs `leads:read`, a mutation `leads:write`. A caller that reached GraphQL
 * without being identified (it should not) is refused too: deny unless proven allowed. /graphql
 * runs it from an Apollo plugin (scope.plugin.ts); graphql-ws will run it from its `onSubscribe`
 * (docs/decisions/request-pipeline.md). The tenant admin fields need `tenants:admin` instead, and
 * `leads:submit` allows only the create mutations (SUBMIT_MUTATIONS), with the receipt rule below.
 *
 * A key that can write but not read (a website form's) gets a receipt from its mutation, not the
 * lead: it may select only the fields in WRITE_ONLY_RECEIPT. Otherwise a write-only key could read
 * what the provider adds (a linked person's name, a property's title) or, through updateLead, any
 * lead whose id it knows.
 *
 * Submissions (DESIGN.md Part 2): a key without `leads:read` sees a submission's receipt only
 * (SUBMISSION_RECEIPT, and of its `lead` only the id), from submitLead/retrySubmission and from the
 * one query it may run, `submission(id)`; `submissions` (and every other query) needs `leads:read`.
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
  type SelectionSetNode,
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

/** What a write-only key may select from a submission (its receipt). */
export const SUBMISSION_RECEIPT = new Set([
  '__typename',
  'id',
  'provider',
  'status',
  'attempts',
  'lastError',
  'createdAt',
  'updatedAt',
  'deliveredAt',
  'lead',
]);
/** What a write-only key may select from a submission's delivered lead. */
const SUBMISSION_LEAD_RECEIPT = new Set(['__typename', 'id']);
/** The only query root field a write-only key may select. */
const WRITE_ONLY_QUERIES = new Set(['__typename', 'submission']);

export interface OperationToAuthorize {
  caller: Caller | undefined;
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The request's logger: refusals are logged with the caller's name (never its key). */
  logger: Logger;
}

/** The fields an operation selects beyond a write-only key's receipts, fragments included. */
function fieldsBeyondReceipt(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const seen = new Set<string>();
  const read: string[] = [];
  // Depth inside a LeadSubmission's `lead`: there only its id is a receipt.
  let inSubmissionLead = 0;
  const isSubmissionLead = (typeInfo: TypeInfo, name: string) => typeInfo.getParentType()?.name === 'LeadSubmission' && name === 'lead';
  // A fresh TypeInfo per definition: fragments are visited from inside the outer visit.
  const check = (node: OperationDefinitionNode | FragmentDefinitionNode): void => {
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field: {
          enter(field) {
            const parent = typeInfo.getParentType();
            const name = field.name.value;
            const allowed =
              parent === schema.getQueryType()
                ? WRITE_ONLY_QUERIES
                : parent?.name === 'LeadSubmission'
                  ? SUBMISSION_RECEIPT
                  : parent?.name === 'Lead'
                    ? inSubmissionLead > 0
                      ? SUBMISSION_LEAD_RECEIPT
                      : WRITE_ONLY_RECEIPT
                    : undefined;
            if (allowed && !allowed.has(name)) read.push(name);
            if (isSubmissionLead(typeInfo, name)) inSubmissionLead++;
          },
          leave(field) {
            // On leave, TypeInfo has not popped this field yet: its parent type is still current.
            if (isSubmissionLead(typeInfo, field.name.value)) inSubmissionLead--;
          },
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
/** Root fields that administer tenants: they need `tenants:admin`, whatever the operation type. */
export const TENANT_ADMIN_FIELDS = new Set([
  'tenants',
  'createTenant',
  'setProviderCredentials',
  'removeProviderCredentials',
  'createApiKey',
  'revokeApiKey',
]);

/** The mutations a `leads:submit` key (a public form's) may call: creating, never updating. */
export const SUBMIT_MUTATIONS = new Set(['createLead', 'submitLead']);

/** The root fields an operation selects (through fragments and inline fragments), `__typename` aside. */
function rootFieldsOf(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') names.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(operation.selectionSet);
  return [...names];
}

/** The scopes any one of which lets a caller select this root field. */
function scopesFor(operationType: OperationDefinitionNode['operation'], field: string): Scope[] {
  if (TENANT_ADMIN_FIELDS.has(field)) return [Scope.ADMIN];
  if (operationType === 'mutation') return SUBMIT_MUTATIONS.has(field) ? [Scope.WRITE, Scope.SUBMIT] : [Scope.WRITE];
  // A key that may send submissions may read their receipts (the receipt rule below applies).
  if (operationType === 'query' && field === 'submission') return [Scope.READ, Scope.WRITE, Scope.SUBMIT];
  const needed = scopeFor(operationType);
  return needed ? [needed] : [];
}

function refuse(caller: Caller, logger: Logger, operationType: string, needed: readonly Scope[], field: string | undefined): never {
  const scopes = needed.length ? needed.join(' or ') : 'required';
  logger.warn({ caller: caller.name, operationType, needed: scopes, field }, 'operation refused: missing scope');
  throw new GraphQLError(
    field && TENANT_ADMIN_FIELDS.has(field)
      ? `This API key lacks the ${scopes} scope for ${field}`
      : `This API key lacks the ${scopes} scope for a ${operationType}`,
    { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } },
  );
}

/**
 * Throws the GraphQLError (UNAUTHENTICATED or FORBIDDEN) that refuses the operation; returns when
 * allowed. Every root field must be allowed by one of the caller's scopes; then a caller that
 * cannot read leads gets only a receipt of the leads its mutations return.
 */
export function authorizeOperation({ caller, schema, document, operation, logger }: OperationToAuthorize): void {
  if (!caller) throw new GraphQLError('An API key is required', { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  const fields = rootFieldsOf(document, operation);
  // An operation selecting only __typename still needs the scope of its type, as before.
  if (fields.length === 0) {
    const needed = scopeFor(operation.operation);
    if (!needed || !caller.scopes.has(needed)) refuse(caller, logger, operation.operation, needed ? [needed] : [], undefined);
  }
  let readsLeads = false;
  for (const field of fields) {
    const needed = scopesFor(operation.operation, field);
    if (!needed.some((scope) => caller.scopes.has(scope))) refuse(caller, logger, operation.operation, needed, field);
    if (!TENANT_ADMIN_FIELDS.has(field)) readsLeads = true;
  }
  if (operation.operation === 'subscription' || caller.scopes.has(Scope.READ) || !readsLeads) return;
  const read = fieldsBeyondReceipt(schema, document, operation);
  if (read.length === 0) return;
  logger.warn(
    { caller: caller.name, operationType: operation.operation, fields: read },
    'operation refused: key without leads:read selecting lead data',
  );
  throw new GraphQLError(
    operation.operation === 'query'
      ? `This API key lacks the ${Scope.READ} scope: it may query only submission(id), selecting ${[...SUBMISSION_RECEIPT].filter((f) => f !== '__typename').join(', ')} and lead { id }`
      : `This API key can write leads but not read them: from the lead a mutation returns, select only ${[...WRITE_ONLY_RECEIPT].filter((f) => f !== '__typename').join(', ')}; from a submission, ${[...SUBMISSION_RECEIPT].filter((f) => f !== '__typename').join(', ')} and lead { id }`,
    { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 }, fields: read } },
  );
}
