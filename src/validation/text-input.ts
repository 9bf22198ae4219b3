/**
 * The decorator every string field of an input type carries (see text-rules.ts for the rule).
 * With `each`, it checks every item of a list and names the first bad one in the message.
 */
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { textProblem, type TextRule } from './text-rules';

export interface TextInputOptions extends Pick<ValidationOptions, 'each'> {
  multiline?: boolean;
  /** How an item of a list is called in the message ("tag"); only with `each`. */
  item?: string;
}

export function TextInput(max: number, options: TextInputOptions = {}): PropertyDecorator {
  const rule: TextRule = { max, multiline: options.multiline };
  return ValidateBy(
    {
      name: 'textInput',
      constraints: [max],
      validator: {
        validate: (value: unknown) => textProblem(value, rule) === undefined,
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          if (!Array.isArray(value)) return textProblem(value, rule) ?? 'is not valid text';
          const index = value.findIndex((item) => textProblem(item, rule) !== undefined);
          return `${options.item ?? 'item'} ${index + 1} ${textProblem(value[index], rule) ?? 'is not valid text'}`;
        },
      },
    },
    { each: options.each },
  );
}
