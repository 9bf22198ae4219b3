/**
 * Runs class-validator and reports each failure as a field path from the GraphQL argument
 * (`input.contact.email`), which is what a client needs to point at the offending field.
 */
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import type { FieldProblem } from '../errors/bad-user-input.error';

export function fieldProblems(value: object, path: string, options: ValidatorOptions = {}): FieldProblem[] {
  const errors = validateSync(value, { forbidUnknownValues: false, validationError: { target: false, value: false }, ...options });
  const problems = errors.flatMap((error) => flatten(error, path));
  // Two rules may say the same thing about one field (e.g. two e-mail checks): say it once.
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.path}\n${p.message}`) && seen.add(`${p.path}\n${p.message}`));
}

function flatten(error: ValidationError, parent: string): FieldProblem[] {
  const path = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, path))];
}

/**
 * Copies plain input values onto a rules class (and nested rules classes), so class-validator
 * applies that class's decorators. Provider rule sets use this to judge the shared input types.
 */
export function asRules<T extends object>(Rules: new () => T, value: object | null | undefined): T {
  return Object.assign(new Rules(), value ?? {});
}
