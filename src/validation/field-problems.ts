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
 * Provider rules judge well-formed text only: a lone surrogate (refused by the shared text rule,
 * which sees the original) is shown to them as U+FFFD, because some validators throw on it
 * (IsEmail's encodeURI: a URIError that would surface as an internal error).
 */
export function asRules<T extends object>(Rules: new () => T, value: object | null | undefined): T {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value ?? {})) copy[key] = wellFormed(item);
  return Object.assign(new Rules(), copy);
}

const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATES, '\ufffd');
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? wellFormed(item) : item));
  return value;
}
