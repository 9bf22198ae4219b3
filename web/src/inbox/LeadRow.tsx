/** One lead in the inbox: a link to its page, with provider, status and source badges. */
import type { LeadRowFieldsFragment } from '../gql/graphql';
import { hrefOf } from '../routing/use-route';
import { Badge } from '../shared/Badge';
import { dateTimeLabel, enumLabel, providerLabel } from '../shared/labels';

export function leadHeadline(lead: Pick<LeadRowFieldsFragment, 'title' | 'contact' | 'description' | 'id'>): string {
  return lead.title ?? lead.contact.name ?? lead.description?.slice(0, 80) ?? lead.id;
}

export function LeadRow({ lead }: { lead: LeadRowFieldsFragment }) {
  return (
    <li className="lead-row" data-lead-id={lead.id}>
      <a className="lead-link" href={hrefOf({ screen: 'lead', id: lead.id })}>
        <span className="lead-title">{leadHeadline(lead)}</span>
        {lead.title && lead.contact.name ? <span className="lead-contact">{lead.contact.name}</span> : null}
      </a>
      <div className="badges">
        <Badge kind="provider" value={lead.provider} label={providerLabel(lead.provider)} />
        <Badge kind="status" value={lead.status} label={lead.status === 'UNKNOWN' ? lead.providerStatus : enumLabel(lead.status)} />
        {lead.source ? <Badge kind="source" value={lead.source} label={enumLabel(lead.source)} /> : null}
      </div>
      <time className="lead-time" dateTime={lead.createdAt}>
        {dateTimeLabel(lead.createdAt)}
      </time>
    </li>
  );
}
