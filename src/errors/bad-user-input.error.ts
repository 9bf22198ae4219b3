/**
 * Input the gateway refuses before any provider sees it. Every offending field is named by its
 * path from the argument (e.g. `input.contact.email`) so a form can mark the right box.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';

export interface FieldProblem {
  /** Dotted path from the argument name, e.g. `input.contact.email`. */
  path: string;
  message: string;
}

export class BadUserInputError extends GraphQLError {
  constructor(readonly fields: FieldProblem[]) {
    super(`Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
    });
    this.name = 'BadUserInputError';
  }

  static of(path: string, message: string): BadUserInputError {
    return new BadUserInputError([{ path, message }]);
  }
}
