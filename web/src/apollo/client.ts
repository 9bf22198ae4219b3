/**
 * The one Apollo Client of the app: the API key on every request, a 401 turned into "ask for a
 * key", and the cache policy that pages `leads` (Apollo's relayStylePagination, unmodified: one
 * list per filter and order, pages appended as they come).
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { markApiKeyNeeded, readApiKey } from './api-key';

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
    link: ApolloLink.from([unauthenticated, auth, new HttpLink({ uri: graphqlPath })]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: { leads: relayStylePagination(['filter', 'orderBy']) } },
        ProviderInfo: { keyFields: ['provider'] },
      },
    }),
  });
}
