/**
 * What Keyspot requires of a create (name, valid e-mail, valid phone, a message) and what it cannot
 * store (refused rather than silently dropped: a lead must never lose data on the way in).
 */
import { ArrayMaxSize, Equals, IsDefined, IsEmail, IsNotEmpty, IsOptional, IsPhoneNumber, Matches, ValidateNested } from 'class-validator';
import type { FieldProblem } from '../../errors/bad-user-input.error';
import type { CreateLeadInput } from '../../leads/inputs/create-lead.input';
import { asRules, fieldProblems } from '../../validation/field-problems';

const CANNOT_STORE = { message: 'KEYSPOT cannot store this field; leave it out' };
const REQUIRED = { message: 'is required for KEYSPOT' };
const NOT_BLANK = /\S/;
/** A dotted ASCII domain with an alphabetic TLD and no spaces or quotes in the local part. */
const KEYSPOT_EMAIL =
  /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/u;

class KeyspotContactRules {
  @IsOptional() @Equals(undefined, CANNOT_STORE) personId?: unknown;
  @IsNotEmpty(REQUIRED) @Matches(NOT_BLANK, { message: 'must not be blank' }) name?: string | null;
  // Keyspot refuses more than class-validator's IsEmail does (spaces in quotes, non-ASCII domains): match its rule.
  @IsNotEmpty(REQUIRED)
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @Matches(KEYSPOT_EMAIL, { message: 'must be a valid e-mail address' })
  email?: string | null;
  // Keyspot serves Brazil: numbers without a country code are read as Brazilian.
  @IsNotEmpty(REQUIRED)
  @IsPhoneNumber('BR', { message: 'must be a valid phone number, e.g. "11999999999" or "+55 11 99999-9999"' })
  phone?: string | null;
}

class KeyspotCreateRules {
  @IsNotEmpty({ message: 'is required for KEYSPOT (sent as the message)' })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  description?: string | null;
  @IsDefined({ message: 'is required for KEYSPOT (name, email and phone)' }) @ValidateNested() contact?: KeyspotContactRules;
  @IsOptional() @Equals(undefined, CANNOT_STORE) title?: unknown;
  // An empty list loses nothing; any tag would be lost.
  @IsOptional() @ArrayMaxSize(0, CANNOT_STORE) tags?: unknown;
}

export function keyspotCreateProblems(input: CreateLeadInput): FieldProblem[] {
  const rules = asRules(KeyspotCreateRules, {
    ...input,
    contact: input.contact ? asRules(KeyspotContactRules, input.contact) : input.contact,
  });
  return fieldProblems(rules, 'input');
}
