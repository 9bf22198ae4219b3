/**
 * Queries and mutations on leads; thin by design: the LeadService does the routing and checks.
 * Mutation inputs are validated by the service, shared and provider rules together, so a client
 * learns every problem in one round trip.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../graphql/context';
import { MAX_IDEMPOTENCY_KEY_LENGTH, resolveIdempotencyKey } from '../../idempotency/idempotency-key';
import { DEFAULT_TENANT } from '../../tenants/default-tenant';
import { validateArg } from '../../validation/validate-arg';
import { CreateLeadInput } from '../inputs/create-lead.input';
import { LeadsArgs } from '../inputs/leads.args';
import { UpdateLeadInput } from '../inputs/update-lead.input';
import { CreateLeadPayload } from '../types/create-lead.payload';
import { Lead } from '../types/lead.type';
import { LeadConnection } from '../types/lead-connection.type';
import { UpdateLeadPayload } from '../types/update-lead.payload';

@Resolver(() => Lead)
export class LeadResolver {
  @Query(() => LeadConnection, {
    description:
      'Leads, newest first by default, as a Relay connection: page forward with `first`/`after`, backward with `last`/`before` (1..100, default 20). Without `filter.provider`, one connection over every provider that can list, merged in the requested order (ties by id in the same direction), `totalCount` the sum; a status a provider does not use matches nothing there, and a failing provider fails the page with its own error code. KEYSPOT lists only the leads created through this gateway.',
  })
  leads(
    @Args(() => LeadsArgs, { validateFn: validateArg('') }) args: LeadsArgs,
    @Ctx() { leads }: GatewayContext,
  ): Promise<LeadConnection> {
    return leads.leads(args);
  }

  @Query(() => Lead, {
    nullable: true,
    description:
      'One lead by its global id; null when the provider says it does not exist. KEYSPOT leads are read from the gateway record, so only leads created through this gateway are found; any other Keyspot id is null.',
  })
  lead(
    @Arg('id', () => ID, { description: 'Global lead id, e.g. "tesselys:clx7f8g9h0i1j2k3l4m5n6o7".' }) id: string,
    @Ctx() { leads }: GatewayContext,
  ): Promise<Lead | null> {
    return leads.lead(id);
  }

  @Mutation(() => CreateLeadPayload, {
    description:
      'Creates a lead in the provider named by `input.provider`. Nothing is sent when the input breaks that provider’s rules. With an idempotency key (the argument or the `Idempotency-Key` header), the same key and input are sent at most once: a repeat gets the first outcome again (`replayed: true`).',
  })
  async createLead(
    @Arg('input', () => CreateLeadInput, { description: 'The new lead.' }) input: CreateLeadInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: `1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, unique per lead you mean to create (e.g. a UUID); kept per tenant for IDEMPOTENCY_TTL_HOURS. Same as the \`Idempotency-Key\` header.`,
    })
    idempotencyKey: string | null | undefined,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CreateLeadPayload> {
    const key = resolveIdempotencyKey(idempotencyKey, context, info);
    if (key === undefined) return { lead: await context.leads.createLead(input), replayed: false };
    const tenant = context.caller?.tenant ?? DEFAULT_TENANT;
    const result = await context.idempotentCreate.create({ tenant, key, input, signal: context.signal }, (connection) =>
      context.leads.createLead(input, connection),
    );
    if (result.replayed && context.idempotency) context.idempotency.replayed = true;
    if ('error' in result) throw result.error;
    return { lead: result.lead, replayed: result.replayed };
  }

  @Mutation(() => UpdateLeadPayload, { description: 'Changes a lead; send only the fields that change. Supported by TESSELYS.' })
  async updateLead(
    @Arg('id', () => ID, { description: 'Global id of the lead to change.' }) id: string,
    @Arg('input', () => UpdateLeadInput, { description: 'The changes.' }) input: UpdateLeadInput,
    @Ctx() { leads }: GatewayContext,
  ): Promise<UpdateLeadPayload> {
    return { lead: await leads.updateLead(id, input), replayed: false };
  }
}
