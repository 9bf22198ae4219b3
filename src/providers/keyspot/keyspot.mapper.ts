/**
 * Keyspot DTO ⇄ unified Lead: `message` is our `description`, name/e-mail/phone are the contact,
 * propertyId/interestedPropertyTitle the property. Unknown enum spellings become UNKNOWN.
 */
import { LeadPriority } from '../../leads/enums/lead-priority.enum';
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { LeadSource } from '../../leads/enums/lead-source.enum';
import { LeadStatus } from '../../leads/enums/lead-status.enum';
import type { CreateLeadInput } from '../../leads/inputs/create-lead.input';
import { toKnownOrUnknown, toKnownOrUnknownOrNull } from '../../leads/mapping/enum-values';
import { toGlobalId } from '../../leads/mapping/global-id';
import { optionalString, requireDate, requireObject, requireString } from '../../leads/mapping/response-shape.error';
import type { Lead } from '../../leads/types/lead.type';
import { requireBoundedPayload, requireProviderId, withinSize } from '../provider-answer-rules';
import type { KeyspotCreateLeadDto, KeyspotSource } from './keyspot.dto';

/** Keyspot takes every LeadSource but EVENT, which it has no word for. */
export function keyspotSourceFor(source: LeadSource): KeyspotSource {
  return source === LeadSource.EVENT ? 'OTHER' : (source as KeyspotSource);
}

export function toKeyspotCreate(input: CreateLeadInput): KeyspotCreateLeadDto {
  const contact = input.contact ?? {};
  return {
    name: contact.name ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    message: input.description ?? '',
    ...(input.source ? { source: keyspotSourceFor(input.source) } : {}),
    ...(input.property?.code ? { propertyCode: input.property.code } : {}),
    ...(input.property?.title ? { interestedPropertyTitle: input.property.title } : {}),
    ...(input.trafficOrigin ? { trafficOrigin: input.trafficOrigin } : {}),
  };
}

/** Keyspot wraps its lead in `{ "data": ... }`. */
export function keyspotEnvelopeToLead(payload: unknown): Lead {
  return keyspotLeadToLead(requireObject(payload, 'the Keyspot response').data);
}

export function keyspotLeadToLead(payload: unknown): Lead {
  const raw = requireObject(payload, 'a Keyspot lead');
  const providerLeadId = requireProviderId(raw, 'id');
  const providerStatus = withinSize(requireString(raw, 'status'), 'status');
  const propertyId = withinSize(optionalString(raw, 'propertyId'), 'propertyId');
  const propertyTitle = withinSize(optionalString(raw, 'interestedPropertyTitle'), 'interestedPropertyTitle');
  requireBoundedPayload(raw);
  return {
    id: toGlobalId(LeadProvider.KEYSPOT, providerLeadId),
    provider: LeadProvider.KEYSPOT,
    providerLeadId,
    title: null,
    description: withinSize(optionalString(raw, 'message'), 'message', 'long'),
    contact: {
      personId: null,
      name: withinSize(optionalString(raw, 'name'), 'name'),
      email: withinSize(optionalString(raw, 'email'), 'email'),
      phone: withinSize(optionalString(raw, 'phone'), 'phone'),
    },
    status: toKnownOrUnknown(LeadStatus, providerStatus, LeadStatus.UNKNOWN),
    providerStatus,
    source: toKnownOrUnknownOrNull(LeadSource, withinSize(raw.source, 'source'), LeadSource.UNKNOWN),
    priority: toKnownOrUnknownOrNull(LeadPriority, withinSize(raw.priority, 'priority'), LeadPriority.UNKNOWN),
    tags: [],
    isActive: null,
    property: propertyId || propertyTitle ? { id: propertyId, title: propertyTitle } : null,
    trafficOrigin: withinSize(optionalString(raw, 'trafficOrigin'), 'trafficOrigin'),
    createdAt: requireDate(raw, 'createdAt'),
    updatedAt: requireDate(raw, 'updatedAt'),
    raw,
  };
}
