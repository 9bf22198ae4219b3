/**
 * `Subscription.leadEvents` (DESIGN.md Part 2, "Change feed"); thin: the change feed (context
 * `changeFeed`) delivers the caller's tenant's events, the transport (graphql-ws) has admitted the
 * caller and checked its scope. Served over WebSocket only.
 */
import { GraphQLError } from 'graphql';
import { Arg, Root, Subscription, Resolver } from 'type-graphql';
import { ErrorCode } from '../../errors/error-codes';
import type { GatewayContext } from '../../graphql/context';
import { DEFAULT_TENANT } from '../../tenants/default-tenant';
import { LeadEvent } from './lead-event.type';
import { LeadEventFilter } from './lead-event-filter.input';

@Resolver(() => LeadEvent)
export class LeadEventsResolver {
  @Subscription(() => LeadEvent, {
    description:
      'Leads created or changed and submissions changing status in your tenant, as they happen (graphql-ws on /graphql; the API key goes in connection_init’s payload as `authorization`; needs leads:read). Mutations and deliveries through this gateway arrive at once; changes made on a listing provider by anyone else arrive within LEAD_POLL_INTERVAL_MS (only among its newest LEAD_POLL_MAX_LEADS leads). One event per change.',
    subscribe: ({ args, context }) => {
      const { changeFeed, caller, feedConnection } = context as GatewayContext;
      if (!changeFeed) throw overHttp();
      const filter = (args as { filter?: LeadEventFilter | null }).filter ?? {};
      return changeFeed.subscribe(caller?.tenant ?? DEFAULT_TENANT, filter, feedConnection);
    },
  })
  leadEvents(
    @Root() event: LeadEvent,
    @Arg('filter', () => LeadEventFilter, { nullable: true, description: 'Which events to receive; all of your tenant’s when absent.' })
    _filter: LeadEventFilter | null,
  ): LeadEvent {
    // Without an event, this is a subscription sent as an HTTP request, which runs it as a query.
    if (!event) throw overHttp();
    return event;
  }
}

function overHttp(): GraphQLError {
  return new GraphQLError('Subscriptions are served over WebSocket: graphql-ws on /graphql (see docs/change-feed.md)', {
    extensions: { code: ErrorCode.BAD_USER_INPUT },
  });
}
