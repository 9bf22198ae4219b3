/**
 * A length limit counted the way providers count: one per Unicode code point. class-validator's
 * MaxLength skips variation selectors, so a title of emoji could pass here and be refused upstream.
 */
import { ValidateBy, type ValidationOptions } from 'class-validator';

export function MaxCharacters(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxCharacters',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || [...value].length <= max,
        defaultMessage: () => `must be at most ${max} characters`,
      },
    },
    options,
  );
}
