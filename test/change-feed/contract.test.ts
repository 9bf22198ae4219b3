/**
 * DESIGN.md Part 2's change-feed schema is a contract like Part 1's: its enum, types and input
 * exist with the same field types, and `Subscription.leadEvents(filter: LeadEventFilter): LeadEvent!`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { buildClientFacingSchema } from '../../src/graphql/build-schema';

const DESIGN = join(__dirname, '..', '..', '..', 'shared', 'DESIGN.md');

test('the served schema has the change feed of the DESIGN.md contract', () => {
  const text = readFileSync(DESIGN, 'utf8');
  const block = text.slice(text.indexOf('## Change feed')).split('```graphql')[1]!.split('```')[0]!;
  const want = buildSchema(
    `scalar DateTimeISO\ntype Lead { id: ID }\ntype LeadSubmission { id: ID }\nenum LeadProvider { KEYSPOT }\n${block}`,
  );
  const have = buildClientFacingSchema();
  const shape = (schema: typeof want, name: string) => {
    const type = schema.getType(name);
    if (isEnumType(type)) return type.getValues().map((value) => value.name);
    if (isObjectType(type) || isInputObjectType(type))
      return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, String(field.type)]));
    return undefined;
  };
  for (const name of ['LeadEventType', 'LeadEvent', 'LeadEventFilter'])
    expect({ name, shape: shape(have, name) }).toEqual({ name, shape: shape(want, name) });

  const field = have.getSubscriptionType()?.getFields().leadEvents;
  expect({ type: String(field?.type), args: field?.args.map((arg) => `${arg.name}: ${String(arg.type)}`) }).toEqual({
    type: 'LeadEvent!',
    args: ['filter: LeadEventFilter'],
  });
});
