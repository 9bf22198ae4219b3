/**
 * Tesselys's REST shapes, as its external API documents them (see shared/providers/README.md).
 * The client's side only (what we send and expect back): the simulator keeps its own copy, written from
 * the docs, in simulator/*.documented-api.ts, so a drift between client and docs shows up in tests.
 */

export const TESSELYS_STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'UNQUALIFIED', 'CONVERTED'] as const;
export type TesselysStatus = (typeof TESSELYS_STATUSES)[number];

export const TESSELYS_SOURCE_CHANNELS = ['WEBSITE', 'PHONE', 'EMAIL', 'REFERRAL', 'SOCIAL_MEDIA', 'EVENT', 'OTHER'] as const;
export type TesselysSourceChannel = (typeof TESSELYS_SOURCE_CHANNELS)[number];

export const TESSELYS_ORDER_FIELDS = ['title', 'createdAt'] as const;
export type TesselysOrderField = (typeof TESSELYS_ORDER_FIELDS)[number];
export const TESSELYS_ORDER_DIRECTIONS = ['ASC', 'DESC'] as const;
export type TesselysOrderDirection = (typeof TESSELYS_ORDER_DIRECTIONS)[number];

/** Largest `limit` the list endpoint accepts. */
export const TESSELYS_MAX_LIMIT = 100;

export interface TesselysLeadDto {
  id: string;
  title: string;
  personId: string | null;
  personName: string | null;
  status: string;
  sourceChannel: string | null;
  description: string | null;
  tags: string[];
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `GET /external/v1/leads` query string. */
export interface TesselysListQueryDto {
  page?: number;
  limit?: number;
  search?: string;
  status?: TesselysStatus;
  orderBy?: TesselysOrderField;
  order?: TesselysOrderDirection;
}

export interface TesselysListMetaDto {
  total: number;
  page: number;
  limit: number;
  totalPages: number;
}

export interface TesselysListResponseDto {
  data: TesselysLeadDto[];
  meta: TesselysListMetaDto;
}

/** `POST /external/v1/leads` body. */
export interface TesselysCreateLeadDto {
  title: string;
  personId?: string;
  description?: string;
  sourceChannel?: TesselysSourceChannel;
  tags?: string[];
}

/** `PUT /external/v1/leads/:id` body: any subset. */
export interface TesselysUpdateLeadDto {
  title?: string;
  status?: TesselysStatus;
  description?: string;
  tags?: string[];
}

/** A person a lead can point at (`personId` → `personName`). */
export interface TesselysPersonDto {
  id: string;
  name: string;
}
