/**
 * The one Apollo Client of the app: the API key on every request, a 401 turned into "ask for a
 * key", subscriptions over graphql-ws on the same /graphql (the key in connection_init's
 * `authorization`), and the cache policy that pages `leads` (Apollo's relayStylePagination,
 * unmodified: one list per filter and order, pages appended as they come).
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { relayStylePagination } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { markApiKeyNeeded, readApiKey, subscribeApiKey } from './api-key';

/** ws: or wss: to this page's origin, as the page itself was loaded over http: or https:. */
function webSocketUrl(graphqlPath: string): string {
  const url = new URL(graphqlPath, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

function subscriptionLink(graphqlPath: string): ApolloLink {
  const socket = createClient({
    url: webSocketUrl(graphqlPath),
    lazy: true,
    connectionParams: () => {
      const key = readApiKey();
      return key ? { authorization: `Bearer ${key}` } : {};
    },
    // A closed socket (a restart, a network change) reconnects with graphql-ws's backoff; a
    // refused key (4401/4403) does not: the app asks for a key instead.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !(event instanceof CloseEvent && (event.code === 4401 || event.code === 4403)),
    on: {
      closed: (event) => {
        if (event instanceof CloseEvent && event.code === 4401) markApiKeyNeeded();
      },
    },
  });
  // A new key: the next subscription reconnects with it.
  subscribeApiKey(() => socket.terminate());
  return new GraphQLWsLink(socket);
}

export function createApolloClient(graphqlPath = '/graphql'): ApolloClient {
  const auth = new ApolloLink((operation, forward) => {
    const key = readApiKey();
    if (key)
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${key}` },
      }));
    return forward(operation);
  });
  const unauthenticated = new ErrorLink(({ error }) => {
    if (ServerError.is(error) && error.statusCode === 401) markApiKeyNeeded();
  });
  return new ApolloClient({
    link: ApolloLink.from([
      unauthenticated,
      ApolloLink.split(
        (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
        subscriptionLink(graphqlPath),
        auth.concat(new HttpLink({ uri: graphqlPath })),
      ),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: { leads: relayStylePagination(['filter', 'orderBy']) } },
        ProviderInfo: { keyFields: ['provider'] },
      },
    }),
  });
}
