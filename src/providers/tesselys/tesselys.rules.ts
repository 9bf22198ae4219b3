/**
 * What Tesselys requires of a create or update, beyond the rules every provider shares, and what it
 * cannot store (refused rather than silently dropped: a lead must never lose data on the way in).
 */
import { Equals, IsIn, IsNotEmpty, IsOptional, Matches } from 'class-validator';
import { MaxCharacters } from '../../validation/max-characters';
import type { FieldProblem } from '../../errors/bad-user-input.error';
import type { CreateLeadInput } from '../../leads/inputs/create-lead.input';
import type { UpdateLeadInput } from '../../leads/inputs/update-lead.input';
import { asRules, fieldProblems } from '../../validation/field-problems';
import { TESSELYS_ACCEPTED_STATUSES } from './tesselys.mapper';

const CANNOT_STORE = { message: 'TESSELYS cannot store this field; leave it out' };

const NOT_BLANK = /\S/;

class TesselysContactRules {
  @IsOptional() @IsNotEmpty({ message: 'must not be empty when given' }) personId?: string | null;
  @IsOptional() @Equals(undefined, CANNOT_STORE) name?: unknown;
  @IsOptional() @Equals(undefined, CANNOT_STORE) email?: unknown;
  @IsOptional() @Equals(undefined, CANNOT_STORE) phone?: unknown;
}

class TesselysCreateRules {
  @IsNotEmpty({ message: 'is required for TESSELYS' })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxCharacters(255)
  title?: string | null;

  @IsOptional() @Equals(undefined, CANNOT_STORE) property?: unknown;
  @IsOptional() @Equals(undefined, CANNOT_STORE) trafficOrigin?: unknown;
}

class TesselysUpdateRules {
  @IsOptional() @IsNotEmpty({ message: 'must not be empty' }) @Matches(NOT_BLANK, { message: 'must not be blank' }) title?: string | null;

  @IsOptional()
  @IsIn(TESSELYS_ACCEPTED_STATUSES, { message: `is not a status TESSELYS uses; it accepts ${TESSELYS_ACCEPTED_STATUSES.join(', ')}` })
  status?: string | null;
}

export function tesselysCreateProblems(input: CreateLeadInput): FieldProblem[] {
  const contact = input.contact ? fieldProblems(asRules(TesselysContactRules, input.contact), 'input.contact') : [];
  return [...fieldProblems(asRules(TesselysCreateRules, input), 'input'), ...contact];
}

export function tesselysUpdateProblems(input: UpdateLeadInput): FieldProblem[] {
  return fieldProblems(asRules(TesselysUpdateRules, input), 'input');
}
