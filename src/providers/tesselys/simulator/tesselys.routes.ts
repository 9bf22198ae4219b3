/**
 * The four documented Tesselys endpoints as simulator routes. Each one checks both credentials
 * first (a guard runs before validation in NestJS, so a bad token is a 401 even on a bad body),
 * then validates, then asks the store.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SimReply, SimRequest, SimRoute } from '../../../simulators/simulator-server';
import { TESSELYS_LEAD_PATH, TESSELYS_LEADS_PATH } from './tesselys.documented-api';
import { badRequest, leadNotFound, unauthorized } from './tesselys.errors';
import type { TesselysLeadStore } from './tesselys.lead-store';
import { validateCreateBody, validateListQuery, validateUpdateBody } from './tesselys.validation';

export interface TesselysCredentials {
  accessToken: string;
  companyToken: string;
}

export function tesselysRoutes(store: TesselysLeadStore, credentials: TesselysCredentials): SimRoute[] {
  const guarded = (handle: (request: SimRequest) => SimReply) => (request: SimRequest) =>
    hasCredentials(request.headers, credentials) ? handle(request) : unauthorized();

  return [
    {
      method: 'GET',
      path: TESSELYS_LEADS_PATH,
      handle: guarded(({ query }) => {
        const validated = validateListQuery(query);
        return validated.ok ? { status: 200, body: store.list(validated.value) } : badRequest(validated.message);
      }),
    },
    {
      method: 'GET',
      path: TESSELYS_LEAD_PATH,
      handle: guarded(({ params }) => {
        const lead = store.get(params.id!);
        return lead ? { status: 200, body: lead } : leadNotFound();
      }),
    },
    {
      method: 'POST',
      path: TESSELYS_LEADS_PATH,
      handle: guarded(({ body }) => {
        const validated = validateCreateBody(body);
        return validated.ok ? { status: 201, body: store.create(validated.value) } : badRequest(validated.message);
      }),
    },
    {
      method: 'PUT',
      path: TESSELYS_LEAD_PATH,
      // Validation before the lookup, as a NestJS pipe runs before the handler: a bad body is a 400 even for an unknown id.
      handle: guarded(({ params, body }) => {
        const validated = validateUpdateBody(body);
        if (!validated.ok) return badRequest(validated.message);
        const lead = store.update(params.id!, validated.value);
        return lead ? { status: 200, body: lead } : leadNotFound();
      }),
    },
  ];
}

/** Both headers must match exactly; the `Bearer` scheme name is case-insensitive (RFC 7235). */
function hasCredentials(headers: IncomingHttpHeaders, credentials: TesselysCredentials): boolean {
  const match = /^bearer (.+)$/i.exec(headers.authorization ?? '');
  return match?.[1] === credentials.accessToken && headers['x-company-token'] === credentials.companyToken;
}
