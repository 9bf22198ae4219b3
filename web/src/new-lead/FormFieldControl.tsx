/** One labelled form control, with its hint and the gateway's message for it tied by aria-describedby. */
import type { FormField } from './provider-forms';
import { LEAD_SOURCES } from '../shared/enums';
import { enumLabel } from '../shared/labels';

export interface FormFieldControlProps {
  field: FormField;
  value: string;
  problem?: string;
  onChange: (value: string) => void;
}

export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}

export function FormFieldControl({ field, value, problem, onChange }: FormFieldControlProps) {
  const id = fieldId(field.path);
  const describedBy = [field.hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.path,
    value,
    'aria-invalid': problem ? true : undefined,
    'aria-required': field.required ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={problem ? 'form-field has-error' : 'form-field'}>
      <label htmlFor={id}>
        {field.label}
        {field.required ? <span className="required"> (required)</span> : null}
      </label>
      {field.kind === 'textarea' ? (
        <textarea {...common} rows={4} maxLength={field.maxLength} onChange={(event) => onChange(event.target.value)} />
      ) : field.kind === 'source' ? (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          <option value="">Not given</option>
          {LEAD_SOURCES.map((source) => (
            <option key={source} value={source}>
              {enumLabel(source)}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={field.kind === 'tags' ? 'text' : field.kind}
          autoComplete={field.autoComplete}
          maxLength={field.maxLength}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {field.hint ? (
        <p id={`${id}-hint`} className="hint">
          {field.hint}
        </p>
      ) : null}
      {problem ? (
        <p id={`${id}-error`} className="field-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
