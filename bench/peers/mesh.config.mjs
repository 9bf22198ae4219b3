/**
 * Hive Gateway's source for `npm run bench:peers`: Tesselys's documented list endpoint described to
 * GraphQL Mesh's JSON Schema handler, as a user of Mesh would describe it. Composed by the bench
 * (`mesh-compose`) with the simulator's URL in TESSELYS_BASE_URL; the two credentials are read from
 * the gateway's environment at request time ({env.…}), never written into the supergraph.
 */
import process from 'node:process';
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadJSONSchemaSubgraph } from '@omnigraph/json-schema';

const nullableString = { type: ['string', 'null'] };
const lead = {
  title: 'TesselysLead',
  type: 'object',
  required: ['id', 'title', 'status', 'tags', 'isActive', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    personId: nullableString,
    personName: nullableString,
    status: { type: 'string' },
    sourceChannel: nullableString,
    description: nullableString,
    tags: { type: 'array', items: { type: 'string' } },
    isActive: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadJSONSchemaSubgraph('Tesselys', {
        endpoint: process.env.TESSELYS_BASE_URL,
        operationHeaders: {
          authorization: 'Bearer {env.TESSELYS_ACCESS_TOKEN}',
          'x-company-token': '{env.TESSELYS_COMPANY_TOKEN}',
        },
        operations: [
          {
            type: 'Query',
            field: 'leads',
            path: '/external/v1/leads',
            method: 'GET',
            argTypeMap: {
              page: { type: 'integer' },
              limit: { type: 'integer' },
              search: { type: 'string' },
              status: { type: 'string' },
              orderBy: { type: 'string' },
              order: { type: 'string' },
            },
            queryParamArgMap: { page: 'page', limit: 'limit', search: 'search', status: 'status', orderBy: 'orderBy', order: 'order' },
            responseSchema: {
              title: 'TesselysLeadPage',
              type: 'object',
              required: ['data', 'meta'],
              properties: {
                data: { type: 'array', items: lead },
                meta: {
                  title: 'TesselysPageMeta',
                  type: 'object',
                  properties: {
                    total: { type: 'integer' },
                    page: { type: 'integer' },
                    limit: { type: 'integer' },
                    totalPages: { type: 'integer' },
                  },
                },
              },
            },
          },
        ],
      }),
    },
  ],
});
