/**
 * Issue #15: a front-end pages the merged inbox with Apollo Client's own `relayStylePagination`,
 * unmodified, as an app built on LeadGraph would: forward with `first`/`after`, backward with
 * `last`/`before`, the cache merging the pages. The merged list must be the whole set, in order,
 * once each: the same list one big page returns. Pages are fetched network-only and merged by the
 * cache's field policy, which is what `fetchMore` does.
 */
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { startTestStack, type TestStack } from '../support/test-stack';

const PAGE = gql`
  query InboxPage($first: Int, $after: String, $last: Int, $before: String) {
    leads(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        cursor
        node {
          id
          provider
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

interface Page {
  leads: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { id: string; provider: string } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  // Keyspot leads created through the gateway join the inbox (read from the gateway's record).
  for (let i = 0; i < 5; i++) {
    const res = await stack.gql(
      `mutation { createLead(input: { provider: KEYSPOT, description: "Visita ${i}", contact: { name: "Ana Lima", email: "ana${i}@example.com", phone: "1198888777${i}" } }) { lead { id } } }`,
    );
    expect(res.errors).toBeUndefined();
  }
});
afterAll(() => stack.close());

function client(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: stack.gateway.graphqlUrl, fetch }),
    cache: new InMemoryCache({ typePolicies: { Query: { fields: { leads: relayStylePagination() } } } }),
  });
}

async function everyId(): Promise<string[]> {
  const all = await stack.gql<Page>('{ leads(first: 100) { totalCount edges { cursor node { id provider } } } }');
  expect(all.errors).toBeUndefined();
  expect(all.data!.leads.edges.length).toBe(all.data!.leads.totalCount);
  return all.data!.leads.edges.map((edge) => edge.node.id);
}

test('forward: fetchMore with after, page by page, merges into the whole inbox in order', async () => {
  const expected = await everyId();
  expect(new Set(expected.map((id) => id.split(':')[0]))).toEqual(new Set(['keyspot', 'tesselys']));
  const apollo = client();
  // Each page is written into the cache, where the field policy merges it (what fetchMore does).
  let page = (await apollo.query<Page>({ query: PAGE, fetchPolicy: 'network-only', variables: { first: 7 } })).data!;
  for (let pages = 1; page.leads.pageInfo.hasNextPage; pages++) {
    expect(pages).toBeLessThan(expected.length); // a walk that never ends is a failure, not a hang
    page = (
      await apollo.query<Page>({ query: PAGE, fetchPolicy: 'network-only', variables: { first: 7, after: page.leads.pageInfo.endCursor } })
    ).data!;
  }
  const merged = apollo.readQuery<Page>({ query: PAGE, variables: { first: 7 } })!;
  expect(merged.leads.edges.map((edge) => edge.node.id)).toEqual(expected);
  expect(merged.leads.totalCount).toBe(expected.length);
  apollo.stop();
});

test('backward: last/before from the end merges into the whole inbox in order', async () => {
  const expected = await everyId();
  const apollo = client();
  let page = (await apollo.query<Page>({ query: PAGE, fetchPolicy: 'network-only', variables: { last: 6 } })).data!;
  for (let pages = 1; page.leads.pageInfo.hasPreviousPage; pages++) {
    expect(pages).toBeLessThan(expected.length);
    page = (
      await apollo.query<Page>({
        query: PAGE,
        fetchPolicy: 'network-only',
        variables: { last: 6, before: page.leads.pageInfo.startCursor },
      })
    ).data!;
  }
  const merged = apollo.readQuery<Page>({ query: PAGE, variables: { last: 6 } })!;
  expect(merged.leads.edges.map((edge) => edge.node.id)).toEqual(expected);
  apollo.stop();
});
