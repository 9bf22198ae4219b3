/** The app's frame: header and navigation, the API key, and the screen the URL's hash names. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InboxFilter } from './inbox/LeadFilters';
import { InboxPage } from './inbox/InboxPage';
import { LeadPage } from './lead/LeadPage';
import { NewLeadPage } from './new-lead/NewLeadPage';
import { hrefOf, useRoute } from './routing/use-route';
import { ApiKeyPanel } from './shared/ApiKeyPanel';

const NO_FILTER: InboxFilter = { search: '', order: 'newest' };

export function App() {
  const route = useRoute();
  // Kept here, so going back from a lead finds the inbox as it was left.
  const [filter, setFilter] = useState<InboxFilter>(NO_FILTER);
  const onFilterChange = useCallback((next: InboxFilter) => setFilter(next), []);
  const main = useRef<HTMLElement>(null);
  const screenKey = route.screen === 'lead' ? `lead:${route.id}` : route.screen === 'new' ? `new:${route.provider}` : 'inbox';
  const first = useRef(true);
  useEffect(() => {
    // A screen change moves the focus to the new screen, as a page load would.
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [screenKey]);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash holds the route: move the focus instead of navigating.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={hrefOf({ screen: 'inbox' })}>
          LeadGraph
        </a>
        <nav aria-label="Main">
          <a href={hrefOf({ screen: 'inbox' })} aria-current={route.screen === 'inbox' ? 'page' : undefined}>
            Inbox
          </a>
          <a href={hrefOf({ screen: 'new', provider: 'KEYSPOT' })} aria-current={route.screen === 'new' ? 'page' : undefined}>
            New lead
          </a>
        </nav>
        <ApiKeyPanel />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {route.screen === 'lead' ? (
          <LeadPage key={screenKey} id={route.id} />
        ) : route.screen === 'new' ? (
          <NewLeadPage key={screenKey} provider={route.provider} />
        ) : (
          <InboxPage filter={filter} onFilterChange={onFilterChange} />
        )}
      </main>
    </>
  );
}
