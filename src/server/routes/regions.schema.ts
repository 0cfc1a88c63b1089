/** Schemas of the regions routes (src/server/routes/regions.ts). */
import { anyObject, errorResponses, resultQueryProperties, resultResponse } from '../schemas.ts';

const tags = ['regions'];

export const regionsSchema = {
  tags,
  summary:
    "Regions for interregional cooperation: Kazakhstan's oblasts (areas, yields, combines needed and at work) or Belarus's regions (machinery makers), each figure dated and sourced",
  description:
    'Result: { kazakhstan } (KazakhstanRegions, src/analysis/regions.ts) or { belarus } (BelarusRegions), as `karavan regions --json`. format=tables, csv or xlsx gives the table of `karavan regions`.',
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      country: { type: 'string', enum: ['KAZ', 'BLR'], default: 'KAZ', description: 'whose regions' },
      ...resultQueryProperties,
    },
  },
  response: { 200: resultResponse(anyObject, 'Regions'), ...errorResponses(400) },
} as const;
