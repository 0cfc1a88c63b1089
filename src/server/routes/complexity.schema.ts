/** Schemas of the economic-complexity routes: per country (ECI), per product (PCI, RCA, density, COG), product space. */
import { countryProperty, errorResponses, resultQueryProperties, resultResponse } from '../schemas.ts';
import { yearProperty } from './report.schema.ts';

/** The Atlas country filter (metrics/country-filter.ts) is on unless asked otherwise. */
const allCountries = {
  type: 'boolean',
  default: false,
  description:
    'rank every location; by default only the countries the Atlas keeps (at least 1 M people and 1 bn USD of exports)',
} as const;

const tags = ['complexity'];
const level = {
  type: 'integer',
  enum: [2, 4, 6],
  default: 4,
  description: 'HS level (HS6 needs a BACI release; the embedded data has HS4)',
} as const;

const meta = {
  status: { type: 'string', enum: ['computed', 'missing'] },
  basis: { type: 'string' },
  missing: { type: ['string', 'null'] },
  year: { type: ['integer', 'null'] },
  level: { type: 'integer' },
  source: { type: ['string', 'null'] },
  countries: {
    type: ['object', 'null'],
    description:
      'the countries the measures were computed over: the Atlas filter (at least 1 M people and 1 bn USD of exports) with how many it ranked and left out, or every location (allCountries, or data that is not a world table)',
    required: ['filter', 'ranked', 'leftOut'],
    properties: {
      filter: { type: 'string', enum: ['atlas', 'all'] },
      ranked: { type: 'integer' },
      leftOut: { type: 'integer' },
    },
  },
} as const;

const number = { type: ['number', 'null'] } as const;

export const countriesSchema = {
  tags,
  summary: 'Economic complexity of every country: ECI, diversity, COI, total exports (Stata ecomplexity definitions)',
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { year: yearProperty, level, allCountries, ...resultQueryProperties },
  },
  response: {
    200: resultResponse(
      {
        type: 'object',
        required: ['status', 'basis', 'missing', 'year', 'level', 'rows'],
        properties: {
          ...meta,
          rows: {
            type: 'array',
            items: {
              type: 'object',
              required: ['iso3', 'name', 'eci', 'diversity', 'coi', 'exportsUsd'],
              properties: {
                iso3: { type: 'string' },
                name: { type: 'string' },
                eci: number,
                diversity: { type: 'integer' },
                coi: number,
                exportsUsd: { type: 'number' },
              },
            },
          },
        },
      },
      'countries ranked by ECI',
    ),
    ...errorResponses(400),
  },
} as const;

export const productsSchema = {
  tags,
  summary:
    "Complexity of every product (PCI, ubiquity, world exports) and, with country, that country's RCA, M, density and COG",
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      country: { type: 'string', minLength: 1, maxLength: 80, description: 'ISO3, ISO2, numeric code or name (EN/RU)' },
      year: yearProperty,
      level,
      allCountries,
      ...resultQueryProperties,
    },
  },
  response: {
    200: resultResponse(
      {
        type: 'object',
        required: ['status', 'basis', 'missing', 'year', 'level', 'country', 'rows'],
        properties: {
          ...meta,
          country: { type: ['string', 'null'] },
          eci: number,
          rows: {
            type: 'array',
            items: {
              type: 'object',
              required: ['product', 'name', 'section', 'pci', 'ubiquity', 'worldExportsUsd'],
              properties: {
                product: { type: 'string' },
                name: { type: 'string' },
                section: { type: ['string', 'null'] },
                pci: number,
                ubiquity: { type: 'integer' },
                worldExportsUsd: { type: 'number' },
                exportsUsd: number,
                rca: number,
                mcp: { type: ['integer', 'null'] },
                density: number,
                cog: number,
              },
            },
          },
        },
      },
      'products by PCI',
    ),
    ...errorResponses(400, 404),
  },
} as const;

export const productSpaceSchema = {
  tags,
  summary:
    "The product space of a year: products linked by the maximum spanning tree of proximity plus strong edges, the exporter's and importer's products marked",
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      exporter: countryProperty('exporter', 'BLR'),
      importer: countryProperty('importer', 'KAZ'),
      year: yearProperty,
      level,
      allCountries,
      minProximity: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        default: 0.55,
        description: 'keep non-tree edges with proximity >= this',
      },
      maxEdges: {
        type: 'integer',
        minimum: 0,
        maximum: 20000,
        default: 4000,
        description:
          'at most this many edges besides the spanning tree (the strongest are kept), so the graph stays drawable (and an answer stays a few MB)',
      },
      ...resultQueryProperties,
    },
  },
  response: {
    200: resultResponse(
      {
        type: 'object',
        required: ['status', 'basis', 'missing', 'year', 'level', 'nodes', 'edges'],
        properties: {
          ...meta,
          minProximity: { type: 'number' },
          edgesLeftOut: { type: 'integer', description: 'edges with proximity >= minProximity left out by maxEdges' },
          nodes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['product', 'name', 'section', 'worldTradeUsd', 'pci', 'exporterMcp', 'importerMcp'],
              properties: {
                product: { type: 'string' },
                name: { type: 'string' },
                section: { type: ['string', 'null'] },
                worldTradeUsd: { type: 'number' },
                pci: number,
                exporterMcp: { type: ['integer', 'null'] },
                importerMcp: { type: ['integer', 'null'] },
                exporterDensity: number,
              },
            },
          },
          edges: {
            type: 'array',
            items: {
              type: 'object',
              required: ['source', 'target', 'proximity', 'spanningTree'],
              properties: {
                source: { type: 'string' },
                target: { type: 'string' },
                proximity: { type: 'number' },
                spanningTree: { type: 'boolean' },
              },
            },
          },
        },
      },
      'nodes and edges',
    ),
    ...errorResponses(400, 404),
  },
} as const;
