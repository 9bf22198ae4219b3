/**
 * Where a mutation's idempotency key comes from (DESIGN.md Part 2, "Idempotency"): its
 * `idempotencyKey` argument, or the `Idempotency-Key` header of an operation that holds exactly one
 * mutation (with several, one header cannot say which write it protects). A key is 1-255 printable
 * ASCII characters; anything else is BAD_USER_INPUT, never silently ignored: a client that thinks
 * it sent a key must not get a duplicate because the key was unreadable.
 */
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { BadUserInputError } from '../errors/bad-user-input.error';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** What a resolver needs from the request context. */
export interface IdempotencySource {
  /** The `Idempotency-Key` header as sent, if any. */
  idempotencyKey?: string;
}

function problemOf(key: string): string | undefined {
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    return `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters (got ${Math.min(key.length, 100_000)})`;
  if (!PRINTABLE_ASCII.test(key)) return 'must be printable ASCII characters only';
  return undefined;
}

/** How many mutation fields the operation's root selection holds (fragments spread at the root count theirs). */
function rootMutationCount(info: GraphQLResolveInfo): number {
  if (info.operation.operation !== 'mutation') return 0;
  let count = 0;
  const visit = (selections: GraphQLResolveInfo['operation']['selectionSet']['selections']): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet.selections);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  visit(info.operation.selectionSet.selections);
  return count;
}

/**
 * The key this mutation runs under, or undefined for none. `argument` is the field's
 * `idempotencyKey`; the header applies only when the operation holds this one mutation.
 * Both given and different is BAD_USER_INPUT: the caller means two things at once.
 */
export function resolveIdempotencyKey(
  argument: string | null | undefined,
  source: IdempotencySource,
  info: GraphQLResolveInfo,
): string | undefined {
  if (argument !== undefined && argument !== null) {
    const problem = problemOf(argument);
    if (problem) throw BadUserInputError.of('idempotencyKey', problem);
  }
  const header = source.idempotencyKey;
  if (header === undefined) return argument ?? undefined;
  const headerProblem = problemOf(header);
  if (headerProblem) throw BadUserInputError.of('Idempotency-Key', `header ${headerProblem}`);
  if (rootMutationCount(info) !== 1)
    throw BadUserInputError.of(
      'Idempotency-Key',
      'header applies to an operation with exactly one mutation; use the idempotencyKey argument',
    );
  if (argument !== undefined && argument !== null && argument !== header)
    throw BadUserInputError.of('idempotencyKey', 'differs from the Idempotency-Key header; send one of them');
  return header;
}
