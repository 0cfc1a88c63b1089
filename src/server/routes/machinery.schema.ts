/**
 * Schemas of the machinery planner routes (src/machinery/, docs/machinery.md). The scenario's
 * domains (area > 0, shares in (0, 1], ...) are checked by the core, whose messages name the field.
 */
import { anyObject, errorResponses, resultQueryProperties, resultResponse } from '../schemas.ts';

const tags = ['machinery'];

const number = (description: string) => ({ type: 'number', description }) as const;
const text = (description: string) => ({ type: 'string', minLength: 1, maxLength: 80, description }) as const;

/** ScenarioOptions (src/machinery/scenario.ts); omitted fields take the defaults shown there. */
export const scenarioBody = {
  type: 'object',
  description:
    'A planning scenario: ScenarioOptions of src/machinery/scenario.ts (also accepted: crop, machine, tractor, preset, title, description).',
  properties: {
    cropId: text('crop id from the catalog (default wheat)'),
    machineId: text('machine id (default combine-sp-9m)'),
    tractorId: text("tractor for a towed machine (default: the machine's)"),
    presetId: text('scenario preset, e.g. kz-wheat-2023'),
    areaHa: number('area to cover in the window, ha (required)'),
    windowDays: number('calendar days in the window (default 10)'),
    hoursPerDay: number('working hours per workable day (default 8)'),
    workableShare: number('share of window days that are workable, (0, 1] (default 1)'),
    widthM: number("working width, m (default: the machine's)"),
    speedKmh: number("field speed, km/h (default: the machine's)"),
    fieldEfficiency: number("field efficiency, (0, 1] (default: the machine's)"),
    listPriceUsd: number("list price, USD (default: the catalog's)"),
    purchasePriceShare: number('purchase price / list price (default 0.9)'),
    ownershipYears: number('years of ownership (default 10)'),
    realInterestRate: number('real interest rate (default 0.05)'),
    taxesInsuranceHousingShare: number('taxes + insurance + housing per year, share of purchase price (default 0.02)'),
    fuelPriceUsdPerLitre: number('diesel price, USD/L (default 1)'),
    wageUsdPerHour: number('operator wage, USD/h (default 25)'),
    lubricationShareOfFuel: number('lubrication as a share of fuel cost (default 0.15)'),
    fuelLitresPerKwh: number('diesel per kWh of PTO power (default 0.223)'),
    yieldTPerHa: number("yield, t/ha (default: the preset's or the crop's)"),
    grainPriceUsdPerT: number("grain price, USD/t (default: the crop's)"),
    timelinessLossSharePerDay: number("timeliness K per day (default: the crop's)"),
    zDivisor: number('Z in F19: 2 or 4 (default 2)'),
  },
  additionalProperties: true,
} as const;

const catalogBody = {
  ...anyObject,
  description: 'your catalog (the catalog file format of docs/machinery.md), layered over the shipped one',
} as const;

export const catalogSchema = {
  tags,
  summary: 'Machine classes, crops and presets with their source tags',
  description: 'As `karavan machinery catalog --json`.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...resultQueryProperties } },
  response: { 200: resultResponse(anyObject, 'the catalog and presets'), ...errorResponses(400) },
} as const;

export const fleetSchema = {
  tags,
  summary:
    'Fleet plan: machines needed for an area in a window, cost per ha and per t, cost-minimising fleet, sensitivity',
  description: 'As `karavan machinery fleet --json`: { plan, fleetSizeTable, sensitivity }.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...resultQueryProperties } },
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['scenario'],
    properties: {
      scenario: scenarioBody,
      sizes: {
        type: 'array',
        minItems: 1,
        maxItems: 50,
        items: { type: 'integer', minimum: 1, maximum: 100000 },
        description: 'fleet sizes for the cost-by-size table (default: around the window fleet)',
      },
      altWorkableShare: {
        type: 'number',
        description: 'second pwd for the cost-by-size table (default 0.7, or 1 when workableShare < 1)',
      },
      factors: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: { type: 'number' },
        description: 'sensitivity factors (default 0.8, 0.9, 1.1, 1.2)',
      },
      catalog: catalogBody,
    },
  },
  response: { 200: resultResponse(anyObject, 'the plan'), ...errorResponses(400, 404) },
} as const;

const side = {
  type: 'object',
  additionalProperties: false,
  required: ['machineId'],
  properties: { machineId: text('machine id'), tractorId: text("tractor if towed (default: the machine's)") },
} as const;

export const compareSchema = {
  tags,
  summary:
    'Two machines on the same scenario: fleet size, cost per ha and per t, break-even list price, winner and margin',
  description:
    'As `karavan machinery compare A B --scenario FILE --json`. The scenario cannot set machine-specific fields.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...resultQueryProperties } },
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['scenario', 'a', 'b'],
    properties: { scenario: scenarioBody, a: side, b: side, catalog: catalogBody },
  },
  response: { 200: resultResponse(anyObject, 'the comparison'), ...errorResponses(400, 404) },
} as const;

export const demoSchema = {
  tags,
  summary: 'Demonstration-plot plan: randomised replicated blocks, days, measures, and a measurement sheet',
  description: 'As `karavan machinery demo --json`; format=csv&table=sheet is the measurement sheet to fill in.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...resultQueryProperties } },
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['areaHa', 'machineIds'],
    properties: {
      areaHa: number('the demonstration field, ha'),
      machineIds: { type: 'array', minItems: 2, maxItems: 12, items: text('machine id') },
      replicates: number('blocks (default 6)'),
      plotAreaHa: number('area of one plot, ha (default 20)'),
      stripLengthM: number('strip length, m (default 1000)'),
      hoursPerDay: number('working hours per day (default 8)'),
      unitsPerMachine: number('units of each machine (default 1)'),
      seed: number('randomisation seed (default 1)'),
      catalog: catalogBody,
    },
  },
  response: { 200: resultResponse(anyObject, 'the plan'), ...errorResponses(400, 404) },
} as const;

export const demoResultsSchema = {
  tags,
  summary: 'Compare machines from a filled measurement sheet with Welch t-intervals per measure',
  description: 'As `karavan machinery demo-results SHEET --json`; `sheet` is the CSV text of the filled sheet.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...resultQueryProperties } },
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['sheet'],
    properties: {
      sheet: {
        type: 'string',
        minLength: 1,
        maxLength: 5_000_000,
        description: 'CSV text written by demo and filled in',
      },
      confidenceLevel: number('confidence level of the intervals (default 0.95)'),
    },
  },
  response: { 200: resultResponse(anyObject, 'the results'), ...errorResponses(400) },
} as const;
