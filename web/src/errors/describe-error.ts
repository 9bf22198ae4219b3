/**
 * Turns what Apollo Client reports into sentences a person reads: the gateway's error codes
 * (README, Errors) with the provider's name and the wait when there is one, never JSON. Field
 * problems of BAD_USER_INPUT come back by input path (e.g. `input.contact.email`), for the form
 * to show next to each field.
 */
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { providerLabel } from '../shared/labels';

export interface FieldProblem {
  path: string;
  message: string;
}

export interface ReadableError {
  /** One sentence saying what happened and what to do. */
  message: string;
  /** BAD_USER_INPUT's field problems, by input path. */
  fields: FieldProblem[];
  code?: string;
  requestId?: string;
}

interface ErrorLike {
  message?: string;
  extensions?: Record<string, unknown>;
}

function firstGatewayError(error: unknown): ErrorLike | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0] as ErrorLike | undefined;
  if (ServerError.is(error)) {
    // Refusals made before GraphQL runs (401, 413, 429) still carry `{ errors: [...] }`.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: ErrorLike[] };
      return body.errors?.[0];
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function seconds(value: unknown): string {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.ceil(value)) : undefined;
  if (n === undefined) return 'in a moment';
  return n === 1 ? 'in 1 second' : `in ${n} seconds`;
}

function fieldProblems(extensions: Record<string, unknown> | undefined): FieldProblem[] {
  const fields = extensions?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((field): field is FieldProblem => typeof field?.path === 'string' && typeof field?.message === 'string');
}

export function describeError(error: unknown): ReadableError {
  const first = firstGatewayError(error);
  const extensions = first?.extensions;
  const code = typeof extensions?.code === 'string' ? extensions.code : undefined;
  const provider = typeof extensions?.provider === 'string' ? providerLabel(extensions.provider) : 'The provider';
  const requestId = typeof extensions?.requestId === 'string' ? extensions.requestId : undefined;
  const base = { fields: fieldProblems(extensions), ...(code ? { code } : {}), ...(requestId ? { requestId } : {}) };
  switch (code) {
    case 'BAD_USER_INPUT':
      return {
        ...base,
        message:
          base.fields.length > 0 ? 'Some fields need a fix: see the messages next to them.' : (first?.message ?? 'The input was refused.'),
      };
    case 'UNAUTHENTICATED':
      return { ...base, message: 'This LeadGraph needs an API key: enter one above.' };
    case 'FORBIDDEN':
      return { ...base, message: 'Your API key is not allowed to do this. Use a key with the right scope.' };
    case 'RATE_LIMITED':
      return { ...base, message: `Too many requests from this app. Try again ${seconds(extensions?.retryAfterSeconds)}.` };
    case 'PROVIDER_RATE_LIMITED':
      return { ...base, message: `${provider} is limiting how fast we can call it. Try again ${seconds(extensions?.retryAfterSeconds)}.` };
    case 'PROVIDER_UNAVAILABLE':
      return { ...base, message: `${provider} is not answering right now. Try again in a moment.` };
    case 'PROVIDER_REJECTED':
      return { ...base, message: `${provider} refused it: ${first?.message ?? 'no reason given'}` };
    case 'PROVIDER_AUTH_FAILED':
      return { ...base, message: `${provider} refused LeadGraph's credentials. An administrator must check them.` };
    case 'PROVIDER_BAD_RESPONSE':
      return { ...base, message: `${provider} sent an answer LeadGraph could not read. Nothing was changed; try again later.` };
    case 'UNSUPPORTED_BY_PROVIDER':
      return { ...base, message: `${provider} cannot do that through LeadGraph.` };
    case 'IDEMPOTENCY_KEY_REUSED':
      return { ...base, message: 'This form was already sent with other values. Start a new lead to send these.' };
    case 'IDEMPOTENCY_KEY_IN_USE':
      return { ...base, message: `This lead is still being sent. Try again ${seconds(extensions?.retryAfterSeconds)}.` };
    case 'PAYLOAD_TOO_LARGE':
      return { ...base, message: 'That is too much text to send at once.' };
    case undefined:
      break;
    default:
      return { ...base, message: `Something went wrong on the server${requestId ? ` (request ${requestId})` : ''}. Try again later.` };
  }
  if (ServerError.is(error)) return { ...base, message: `LeadGraph answered with an error (HTTP ${error.statusCode}). Try again later.` };
  if (error instanceof TypeError) return { ...base, message: 'LeadGraph cannot be reached. Check your connection and try again.' };
  return { ...base, message: 'Something went wrong. Try again later.' };
}
