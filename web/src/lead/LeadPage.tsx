/** A lead's page: every field, the raw payload folded away, and the editor where the provider allows updates. */
import { useQuery } from '@apollo/client/react';
import { ProvidersQuery } from '../inbox/inbox.operations';
import { leadHeadline } from '../inbox/LeadRow';
import { hrefOf } from '../routing/use-route';
import { ErrorNotice } from '../shared/ErrorNotice';
import { LeadEditor } from './LeadEditor';
import { LeadFieldList } from './LeadFieldList';
import { LeadDetailQuery } from './lead.operations';

export function LeadPage({ id }: { id: string }) {
  const { data, error, loading, refetch } = useQuery(LeadDetailQuery, { variables: { id } });
  const providers = useQuery(ProvidersQuery);
  const lead = data?.lead;
  const updatable = providers.data?.providers.some((info) => info.provider === lead?.provider && info.capabilities.includes('UPDATE_LEAD'));
  return (
    <article aria-labelledby="lead-heading">
      <p>
        <a href={hrefOf({ screen: 'inbox' })}>← Back to the inbox</a>
      </p>
      {error ? <ErrorNotice error={error} onRetry={() => void refetch()} /> : null}
      {loading && !lead ? <p role="status">Loading the lead…</p> : null}
      {data && !lead ? (
        <>
          <h1 id="lead-heading">Lead not found</h1>
          <p>No lead has this id, or it was created outside this gateway.</p>
        </>
      ) : null}
      {lead ? (
        <>
          <h1 id="lead-heading">{leadHeadline(lead)}</h1>
          <div className="lead-layout">
            <section className="card" aria-label="Fields">
              <LeadFieldList lead={lead} />
            </section>
            {updatable ? <LeadEditor key={lead.id} lead={lead} /> : null}
          </div>
        </>
      ) : null}
    </article>
  );
}
