/** Every field of a lead as a description list; the raw payload folded away in a <details>. */
import type { LeadDetailFieldsFragment } from '../gql/graphql';
import { Badge } from '../shared/Badge';
import { dateTimeLabel, enumLabel, providerLabel } from '../shared/labels';

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="field-row">
      <dt>{term}</dt>
      <dd>{children ?? <span className="muted">—</span>}</dd>
    </div>
  );
}

function yesNo(value: boolean | null): string | null {
  return value === null ? null : value ? 'Yes' : 'No';
}

export function LeadFieldList({ lead }: { lead: LeadDetailFieldsFragment }) {
  return (
    <>
      <dl className="field-list">
        <Row term="Provider">
          <Badge kind="provider" value={lead.provider} label={providerLabel(lead.provider)} />
        </Row>
        <Row term="Status">
          <Badge kind="status" value={lead.status} label={enumLabel(lead.status)} />{' '}
          <span className="muted">
            ({lead.providerStatus} at {providerLabel(lead.provider)})
          </span>
        </Row>
        <Row term="Source">{lead.source ? <Badge kind="source" value={lead.source} label={enumLabel(lead.source)} /> : null}</Row>
        <Row term="Title">{lead.title}</Row>
        <Row term="Description">{lead.description ? <span className="pre-line">{lead.description}</span> : null}</Row>
        <Row term="Contact name">{lead.contact.name}</Row>
        <Row term="Contact e-mail">{lead.contact.email ? <a href={`mailto:${lead.contact.email}`}>{lead.contact.email}</a> : null}</Row>
        <Row term="Contact phone">{lead.contact.phone ? <a href={`tel:${lead.contact.phone}`}>{lead.contact.phone}</a> : null}</Row>
        <Row term="Person id">{lead.contact.personId}</Row>
        <Row term="Priority">{lead.priority ? enumLabel(lead.priority) : null}</Row>
        <Row term="Tags">
          {lead.tags.length > 0 ? lead.tags.map((tag) => <Badge key={tag} kind="tag" value={tag} label={tag} />) : null}
        </Row>
        <Row term="Active">{yesNo(lead.isActive)}</Row>
        <Row term="Property">{lead.property ? [lead.property.title, lead.property.id].filter(Boolean).join(' · ') : null}</Row>
        <Row term="Traffic origin">{lead.trafficOrigin}</Row>
        <Row term="Created">
          <time dateTime={lead.createdAt}>{dateTimeLabel(lead.createdAt)}</time>
        </Row>
        <Row term="Updated">
          <time dateTime={lead.updatedAt}>{dateTimeLabel(lead.updatedAt)}</time>
        </Row>
        <Row term="Id">
          <code>{lead.id}</code>
        </Row>
        <Row term={`${providerLabel(lead.provider)} id`}>
          <code>{lead.providerLeadId}</code>
        </Row>
      </dl>
      <details className="raw">
        <summary>Raw {providerLabel(lead.provider)} payload</summary>
        <pre>{JSON.stringify(lead.raw, null, 2)}</pre>
      </details>
    </>
  );
}
