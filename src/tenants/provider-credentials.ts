/**
 * Turns a tenant's ProviderCredentialsInput into the provider module's own configuration, through
 * the module's readConfig (the very rules the environment is checked with): `clientSecret` for
 * Keyspot is read as KEYSPOT_CLIENT_SECRET, and so on. A field the provider does not read is
 * refused, so a credential never sits unused in the store. Problems name input fields, never values.
 */
import { trackReads } from '../config/unread-variables';
import { BadUserInputError, type FieldProblem } from '../errors/bad-user-input.error';
import type { ProviderModule } from '../providers/provider-adapter';
import type { StoredCredentials } from '../store/provider-credential-repository';

/** The fields of ProviderCredentialsInput, as GraphQL names them. */
export const CREDENTIAL_FIELDS = ['baseUrl', 'clientId', 'clientSecret', 'apiToken', 'accessToken', 'companyToken'] as const;
export type CredentialField = (typeof CREDENTIAL_FIELDS)[number];

/** The fields that are secrets: registered for redaction from every log line and error. */
export const SECRET_CREDENTIAL_FIELDS: readonly CredentialField[] = ['clientSecret', 'apiToken', 'accessToken', 'companyToken'];

const MAX_FIELD_LENGTH = 4096;

function variableOf(provider: string, field: CredentialField): string {
  return `${provider}_${field.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`;
}

/** The given (non-empty) fields of an input, as plain strings. */
export function credentialsOf(input: Partial<Record<CredentialField, string | null | undefined>>): StoredCredentials {
  const credentials: StoredCredentials = {};
  for (const field of CREDENTIAL_FIELDS) {
    const value = input[field];
    if (typeof value === 'string' && value.trim() !== '') credentials[field] = value.trim();
  }
  return credentials;
}

/** The module's configuration for these credentials; BAD_USER_INPUT (paths under `input`) when they do not make one. */
export function configFromCredentials<TConfig>(module: ProviderModule<TConfig>, credentials: StoredCredentials): TConfig {
  const problems: FieldProblem[] = [];
  const env: NodeJS.ProcessEnv = {};
  const names = new Map<string, CredentialField>();
  for (const field of CREDENTIAL_FIELDS) {
    const value = credentials[field];
    if (value === undefined) continue;
    if (value.length > MAX_FIELD_LENGTH)
      problems.push({ path: `input.${field}`, message: `is longer than ${MAX_FIELD_LENGTH} characters` });
    const name = variableOf(module.provider, field);
    env[name] = value;
    names.set(name, field);
  }
  if (problems.length) throw new BadUserInputError(problems);
  const tracked = trackReads(env);
  const result = module.readConfig(tracked.env);
  for (const [name, field] of names)
    if (!tracked.read.has(name)) problems.push({ path: `input.${field}`, message: `is not used by ${module.provider}` });
  for (const problem of result.problems) {
    const [name, field] = [...names].find(([variable]) => problem.includes(variable)) ?? [];
    let message = problem;
    for (const [variable, inputField] of names) message = message.split(variable).join(inputField);
    for (const field of CREDENTIAL_FIELDS) message = message.split(variableOf(module.provider, field)).join(field);
    problems.push({ path: field && name ? `input.${field}` : 'input', message });
  }
  if (problems.length) throw new BadUserInputError(problems);
  if (!result.config) throw BadUserInputError.of('input', `gives no credentials ${module.provider} uses`);
  return result.config;
}
