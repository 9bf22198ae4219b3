/**
 * type-graphql's per-argument validation hook: the rules that hold for every provider, declared on
 * the input classes, checked before a resolver runs. Problems become one BAD_USER_INPUT.
 */
import type { ValidatorFn } from 'type-graphql';
import { BadUserInputError } from '../errors/bad-user-input.error';
import { sharedRuleProblems } from './shared-rules';

/** `path` is the argument's name (`"input"`), or `""` for an @Args class whose fields are top-level arguments. */
export function validateArg(path: string): ValidatorFn {
  return (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    const problems = sharedRuleProblems(value, path);
    if (problems.length > 0) throw new BadUserInputError(problems);
  };
}
