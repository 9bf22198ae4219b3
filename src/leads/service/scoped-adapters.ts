/**
 * The adapters one caller (a GraphQL request, later one delivery attempt) uses: one per connection,
 * made on first use with the caller's scope (its logger, its upstream call count) and reused for
 * the rest of that caller's work.
 */
import type { LeadProviderAdapter, ProviderConnection, RequestScope } from '../../providers/provider-adapter';

export class ScopedAdapters {
  private readonly adapters = new Map<ProviderConnection, LeadProviderAdapter>();

  constructor(readonly scope: RequestScope) {}

  of(connection: ProviderConnection): LeadProviderAdapter {
    let adapter = this.adapters.get(connection);
    if (!adapter) {
      adapter = connection.forRequest(this.scope);
      this.adapters.set(connection, adapter);
    }
    return adapter;
  }
}
