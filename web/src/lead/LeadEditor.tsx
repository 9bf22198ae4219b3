/**
 * Status change and tag editing through `updateLead`, for a provider that supports updates
 * (Tesselys today). Each change is sent on its own; the answer's lead refreshes the cache, so the
 * inbox shows it too.
 */
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { LeadDetailFieldsFragment, LeadStatus, UpdateLeadInput } from '../gql/graphql';
import { UPDATABLE_STATUSES } from '../shared/enums';
import { ErrorNotice } from '../shared/ErrorNotice';
import { enumLabel } from '../shared/labels';
import { UpdateLeadMutation } from './lead.operations';

export function LeadEditor({ lead }: { lead: LeadDetailFieldsFragment }) {
  const statuses = UPDATABLE_STATUSES[lead.provider] ?? [];
  const [status, setStatus] = useState<LeadStatus>(lead.status);
  const [tags, setTags] = useState<string[]>(lead.tags);
  const [newTag, setNewTag] = useState('');
  const [saved, setSaved] = useState('');
  const [update, { loading, error }] = useMutation(UpdateLeadMutation);

  async function send(input: UpdateLeadInput, what: string) {
    setSaved('');
    try {
      await update({ variables: { id: lead.id, input } });
      setSaved(what);
    } catch {
      // shown through `error`
    }
  }

  function addTag() {
    const tag = newTag.trim();
    if (tag && !tags.includes(tag)) setTags([...tags, tag]);
    setNewTag('');
  }

  const tagsChanged = tags.join('\u0000') !== lead.tags.join('\u0000');
  return (
    <section className="card" aria-labelledby="edit-heading">
      <h2 id="edit-heading">Update</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void send({ status }, 'Status saved.');
        }}
      >
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.target.value as LeadStatus)}>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {enumLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={loading || status === lead.status}>
          Save status
        </button>
      </form>

      <fieldset className="tags-editor">
        <legend>Tags</legend>
        <ul className="tag-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag}>
              {tag}
              <button
                type="button"
                className="link-button"
                aria-label={`Remove tag ${tag}`}
                onClick={() => setTags(tags.filter((t) => t !== tag))}
              >
                ×
              </button>
            </li>
          ))}
          {tags.length === 0 ? <li className="muted">No tags</li> : null}
        </ul>
        <div className="inline-form">
          <label>
            New tag
            <input
              value={newTag}
              maxLength={100}
              onChange={(event) => setNewTag(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addTag();
                }
              }}
            />
          </label>
          <button type="button" onClick={addTag} disabled={!newTag.trim()}>
            Add tag
          </button>
          <button type="button" onClick={() => void send({ tags }, 'Tags saved.')} disabled={loading || !tagsChanged}>
            Save tags
          </button>
        </div>
      </fieldset>
      <p role="status" aria-live="polite" className="saved">
        {loading ? 'Saving…' : saved}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
