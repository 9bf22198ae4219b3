/** Every type, field, argument and enum value of the public schema carries a description (DESIGN.md). */
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { buildClientFacingSchema } from '../../src/graphql/build-schema';

test('nothing in the public schema is undocumented', () => {
  const schema = buildClientFacingSchema();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || type.name.startsWith('_') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name))
      continue;
    if (!type.description) missing.push(type.name);
    if (isScalarType(type)) continue;
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    } else if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        if ('args' in field) for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  }
  expect(missing).toEqual([]);
});
