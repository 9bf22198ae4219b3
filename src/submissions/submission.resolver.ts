/** Queries and mutations on submissions (DESIGN.md Part 2, "Durable delivery"); thin: SubmissionService does the work. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context';
import { resolveIdempotencyKey } from '../idempotency/idempotency-key';
import { CreateLeadInput } from '../leads/inputs/create-lead.input';
import { LeadSubmission } from './lead-submission.type';
import { LeadSubmissionConnection } from './lead-submission-connection.type';
import { SubmissionsArgs } from './submissions.args';
import { SubmitLeadPayload } from './submit-lead.payload';

@Resolver(() => LeadSubmission)
export class SubmissionResolver {
  @Query(() => LeadSubmission, {
    nullable: true,
    description: 'One submission by its id; null when it does not exist. A key with only leads:write may read its receipt fields.',
  })
  submission(
    @Arg('id', () => ID, { description: 'The submission id, "submission:<uuid>", as submitLead returned it.' }) id: string,
    @Ctx() { submissions }: GatewayContext,
  ): Promise<LeadSubmission | null> {
    return submissions.get(id);
  }

  @Query(() => LeadSubmissionConnection, { description: 'Submissions, newest first (needs leads:read).' })
  submissions(
    @Args(() => SubmissionsArgs) args: SubmissionsArgs,
    @Ctx() { submissions }: GatewayContext,
  ): Promise<LeadSubmissionConnection> {
    return submissions.list(args);
  }

  @Mutation(() => SubmitLeadPayload, {
    description:
      'Accepts a lead for guaranteed delivery: validated like createLead, stored durably, answered QUEUED at once whatever the provider is doing, then delivered with retries.',
  })
  async submitLead(
    @Arg('input', () => CreateLeadInput, { description: 'The new lead.' }) input: CreateLeadInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'Makes a repeated call answer the first one’s submission (1-255 printable ASCII); the Idempotency-Key header does the same.',
    })
    idempotencyKey: string | null | undefined,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SubmitLeadPayload> {
    const key = resolveIdempotencyKey(idempotencyKey, context, info);
    const result = await context.submissions.submit(input, key);
    if (result.replayed && context.idempotency) context.idempotency.replayed = true;
    return result;
  }

  @Mutation(() => SubmitLeadPayload, {
    description: 'Queues a FAILED submission again for a new delivery run; any other status is BAD_USER_INPUT.',
  })
  retrySubmission(
    @Arg('id', () => ID, { description: 'The id of the FAILED submission.' }) id: string,
    @Ctx() { submissions }: GatewayContext,
  ): Promise<SubmitLeadPayload> {
    return submissions.retry(id);
  }
}
