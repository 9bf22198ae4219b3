/**
 * The fields of the "new lead" form for each provider, following CreateLeadInput's rules (the
 * schema's descriptions): which provider can be offered comes from `providers { capabilities }`,
 * what each one asks for is here. Each field names its input path, the same path a
 * BAD_USER_INPUT error names, so the gateway's message lands next to its field.
 */
import type { CreateLeadInput, LeadProvider } from '../gql/graphql';

export interface FormField {
  /** The input path, e.g. `input.contact.email`. */
  path: string;
  label: string;
  kind: 'text' | 'email' | 'tel' | 'textarea' | 'tags' | 'source';
  required?: boolean;
  hint?: string;
  autoComplete?: string;
  maxLength?: number;
}

export const PROVIDER_FORMS: Record<LeadProvider, readonly FormField[]> = {
  KEYSPOT: [
    { path: 'input.contact.name', label: 'Contact name', kind: 'text', required: true, autoComplete: 'name', maxLength: 255 },
    { path: 'input.contact.email', label: 'Contact e-mail', kind: 'email', required: true, autoComplete: 'email', maxLength: 254 },
    {
      path: 'input.contact.phone',
      label: 'Contact phone',
      kind: 'tel',
      required: true,
      autoComplete: 'tel',
      hint: 'e.g. +55 11 99999-9999',
      maxLength: 32,
    },
    { path: 'input.description', label: 'Message', kind: 'textarea', required: true, maxLength: 10000 },
    {
      path: 'input.property.code',
      label: 'Property code',
      kind: 'text',
      hint: 'links the lead to a Keyspot property, e.g. AP-1021',
      maxLength: 64,
    },
    { path: 'input.property.title', label: 'Property title', kind: 'text', maxLength: 255 },
    { path: 'input.source', label: 'Source', kind: 'source' },
    { path: 'input.trafficOrigin', label: 'Traffic origin', kind: 'text', hint: 'campaign or UTM', maxLength: 500 },
  ],
  TESSELYS: [
    { path: 'input.title', label: 'Title', kind: 'text', required: true, maxLength: 255 },
    { path: 'input.description', label: 'Description', kind: 'textarea', maxLength: 10000 },
    { path: 'input.contact.personId', label: 'Person id', kind: 'text', hint: 'an existing Tesselys person' },
    { path: 'input.tags', label: 'Tags', kind: 'tags', hint: 'separated by commas' },
    { path: 'input.source', label: 'Source', kind: 'source' },
  ],
};

export type FormValues = Record<string, string>;

/** The CreateLeadInput the form's values make: empty fields left out, tags split on commas. */
export function inputOf(provider: LeadProvider, fields: readonly FormField[], values: FormValues): CreateLeadInput {
  const input: Record<string, unknown> = { provider };
  for (const field of fields) {
    const raw = values[field.path] ?? '';
    const value =
      field.kind === 'tags'
        ? raw
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean)
        : raw.trim();
    if (value.length === 0) continue;
    const keys = field.path.split('.').slice(1);
    let target = input;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys[keys.length - 1]!] = value;
  }
  return input as unknown as CreateLeadInput;
}
