/**
 * Schemas of the report-section routes (src/analysis/: turnover, needs, supply, potential,
 * rivals, joint production, surplus, and the whole report). Results are the analysis functions'
 * objects; their full shapes are the TypeScript types named in each description.
 */
import { anyObject, countryProperty, errorResponses, resultQueryProperties, resultResponse } from '../schemas.ts';

/** The Atlas country filter is on unless asked otherwise (docs/complexity.md § Country filter). */
const allCountriesProperty = {
  type: 'boolean',
  default: false,
  description:
    'complexity over every country; by default only those the Atlas keeps (at least 1 M people, 1 bn USD of exports)',
} as const;

const tags = ['report'];

export const yearProperty = {
  type: 'integer',
  minimum: 1962,
  maximum: 2100,
  description: 'year (default: the newest the store covers)',
} as const;
export const levelProperty = { type: 'integer', enum: [2, 4, 6], description: 'HS level' } as const;
const limitProperty = (fallback: number) =>
  ({ type: 'integer', minimum: 1, maximum: 1000, default: fallback, description: 'rows returned' }) as const;

const pair = { exporter: countryProperty('exporter', 'BLR'), importer: countryProperty('importer', 'KAZ') } as const;

function sectionSchema(
  summary: string,
  type: string,
  properties: Record<string, object>,
  extraStatuses: number[] = [],
) {
  return {
    tags,
    summary,
    description: `Result: ${type} (src/analysis/). Every section carries status (computed, partial, missing), basis and missing (the file and command that would fill the gap).`,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { ...properties, ...resultQueryProperties },
    },
    response: {
      200: resultResponse(
        {
          type: 'object',
          additionalProperties: true,
          required: ['status', 'basis', 'missing'],
          properties: {
            status: { type: 'string', enum: ['computed', 'partial', 'missing'] },
            basis: { type: 'string' },
            missing: { type: ['string', 'null'] },
          },
        },
        type,
      ),
      ...errorResponses(400, 404, ...extraStatuses),
    },
  } as const;
}

export const turnoverSchema = sectionSchema(
  'Turnover monitor (trade both ways by year, growth, mirror gap, official totals) and the target planner',
  '{ status, basis, missing, turnover: TurnoverResult, target: TargetPlan & { example, basis } | null }; without targetUsd/targetYear the target is an example (double in five years)',
  {
    ...pair,
    targetUsd: { type: 'number', exclusiveMinimum: 0, maximum: 1e15, description: 'target turnover, USD' },
    targetYear: { type: 'integer', minimum: 1962, maximum: 2100, description: 'year to reach it' },
  },
);

export const basketSchema = sectionSchema(
  "The pair's trade basket: today's flows by product both ways, grouped HS section > chapter > heading, with each product's series, growth, share of the buyer's imports and the mirror",
  'BasketResult',
  {
    ...pair,
    year: yearProperty,
    level: { ...levelProperty, default: 6 },
    limit: limitProperty(1000),
    direction: {
      type: 'string',
      enum: ['both', 'exports', 'imports'],
      default: 'both',
      description: 'exports: exporter -> importer; imports: importer -> exporter',
    },
  },
);

export const needsSchema = sectionSchema(
  "Importer needs: what the importer buys by product, growth, suppliers, HHI, the exporter's share",
  'NeedsResult',
  {
    ...pair,
    year: yearProperty,
    level: { ...levelProperty, default: 6 },
    limit: limitProperty(50),
  },
);

export const supplySchema = sectionSchema(
  'Exporter supply: world exports by product, RCA, growth, PCI',
  'SupplyResult',
  {
    exporter: countryProperty('exporter', 'BLR'),
    year: yearProperty,
    level: { ...levelProperty, default: 4 },
    limit: limitProperty(50),
    allCountries: allCountriesProperty,
  },
);

export const potentialSchema = sectionSchema(
  'Export potential (ITC method): potential, actual and untapped exports by product and HS section',
  'PotentialResult',
  {
    ...pair,
    year: yearProperty,
    level: { ...levelProperty, default: 6 },
    limit: limitProperty(50),
  },
);

export const rivalsSchema = sectionSchema(
  "Rivals: suppliers' shares of the importer's market for given products, their trend and unit values",
  'RivalsResult',
  {
    ...pair,
    products: {
      type: 'string',
      pattern: '^[0-9]{2}([0-9]{2}){0,2}(,[0-9]{2}([0-9]{2}){0,2}){0,19}$',
      description:
        "HS codes, comma-separated (at most 20), at the chosen level (default: the pair's largest flows and the exporter's competitive exports)",
    },
    year: yearProperty,
    level: { ...levelProperty, default: 6 },
  },
);

export const jointSchema = sectionSchema(
  'Joint production: products the pair could make together, scored by demand, density, COG and PCI',
  'JointProductionResult',
  {
    ...pair,
    year: yearProperty,
    level: { ...levelProperty, default: 4 },
    limit: limitProperty(30),
    allCountries: allCountriesProperty,
  },
);

export const surplusSchema = sectionSchema(
  "Surplus placement: the exporter's competitive products where the importer's imports grow and rivals hold the market",
  'SurplusResult',
  {
    ...pair,
    year: yearProperty,
    level: { ...levelProperty, default: 6 },
    limit: limitProperty(30),
  },
);

export const reportSchema = {
  tags,
  summary: 'The whole pair report: every section, its coverage, the datasets (buildReport)',
  description:
    'Result: ReportModel (src/analysis/report.ts), as `karavan report --json`. format=xlsx gives every table of every section, one sheet each.',
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...pair,
      year: yearProperty,
      level: {
        type: 'integer',
        enum: [4, 6],
        description:
          'HS level of the flow-based sections (default: 6); when given, supply and joint production use it too, as the CLI report does',
      },
      limit: limitProperty(25),
      allCountries: allCountriesProperty,
      products: {
        type: 'string',
        pattern: '^[0-9]{2}([0-9]{2}){0,2}(,[0-9]{2}([0-9]{2}){0,2}){0,19}$',
        description:
          "HS codes for the rivals section (default: the pair's largest flows and the exporter's competitive exports)",
      },
      ...resultQueryProperties,
    },
  },
  response: { 200: resultResponse(anyObject, 'ReportModel'), ...errorResponses(400, 404) },
} as const;
