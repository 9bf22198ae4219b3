/**
 * The "new lead" form of one provider. It sends `submitLead` with an idempotency key made once
 * for the form, so a double click or a retry after a network error never queues the lead twice;
 * the gateway's field messages (BAD_USER_INPUT) appear next to their fields, and the first field
 * in error takes the focus. Validation is the gateway's: the form adds no rules of its own.
 */
import { useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { describeError } from '../errors/describe-error';
import type { LeadProvider, SubmissionFieldsFragment } from '../gql/graphql';
import { ErrorNotice } from '../shared/ErrorNotice';
import { providerLabel } from '../shared/labels';
import { fieldId, FormFieldControl } from './FormFieldControl';
import { newIdempotencyKey } from './idempotency-key';
import { SubmitLeadMutation } from './new-lead.operations';
import { inputOf, PROVIDER_FORMS, type FormValues } from './provider-forms';

export interface NewLeadFormProps {
  provider: LeadProvider;
  onAccepted: (submission: SubmissionFieldsFragment) => void;
}

export function NewLeadForm({ provider, onAccepted }: NewLeadFormProps) {
  const fields = PROVIDER_FORMS[provider];
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [values, setValues] = useState<FormValues>({});
  const [submit, { loading, error, reset }] = useMutation(SubmitLeadMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const readable = error ? describeError(error) : undefined;
  const problems = new Map((readable?.fields ?? []).map((problem) => [problem.path, problem.message]));
  const unplaced = (readable?.fields ?? []).filter((problem) => !fields.some((field) => field.path === problem.path));

  async function send() {
    try {
      const result = await submit({ variables: { input: inputOf(provider, fields, values), idempotencyKey } });
      if (result.data) onAccepted(result.data.submitLead.submission);
    } catch (caught) {
      const first = describeError(caught).fields.find((problem) => fields.some((field) => field.path === problem.path));
      if (first) formRef.current?.querySelector<HTMLElement>(`#${fieldId(first.path)}`)?.focus();
    }
  }

  return (
    <form
      ref={formRef}
      className="card new-lead-form"
      noValidate
      aria-labelledby="new-lead-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h1 id="new-lead-heading">New {providerLabel(provider)} lead</h1>
      {fields.map((field) => (
        <FormFieldControl
          key={field.path}
          field={field}
          value={values[field.path] ?? ''}
          problem={problems.get(field.path)}
          onChange={(value) => {
            setValues((current) => ({ ...current, [field.path]: value }));
            if (problems.has(field.path)) reset();
          }}
        />
      ))}
      {error ? <ErrorNotice error={error} /> : null}
      {unplaced.length > 0 ? (
        <ul className="field-error">
          {unplaced.map((problem) => (
            <li key={problem.path}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="primary" disabled={loading}>
        {loading ? 'Sending…' : `Send to ${providerLabel(provider)}`}
      </button>
    </form>
  );
}
