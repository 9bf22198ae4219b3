/** The rules declared on the input classes themselves, which hold whatever the provider. */
import type { FieldProblem } from '../errors/bad-user-input.error';
import { fieldProblems } from './field-problems';

export function sharedRuleProblems(value: object, path = 'input'): FieldProblem[] {
  // Absent optional fields are GraphQL nulls: shared rules only judge what was sent.
  return fieldProblems(value, path, { skipMissingProperties: true });
}
