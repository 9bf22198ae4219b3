/**
 * `POST /v1/leads`: the only lead operation Keyspot documents. The bearer check comes before
 * validation, as a NestJS guard runs before its pipes, so a bad token is a 401 whatever the body.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SimRoute } from '../../../simulators/simulator-server';
import { KEYSPOT_LEADS_PATH, type KeyspotDataEnvelope, type KeyspotLeadResource } from './keyspot.documented-api';
import { INVALID_TOKEN_MESSAGE, badRequest, unauthorized } from './keyspot.errors';
import type { KeyspotLeadStore } from './keyspot.lead-store';
import { validateCreateLead } from './keyspot.validation';
import type { KeyspotTokenIssuer } from './keyspot.token-issuer';

export interface KeyspotLeadRouteOptions {
  /** Also answer `trafficOrigin`, which Keyspot's documented response leaves out. */
  echoTrafficOrigin: boolean;
}

export function keyspotLeadRoute(issuer: KeyspotTokenIssuer, store: KeyspotLeadStore, options: KeyspotLeadRouteOptions): SimRoute {
  return {
    method: 'POST',
    path: KEYSPOT_LEADS_PATH,
    async handle({ headers, body }) {
      const token = bearerToken(headers);
      if (token === undefined || !(await issuer.isValid(token))) return unauthorized(INVALID_TOKEN_MESSAGE);

      const validation = validateCreateLead(body);
      if (!validation.ok) return badRequest(validation.errors);

      const lead = store.create(validation.value);
      const envelope: KeyspotDataEnvelope<KeyspotLeadResource> = { data: documentedFields(lead, options.echoTrafficOrigin) };
      return { status: 201, body: envelope };
    },
  };
}

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer +([^\s]+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/** Exactly the documented response fields, in the documented order. */
function documentedFields(lead: KeyspotLeadResource, withTrafficOrigin: boolean): KeyspotLeadResource {
  const { trafficOrigin, createdAt, updatedAt, ...rest } = lead;
  return withTrafficOrigin ? { ...rest, trafficOrigin: trafficOrigin ?? null, createdAt, updatedAt } : { ...rest, createdAt, updatedAt };
}
