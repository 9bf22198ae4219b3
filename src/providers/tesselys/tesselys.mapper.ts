/**
 * Tesselys DTO ⇄ unified Lead. Reading is tolerant of unknown enum values (UNKNOWN, keeping the
 * provider's spelling) but strict about what the docs promise (ids, title, dates): a payload
 * without them is a broken provider, not a lead.
 */
import { LeadOrderField, OrderDirection } from '../../leads/enums/lead-order.enums';
import { LeadProvider } from '../../leads/enums/lead-provider.enum';
import { LeadSource } from '../../leads/enums/lead-source.enum';
import { LeadStatus } from '../../leads/enums/lead-status.enum';
import type { CreateLeadInput } from '../../leads/inputs/create-lead.input';
import type { UpdateLeadInput } from '../../leads/inputs/update-lead.input';
import { toKnownOrUnknown, toKnownOrUnknownOrNull } from '../../leads/mapping/enum-values';
import { toGlobalId } from '../../leads/mapping/global-id';
import { optionalString, requireDate, requireObject, requireString, ResponseShapeError } from '../../leads/mapping/response-shape.error';
import type { Lead } from '../../leads/types/lead.type';
import type { LeadListQuery, ProviderPageRequest } from '../provider-adapter';
import { MAX_TAGS, requireBoundedPayload, requireCount, requireProviderId, requireSameLead, withinSize } from '../provider-answer-rules';
import type {
  TesselysCreateLeadDto,
  TesselysListQueryDto,
  TesselysListResponseDto,
  TesselysSourceChannel,
  TesselysStatus,
  TesselysUpdateLeadDto,
} from './tesselys.dto';
import { TESSELYS_MAX_LIMIT, TESSELYS_SOURCE_CHANNELS, TESSELYS_STATUSES } from './tesselys.dto';

export function tesselysLeadToLead(payload: unknown): Lead {
  const raw = requireObject(payload, 'a Tesselys lead');
  const providerLeadId = requireProviderId(raw, 'id');
  const providerStatus = withinSize(requireString(raw, 'status'), 'status');
  const tags = raw.tags ?? [];
  if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string'))
    throw new ResponseShapeError('field "tags" should be a list of strings');
  if (tags.length > MAX_TAGS) throw new ResponseShapeError(`field "tags" holds more than ${MAX_TAGS} tags`);
  for (const tag of tags as string[]) withinSize(tag, 'tags');
  requireBoundedPayload(raw);
  const isActive = raw.isActive;
  if (isActive !== undefined && isActive !== null && typeof isActive !== 'boolean')
    throw new ResponseShapeError('field "isActive" should be a boolean');
  return {
    id: toGlobalId(LeadProvider.TESSELYS, providerLeadId),
    provider: LeadProvider.TESSELYS,
    providerLeadId,
    title: withinSize(requireString(raw, 'title'), 'title'),
    description: withinSize(optionalString(raw, 'description'), 'description', 'long'),
    contact: {
      personId: withinSize(optionalString(raw, 'personId'), 'personId'),
      name: withinSize(optionalString(raw, 'personName'), 'personName'),
      email: null,
      phone: null,
    },
    status: toKnownOrUnknown(LeadStatus, providerStatus, LeadStatus.UNKNOWN),
    providerStatus,
    source: toKnownOrUnknownOrNull(LeadSource, withinSize(raw.sourceChannel, 'sourceChannel'), LeadSource.UNKNOWN),
    priority: null,
    tags: tags as string[],
    isActive: (isActive as boolean | undefined) ?? null,
    property: null,
    trafficOrigin: null,
    createdAt: requireDate(raw, 'createdAt'),
    updatedAt: requireDate(raw, 'updatedAt'),
    raw,
  };
}

/** The lead of `GET /leads/:id`, which must be the lead asked for. */
export function tesselysLeadFor(askedId: string, payload: unknown): Lead {
  const lead = tesselysLeadToLead(payload);
  requireSameLead(askedId, lead.providerLeadId);
  return lead;
}

/**
 * A list page: no more leads than the page says it holds (`meta.limit`), than the documented maximum
 * page, or than `askedLimit` when the caller passes the limit it sent; a total a GraphQL Int can hold.
 */
export function tesselysPageToLeads(payload: unknown, askedLimit?: number): { leads: Lead[]; total: number } {
  const body = requireObject(payload, 'the Tesselys list response') as Partial<TesselysListResponseDto>;
  if (!Array.isArray(body.data)) throw new ResponseShapeError('field "data" should be a list of leads');
  const meta = requireObject(body.meta, 'field "meta"');
  const total = requireCount(meta, 'total', 'meta.total');
  const pageLimit = meta.limit === undefined ? TESSELYS_MAX_LIMIT : requireCount(meta, 'limit', 'meta.limit');
  const allowed = Math.min(pageLimit, TESSELYS_MAX_LIMIT, askedLimit ?? TESSELYS_MAX_LIMIT);
  if (body.data.length > allowed) throw new ResponseShapeError(`field "data" holds more leads than the ${allowed} a page may hold`);
  return { leads: body.data.map((lead) => tesselysLeadToLead(lead)), total };
}

/** Tesselys takes a few channels as they are; the social networks become SOCIAL_MEDIA, the rest OTHER. */
export function tesselysSourceChannelFor(source: LeadSource): TesselysSourceChannel {
  if ((TESSELYS_SOURCE_CHANNELS as readonly string[]).includes(source)) return source as TesselysSourceChannel;
  if (source === LeadSource.INSTAGRAM || source === LeadSource.FACEBOOK || source === LeadSource.WHATSAPP) return 'SOCIAL_MEDIA';
  return 'OTHER';
}

export function toTesselysCreate(input: CreateLeadInput): TesselysCreateLeadDto {
  return {
    title: input.title ?? '',
    ...(input.contact?.personId ? { personId: input.contact.personId } : {}),
    ...(input.description != null ? { description: input.description } : {}),
    ...(input.source ? { sourceChannel: tesselysSourceChannelFor(input.source) } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
  };
}

export function toTesselysUpdate(input: UpdateLeadInput): TesselysUpdateLeadDto {
  return {
    ...(input.title != null ? { title: input.title } : {}),
    ...(input.status ? { status: input.status as TesselysStatus } : {}),
    ...(input.description != null ? { description: input.description } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
  };
}

export function toTesselysListQuery(query: LeadListQuery, page: ProviderPageRequest): TesselysListQueryDto {
  return {
    page: page.page,
    limit: page.limit,
    ...(query.search ? { search: query.search } : {}),
    ...(query.status ? { status: query.status as TesselysStatus } : {}),
    orderBy: query.orderBy === LeadOrderField.TITLE ? 'title' : 'createdAt',
    order: query.direction === OrderDirection.ASC ? 'ASC' : 'DESC',
  };
}

export const TESSELYS_ACCEPTED_STATUSES: readonly LeadStatus[] = TESSELYS_STATUSES.map((status) => LeadStatus[status]);
