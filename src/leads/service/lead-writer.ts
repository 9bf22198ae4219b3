/**
 * Creating and updating leads without a GraphQL request: the checks (shared rules, the provider's
 * rules, capabilities) and the provider call. `checkCreate`/`checkUpdate` do no I/O, so a caller
 * (Part 2: `submitLead`) can refuse a bad input before storing anything, exactly as `createLead`
 * does; `create`/`update` check, then send through the caller's adapters.
 */
import { BadUserInputError } from '../../errors/bad-user-input.error';
import type { ProviderConnection } from '../../providers/provider-adapter';
import { sharedRuleProblems } from '../../validation/shared-rules';
import { ProviderCapability } from '../enums/provider-capability.enum';
import type { CreateLeadInput } from '../inputs/create-lead.input';
import type { UpdateLeadInput } from '../inputs/update-lead.input';
import { parseGlobalId } from '../mapping/global-id';
import type { Lead } from '../types/lead.type';
import type { LeadRouting } from './lead-routing';
import type { ScopedAdapters } from './scoped-adapters';

export interface CheckedUpdate {
  connection: ProviderConnection;
  providerLeadId: string;
}

export class LeadWriter {
  constructor(private readonly routing: LeadRouting) {}

  /** The connection to create on. Throws BAD_USER_INPUT (every problem at once) or UNSUPPORTED_BY_PROVIDER. */
  checkCreate(input: CreateLeadInput): ProviderConnection {
    const { connection } = this.routing.route(input.provider, ProviderCapability.CREATE_LEAD);
    const problems = [...sharedRuleProblems(input), ...connection.rules.validateCreate(input)];
    if (problems.length > 0) throw new BadUserInputError(problems);
    return connection;
  }

  /** The connection and provider id to update. Throws BAD_USER_INPUT (malformed id, nothing to change, rules) or UNSUPPORTED_BY_PROVIDER. */
  checkUpdate(id: string, input: UpdateLeadInput): CheckedUpdate {
    const { provider, providerLeadId } = parseGlobalId(id);
    const { connection } = this.routing.route(provider, ProviderCapability.UPDATE_LEAD);
    if (Object.values(input).every((value) => value === undefined || value === null)) {
      throw BadUserInputError.of('input', 'send at least one field to change (title, status, description or tags)');
    }
    const problems = [...sharedRuleProblems(input), ...connection.rules.validateUpdate(input)];
    if (problems.length > 0) throw new BadUserInputError(problems);
    return { connection, providerLeadId };
  }

  /** Checks, then sends; `checked` is checkCreate's answer for this input when the caller already has it. */
  async create(input: CreateLeadInput, adapters: ScopedAdapters, checked: ProviderConnection = this.checkCreate(input)): Promise<Lead> {
    return adapters.of(checked).createLead!(input);
  }

  async update(id: string, input: UpdateLeadInput, adapters: ScopedAdapters): Promise<Lead> {
    const { connection, providerLeadId } = this.checkUpdate(id, input);
    return adapters.of(connection).updateLead!(providerLeadId, input);
  }
}
