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

const sheetText = (description: string) =>
  ({ type: 'string', minLength: 1, maxLength: 5_000_000, description }) as const;

export const compareSchema = {
  tags,
  summary:
    'Two machines on the same scenario: fleet size, cost per ha and per t, break-even list price, winner and margin',
  description:
    'As `karavan machinery compare A B --scenario FILE [--measured SHEET] --json`. The scenario cannot set machine-specific fields.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...resultQueryProperties } },
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['scenario', 'a', 'b'],
    properties: {
      scenario: scenarioBody,
      a: side,
      b: side,
      catalog: catalogBody,
      measuredSheet: sheetText(
        "CSV text of a filled block sheet (showcase) or plot sheet (demo): each machine's measured ha/h and L/ha replace the catalog's, tagged measured",
      ),
    },
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

export const showcaseSchema = {
  tags,
  summary:
    'Whole-field showcase: sets of adjacent blocks each machine harvests whole, hours and days per block, randomised plots inside, visitor days, what to measure',
  description:
    'As `karavan machinery showcase --json`; format=xlsx is the workbook of `--out sheet.xlsx`, format=csv&table=blocks the block sheet, table=plots the plot sheet.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...resultQueryProperties } },
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['areaHa', 'machineIds'],
    properties: {
      areaHa: number('the whole field, ha'),
      machineIds: { type: 'array', minItems: 2, maxItems: 12, items: text('machine id') },
      units: {
        anyOf: [
          { type: 'integer', minimum: 1, maximum: 10000 },
          { type: 'array', minItems: 1, maxItems: 12, items: { type: 'integer', minimum: 1, maximum: 10000 } },
        ],
        description: 'units of each machine: one number, or one per machine (default 1)',
      },
      split: { type: 'string', enum: ['capacity', 'equal'], description: 'how a set is divided (default capacity)' },
      sets: number('sets of adjacent blocks (default: one working day per set)'),
      cropId: text('crop id (default wheat)'),
      presetId: text('scenario preset for the window and yield, e.g. kz-wheat-2024-kzt'),
      hoursPerDay: number('working hours per day (default 8)'),
      workableShare: number('share of calendar days that are workable (default 1)'),
      windowDays: number("harvest window, days (default: the preset's, else 10)"),
      yieldTPerHa: number("yield, t/ha (default: the preset's or the crop's)"),
      replicates: number('blocks of the randomised plots (default 4)'),
      plotAreaHa: number('area of one plot, ha (default 20)'),
      stripLengthM: number('strip length of the plots, m (default 1000)'),
      seed: number('randomisation seed (default 1)'),
      catalog: catalogBody,
    },
  },
  response: { 200: resultResponse(anyObject, 'the showcase plan'), ...errorResponses(400, 404) },
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

const positive = (description: string) =>
  ({ type: 'number', exclusiveMinimum: 0, maximum: 1e12, description }) as const;
const nonNegative = (description: string) => ({ type: 'number', minimum: 0, maximum: 1e12, description }) as const;
const share = (description: string) => ({ type: 'number', exclusiveMinimum: 0, maximum: 1, description }) as const;

export const haulageSchema = {
  tags,
  summary:
    'Mining haulage by the cycle-time method: cycle, t per truck-hour, trucks for a year, match factor, cost per t',
  description:
    'As `karavan machinery haulage --json` (docs/machinery.md § Mining haulage). Cost parts only from `cost`.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...resultQueryProperties } },
  body: {
    type: 'object',
    additionalProperties: false,
    required: [
      'payloadT',
      'distanceKm',
      'speedLoadedKmh',
      'speedEmptyKmh',
      'loadMin',
      'dumpMin',
      'spotMin',
      'tonnesPerYear',
      'scheduledHours',
      'availability',
      'utilization',
    ],
    properties: {
      payloadT: positive('payload per truck, t'),
      distanceKm: nonNegative('one-way haul distance, km'),
      speedLoadedKmh: positive('average speed loaded, km/h'),
      speedEmptyKmh: positive('average speed empty, km/h'),
      loadMin: positive('time under the loader, min'),
      dumpMin: nonNegative('dumping time, min'),
      spotMin: nonNegative('spotting and queueing, min'),
      tonnesPerYear: positive('tonnes to move a year'),
      scheduledHours: { type: 'number', exclusiveMinimum: 0, maximum: 8784, description: 'scheduled hours a year' },
      availability: share('mechanical availability'),
      utilization: share('use of the available hours'),
      loaders: { type: 'integer', minimum: 1, maximum: 1000, description: 'loading units (default 1)' },
      cost: {
        type: 'object',
        additionalProperties: false,
        properties: {
          truckPrice: positive('truck price'),
          residualShare: { type: 'number', minimum: 0, maximum: 1, description: 'residual value, share' },
          lifeHours: positive('life, operating hours'),
          interestRate: nonNegative('interest a year, share'),
          fuelLitresPerHour: nonNegative('fuel, L per operating hour'),
          fuelPricePerLitre: nonNegative('fuel price per L'),
          tyreSetPrice: nonNegative('price of a set of tyres'),
          tyreLifeHours: positive('tyre life, operating hours'),
          repairShareOfPricePer1000h: nonNegative('repairs, share of the price per 1,000 h'),
          operatorWagePerHour: nonNegative('operator wage per hour'),
          operatorsPerTruck: positive('operators paid per operating hour (default 1)'),
        },
      },
    },
  },
  response: { 200: resultResponse(anyObject, 'the haulage plan'), ...errorResponses(400) },
} as const;

export const staffSchema = {
  tags,
  summary: 'Staff and training for a fleet: operators with reserve, mechanics, service engineers, courses, cost',
  description:
    'As `karavan machinery staff --json` (docs/machinery.md § Staff and training); [M] placeholders are named.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...resultQueryProperties } },
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['machines', 'shifts'],
    properties: {
      machines: { type: 'integer', minimum: 1, maximum: 1000000, description: 'machines in the fleet' },
      shifts: { type: 'integer', minimum: 1, maximum: 3, description: 'shifts a day' },
      reserveShare: { type: 'number', minimum: 0, maximum: 1, default: 0, description: 'operators in reserve, share' },
      machinesPerMechanic: positive('machines per mechanic (default: an [M] placeholder)'),
      machinesPerServiceEngineer: positive('machines per service engineer (default: an [M] placeholder)'),
      seasonStart: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'first day of the season' },
      costPerTraineeHour: nonNegative('training cost per trainee-hour'),
    },
  },
  response: { 200: resultResponse(anyObject, 'the staff plan'), ...errorResponses(400) },
} as const;
