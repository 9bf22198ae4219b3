/** The inbox's filter bar: provider, status, title search and order, each a labelled control. */
import { useEffect, useState } from 'react';
import type { LeadProvider, LeadStatus } from '../gql/graphql';
import { LEAD_PROVIDERS, LEAD_STATUSES, ORDER_CHOICES } from '../shared/enums';
import { enumLabel, providerLabel } from '../shared/labels';

export interface InboxFilter {
  provider?: LeadProvider;
  status?: LeadStatus;
  search: string;
  order: string;
}

export interface LeadFiltersProps {
  value: InboxFilter;
  onChange: (value: InboxFilter) => void;
}

/** The search box waits for a pause in typing, so each key press is not a query. */
const SEARCH_PAUSE_MS = 300;

export function LeadFilters({ value, onChange }: LeadFiltersProps) {
  const [search, setSearch] = useState(value.search);
  useEffect(() => {
    if (search === value.search) return;
    const timer = setTimeout(() => onChange({ ...value, search }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, value, onChange]);

  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter leads"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...value, search });
      }}
    >
      <label>
        Provider
        <select
          value={value.provider ?? ''}
          onChange={(event) => onChange({ ...value, provider: (event.target.value || undefined) as LeadProvider | undefined })}
        >
          <option value="">All providers</option>
          {LEAD_PROVIDERS.map((provider) => (
            <option key={provider} value={provider}>
              {providerLabel(provider)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select
          value={value.status ?? ''}
          onChange={(event) => onChange({ ...value, status: (event.target.value || undefined) as LeadStatus | undefined })}
        >
          <option value="">Any status</option>
          {LEAD_STATUSES.map((status) => (
            <option key={status} value={status}>
              {enumLabel(status)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Search titles
        <input type="search" value={search} maxLength={200} onChange={(event) => setSearch(event.target.value)} />
      </label>
      <label>
        Order
        <select value={value.order} onChange={(event) => onChange({ ...value, order: event.target.value })}>
          {ORDER_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
