/**
 * "New lead": the providers that can create (from `providers { capabilities }`) as tabs, the form
 * of the chosen one, then its submission's progress. "Another lead" starts a new form, and so a
 * new idempotency key.
 */
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { LeadProvider, SubmissionFieldsFragment } from '../gql/graphql';
import { ProvidersQuery } from '../inbox/inbox.operations';
import { hrefOf } from '../routing/use-route';
import { ErrorNotice } from '../shared/ErrorNotice';
import { providerLabel } from '../shared/labels';
import { NewLeadForm } from './NewLeadForm';
import { PROVIDER_FORMS } from './provider-forms';
import { SubmissionProgress } from './SubmissionProgress';

export function NewLeadPage({ provider }: { provider: string }) {
  const { data, error, refetch } = useQuery(ProvidersQuery);
  const [accepted, setAccepted] = useState<SubmissionFieldsFragment>();
  const [formNumber, setFormNumber] = useState(0);
  const creators = (data?.providers ?? []).filter(
    (info) => info.configured && info.capabilities.includes('CREATE_LEAD') && info.provider in PROVIDER_FORMS,
  );
  const chosen = creators.find((info) => info.provider === provider)?.provider as LeadProvider | undefined;

  return (
    <div className="new-lead">
      <nav aria-label="Provider" className="tabs">
        {creators.map((info) => (
          <a
            key={info.provider}
            href={hrefOf({ screen: 'new', provider: info.provider })}
            aria-current={info.provider === chosen ? 'page' : undefined}
          >
            {providerLabel(info.provider)}
          </a>
        ))}
      </nav>
      {error ? <ErrorNotice error={error} onRetry={() => void refetch()} /> : null}
      {data && !chosen ? <p>{creators.length > 0 ? 'Choose a provider above.' : 'No configured provider can create leads.'}</p> : null}
      {chosen && !accepted ? <NewLeadForm key={`${chosen}:${formNumber}`} provider={chosen} onAccepted={setAccepted} /> : null}
      {accepted ? (
        <>
          <SubmissionProgress first={accepted} />
          <button
            type="button"
            onClick={() => {
              setAccepted(undefined);
              setFormNumber((n) => n + 1);
            }}
          >
            Another lead
          </button>
        </>
      ) : null}
    </div>
  );
}
