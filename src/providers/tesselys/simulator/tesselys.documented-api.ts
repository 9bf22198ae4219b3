/**
 * Tesselys's external leads API as its own documentation states it (shared/providers/tesselys-leads.source.txt
 * and README.md), written for the simulator alone. The client keeps its own copy in tesselys.dto.ts on
 * purpose: if the two ever disagree, a test against the simulator fails instead of both drifting together.
 * Never import the client's DTOs here (a lint rule and test/simulators/simulator-imports.test.ts enforce it).
 */

export const TESSELYS_LEADS_PATH = '/external/v1/leads';
export const TESSELYS_LEAD_PATH = '/external/v1/leads/:id';

/** "Valores de Enum: status". */
export const TESSELYS_DOCUMENTED_STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'UNQUALIFIED', 'CONVERTED'] as const;
export type TesselysDocumentedStatus = (typeof TESSELYS_DOCUMENTED_STATUSES)[number];

/** "Valores de Enum: sourceChannel". */
export const TESSELYS_DOCUMENTED_SOURCE_CHANNELS = ['WEBSITE', 'PHONE', 'EMAIL', 'REFERRAL', 'SOCIAL_MEDIA', 'EVENT', 'OTHER'] as const;
export type TesselysDocumentedSourceChannel = (typeof TESSELYS_DOCUMENTED_SOURCE_CHANNELS)[number];

/** List query `orderBy` (default createdAt) and `order` (default DESC). */
export const TESSELYS_DOCUMENTED_ORDER_FIELDS = ['title', 'createdAt'] as const;
export type TesselysDocumentedOrderField = (typeof TESSELYS_DOCUMENTED_ORDER_FIELDS)[number];
export const TESSELYS_DOCUMENTED_ORDER_DIRECTIONS = ['ASC', 'DESC'] as const;
export type TesselysDocumentedOrderDirection = (typeof TESSELYS_DOCUMENTED_ORDER_DIRECTIONS)[number];

/** List query `limit`: "default: 20, max: 100"; `page`: "default: 1". */
export const TESSELYS_DOCUMENTED_MAX_LIMIT = 100;
export const TESSELYS_DOCUMENTED_DEFAULT_LIMIT = 20;

/** Create body `title`: "max: 255". */
export const TESSELYS_DOCUMENTED_TITLE_MAX = 255;

/** "O lead e criado automaticamente com status NEW". */
export const TESSELYS_NEW_LEAD_STATUS: TesselysDocumentedStatus = 'NEW';

/** A lead as every endpoint answers it (not wrapped, except in the list's `data`). */
export interface TesselysLeadResource {
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

/** `GET /external/v1/leads` 200 body. */
export interface TesselysLeadPage {
  data: TesselysLeadResource[];
  meta: { total: number; page: number; limit: number; totalPages: number };
}

/** `POST /external/v1/leads` body: title required, the rest optional. */
export interface TesselysCreateLeadBody {
  title: string;
  personId?: string;
  description?: string;
  sourceChannel?: TesselysDocumentedSourceChannel;
  tags?: string[];
}

/** Who `personId` points at; `personName` is resolved from it. Not an endpoint of its own in the docs. */
export interface TesselysPerson {
  id: string;
  name: string;
}
