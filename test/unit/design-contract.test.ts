/**
 * DESIGN.md's public schema is a contract (add, never rename): every type, field, argument,
 * default, enum value and interface it lists must exist in the served schema with the same type.
 * DESIGN.md lives in ../shared beside the repository, as on every developer's machine and in CI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputField,
} from 'graphql';
import { buildClientFacingSchema } from '../../src/graphql/build-schema';

const DESIGN = join(__dirname, '..', '..', '..', 'shared', 'DESIGN.md');

function contractSchema() {
  const sdl = readFileSync(DESIGN, 'utf8').split('```graphql')[1]!.split('```')[0]!;
  return buildSchema(`scalar DateTimeISO\nscalar JSONObject\n${sdl}`);
}

test('the served schema keeps every name and type of the DESIGN.md contract', () => {
  const want = contractSchema();
  const have = buildClientFacingSchema();
  const problems: string[] = [];
  for (const [name, type] of Object.entries(want.getTypeMap())) {
    if (name.startsWith('__')) continue;
    const ours = have.getType(name);
    if (!ours) {
      problems.push(`missing type ${name}`);
      continue;
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!isEnumType(ours) || !ours.getValue(value.name)) problems.push(`missing ${name}.${value.name}`);
      continue;
    }
    if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
    if (!(isObjectType(ours) || isInterfaceType(ours) || isInputObjectType(ours))) {
      problems.push(`${name} is not an object, interface or input type`);
      continue;
    }
    const ourFields = ours.getFields() as Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>;
    for (const [fieldName, field] of Object.entries(
      type.getFields() as Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>,
    )) {
      const ourField = ourFields[fieldName];
      if (!ourField) {
        problems.push(`missing ${name}.${fieldName}`);
        continue;
      }
      if (String(ourField.type) !== String(field.type))
        problems.push(`${name}.${fieldName}: ${field.type} expected, ${ourField.type} served`);
      if (
        'defaultValue' in field &&
        field.defaultValue !== undefined &&
        (ourField as GraphQLInputField).defaultValue !== field.defaultValue
      )
        problems.push(`${name}.${fieldName}: default ${String(field.defaultValue)} expected`);
      for (const arg of 'args' in field ? field.args : []) {
        const ourArg = 'args' in ourField ? ourField.args.find((a) => a.name === arg.name) : undefined;
        if (!ourArg) problems.push(`missing ${name}.${fieldName}(${arg.name})`);
        else if (String(ourArg.type) !== String(arg.type))
          problems.push(`${name}.${fieldName}(${arg.name}): ${arg.type} expected, ${ourArg.type} served`);
      }
    }
    if (isObjectType(type) && isObjectType(ours))
      for (const iface of type.getInterfaces())
        if (!ours.getInterfaces().some((i) => i.name === iface.name)) problems.push(`${name} must implement ${iface.name}`);
  }
  expect(problems).toEqual([]);
});
