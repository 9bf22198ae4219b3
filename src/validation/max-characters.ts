/**
 * A length limit alone, counted by the one rule for string inputs (code points, text-rules.ts).
 * Provider rule sets use it; input types use TextInput, which also refuses control characters.
 */
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { countCharacters } from './text-rules';

export function MaxCharacters(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxCharacters',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || countCharacters(value) <= max,
        defaultMessage: () => `must be at most ${max} characters`,
      },
    },
    options,
  );
}
