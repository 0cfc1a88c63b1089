/**
 * The machinery planner over HTTP: the same core calls as `karavan machinery fleet | compare |
 * demo | showcase | demo-results | catalog`. The shipped catalog and presets are read once; a request may
 * layer its own catalog (the catalog file format) over the shipped one.
 */
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { BadCatalogError } from '../../errors.ts';
import {
  compareDemoResults,
  compareMachines,
  demoSheetRows,
  fleetResult,
  mergeCatalogs,
  parseCatalog,
  parseDemoSheet,
  measuredRatesFromSheet,
  parseJsonText,
  withMeasuredRates,
  parsePresets,
  planDemonstration,
  planShowcase,
  showcaseTables,
  planFleet,
  planHaulage,
  planStaff,
  requireNoMachineFields,
  resolveScenario,
  scenarioFromJson,
  shippedCatalogName,
  shippedCatalogUrl,
  shippedPresetsName,
  shippedPresetsUrl,
  type Catalog,
  type DemoPlan,
  type DemoResults,
  type FleetResult,
  type HaulageCostInput,
  type HaulageInput,
  type MachineComparison,
  type PresetCatalog,
  type ShowcaseOptions,
  type StaffInput,
  type StaffPlan,
} from '../../machinery/index.ts';
import { sendResult } from '../respond.ts';
import type { ResultTable } from '../tables.ts';
import {
  catalogSchema,
  compareSchema,
  demoResultsSchema,
  demoSchema,
  fleetSchema,
  haulageSchema,
  showcaseSchema,
  staffSchema,
} from './machinery.schema.ts';

interface Shipped {
  catalog: Catalog;
  presets: PresetCatalog;
}

function loadShipped(): Shipped {
  const catalog = parseCatalog(
    parseJsonText(readFileSync(shippedCatalogUrl, 'utf8'), shippedCatalogName, BadCatalogError),
    shippedCatalogName,
  );
  const presets = parsePresets(
    parseJsonText(readFileSync(shippedPresetsUrl, 'utf8'), shippedPresetsName, BadCatalogError),
    shippedPresetsName,
  );
  return { catalog, presets };
}

function catalogFor(shipped: Shipped, own: unknown): Catalog {
  if (own === undefined) return shipped.catalog;
  return mergeCatalogs(shipped.catalog, parseCatalog(own, 'request body: catalog', shipped.catalog));
}

/** Fleet sizes around the window fleet, as `karavan machinery fleet` picks them. */

const costPartLabels: Record<string, [string, string]> = {
  ownership: ['Ownership', 'Владение'],
  repair: ['Repair and maintenance', 'Ремонт и обслуживание'],
  fuel: ['Fuel', 'Топливо'],
  lubrication: ['Lubrication', 'Смазочные материалы'],
  labour: ['Labour', 'Труд'],
  machine: ['Machine cost', 'Затраты на технику'],
  timeliness: ['Timeliness loss', 'Потери от несвоевременности'],
  total: ['Total', 'Итого'],
};

/** The staff plan as a table: a row per role, with its formula and training. */
export function staffTables(plan: StaffPlan): ResultTable[] {
  return [
    {
      id: 'staff',
      en: 'Staff and training',
      ru: 'Персонал и обучение',
      columns: [
        { key: 'role', en: 'Role', ru: 'Роль' },
        { key: 'people', en: 'People', ru: 'Человек', kind: 'integer' },
        { key: 'formula', en: 'Formula', ru: 'Формула' },
        { key: 'trainingHours', en: 'Training hours', ru: 'Часов обучения', kind: 'number' },
        { key: 'trainingTag', en: 'Tag', ru: 'Метка' },
        { key: 'groups', en: 'Groups', ru: 'Групп', kind: 'integer' },
        { key: 'trainingDays', en: 'Course days', ru: 'Дней курсов', kind: 'integer' },
        { key: 'from', en: 'From', ru: 'С' },
        { key: 'to', en: 'To', ru: 'По' },
        { key: 'cost', en: 'Cost', ru: 'Стоимость', kind: 'number' },
      ],
      rows: plan.roles.map((r) => ({
        ...r,
        trainingHours: r.trainingHours.value,
        trainingTag: `[${r.trainingHours.tag}]`,
      })),
    },
  ];
}

export function fleetTables(result: FleetResult): ResultTable[] {
  const fleet = result.plan.windowFleet;
  return [
    {
      id: 'costs',
      en: 'Cost per ha and per t (window fleet)',
      ru: 'Затраты на га и на т (парк под окно)',
      columns: [
        { key: 'part', en: 'Cost part', ru: 'Статья' },
        { key: 'partRu', en: 'Cost part (RU)', ru: 'Статья (рус.)' },
        { key: 'usdPerHa', en: 'USD/ha', ru: 'долл./га', kind: 'number' },
        { key: 'usdPerT', en: 'USD/t', ru: 'долл./т', kind: 'number' },
        { key: 'usdPerYear', en: 'USD/year', ru: 'долл./год', kind: 'usd' },
      ],
      rows: Object.keys(costPartLabels).map((part) => ({
        part: costPartLabels[part]![0],
        partRu: costPartLabels[part]![1],
        usdPerHa: (fleet.usdPerHa as unknown as Record<string, number>)[part],
        usdPerT: (fleet.usdPerT as unknown as Record<string, number>)[part],
        usdPerYear: (fleet.usdPerYear as unknown as Record<string, number>)[part],
      })),
    },
    {
      id: 'fleetSize',
      en: 'Cost by fleet size',
      ru: 'Затраты по размеру парка',
      columns: [
        { key: 'machines', en: 'Machines', ru: 'Машин', kind: 'integer' },
        { key: 'daysNeeded', en: 'Days needed', ru: 'Дней нужно', kind: 'number' },
        { key: 'meetsWindow', en: 'Meets the window', ru: 'Укладывается в окно' },
        { key: 'machineUsdPerHa', en: 'Machine USD/ha', ru: 'Техника, долл./га', kind: 'number' },
        { key: 'timelinessUsdPerHa', en: 'Timeliness USD/ha', ru: 'Несвоевременность, долл./га', kind: 'number' },
        { key: 'totalUsdPerHa', en: 'Total USD/ha', ru: 'Итого, долл./га', kind: 'number' },
        {
          key: 'alternativeDaysNeeded',
          en: `Days needed (pwd ${result.fleetSizeTable.alternativeWorkableShare})`,
          ru: `Дней нужно (pwd ${result.fleetSizeTable.alternativeWorkableShare})`,
          kind: 'number',
        },
        {
          key: 'alternativeTotalUsdPerHa',
          en: `Total USD/ha (pwd ${result.fleetSizeTable.alternativeWorkableShare})`,
          ru: `Итого, долл./га (pwd ${result.fleetSizeTable.alternativeWorkableShare})`,
          kind: 'number',
        },
      ],
      rows: result.fleetSizeTable.rows,
    },
    {
      id: 'sensitivity',
      en: 'Sensitivity',
      ru: 'Чувствительность',
      columns: [
        { key: 'parameter', en: 'Parameter', ru: 'Параметр' },
        { key: 'factor', en: 'Factor', ru: 'Множитель', kind: 'number' },
        { key: 'value', en: 'Value', ru: 'Значение', kind: 'number' },
        { key: 'machines', en: 'Machines', ru: 'Машин', kind: 'integer' },
        { key: 'totalUsdPerHa', en: 'Total USD/ha', ru: 'Итого, долл./га', kind: 'number' },
        { key: 'changeShare', en: 'Change', ru: 'Изменение', kind: 'share' },
        { key: 'skipped', en: 'Skipped because', ru: 'Пропущено' },
      ],
      rows: result.sensitivity.rows,
    },
    {
      id: 'parameters',
      en: 'Parameters and their sources',
      ru: 'Параметры и источники',
      columns: [
        { key: 'name', en: 'Parameter', ru: 'Параметр' },
        { key: 'value', en: 'Value', ru: 'Значение', kind: 'number' },
        { key: 'tag', en: 'Tag', ru: 'Метка' },
        { key: 'source', en: 'Source', ru: 'Источник' },
      ],
      rows: Object.entries(result.plan.parameters).map(([name, p]) => ({ name, ...p })),
    },
    ...staffTables(result.staff),
  ];
}

export function comparisonTables(c: MachineComparison): ResultTable[] {
  const keys: [keyof MachineComparison['a'], string, string, NonNullable<ResultTable['columns'][number]['kind']>][] = [
    ['listPriceUsd', 'List price, USD', 'Прейскурантная цена, долл.', 'usd'],
    ['capacityHaPerHour', 'Capacity, ha/h', 'Производительность, га/ч', 'number'],
    ['machines', 'Machines for the window', 'Машин под окно', 'integer'],
    ['daysNeeded', 'Days needed', 'Дней нужно', 'number'],
    ['machineUsdPerHa', 'Machine USD/ha', 'Техника, долл./га', 'number'],
    ['timelinessUsdPerHa', 'Timeliness USD/ha', 'Несвоевременность, долл./га', 'number'],
    ['totalUsdPerHa', 'Total USD/ha', 'Итого, долл./га', 'number'],
    ['totalUsdPerT', 'Total USD/t', 'Итого, долл./т', 'number'],
    ['costMinimisingMachines', 'Cost-minimising fleet', 'Парк минимальных затрат', 'integer'],
    ['breakEvenListPriceUsd', 'Break-even list price, USD', 'Цена безубыточности, долл.', 'usd'],
  ];
  return [
    {
      id: 'comparison',
      en: 'Machine comparison',
      ru: 'Сравнение машин',
      columns: [
        { key: 'measure', en: 'Measure', ru: 'Показатель' },
        { key: 'a', en: c.a.machineId, ru: c.a.machineId, kind: 'number' },
        { key: 'b', en: c.b.machineId, ru: c.b.machineId, kind: 'number' },
      ],
      rows: keys.map(([key, en, ru]) => ({ measure: `${en} / ${ru}`, a: c.a[key], b: c.b[key] })),
    },
  ];
}

export function demoTables(plan: DemoPlan): ResultTable[] {
  const [header, ...rows] = demoSheetRows(plan);
  const columns = header!.map((name) => ({ key: String(name), en: String(name), ru: String(name) }));
  return [
    {
      id: 'sheet',
      en: 'Measurement sheet',
      ru: 'Лист измерений',
      columns,
      rows: rows.map((row) => Object.fromEntries(row.map((cell, i) => [String(header![i]), cell]))),
    },
    {
      id: 'blocks',
      en: 'Blocks and days',
      ru: 'Блоки и дни',
      columns: [
        { key: 'block', en: 'Block', ru: 'Блок', kind: 'integer' },
        { key: 'order', en: 'Plot order', ru: 'Порядок делянок' },
        { key: 'hours', en: 'Hours', ru: 'Часов', kind: 'number' },
        { key: 'startDay', en: 'First day', ru: 'Первый день', kind: 'integer' },
        { key: 'endDay', en: 'Last day', ru: 'Последний день', kind: 'integer' },
      ],
      rows: plan.blocks,
    },
  ];
}

export function demoResultTables(results: DemoResults): ResultTable[] {
  return [
    {
      id: 'comparisons',
      en: 'Pairwise comparisons (Welch)',
      ru: 'Попарные сравнения (Уэлч)',
      columns: [
        { key: 'measure', en: 'Measure', ru: 'Показатель' },
        { key: 'a', en: 'A', ru: 'A' },
        { key: 'b', en: 'B', ru: 'B' },
        { key: 'difference', en: 'mean(A) - mean(B)', ru: 'среднее(A) - среднее(B)', kind: 'number' },
        { key: 'lower', en: 'Lower bound', ru: 'Нижняя граница', kind: 'number' },
        { key: 'upper', en: 'Upper bound', ru: 'Верхняя граница', kind: 'number' },
        { key: 'better', en: 'Better', ru: 'Лучше' },
      ],
      rows: results.measures.flatMap((m) =>
        m.comparisons.map((c) => ({ measure: `${m.measure.label}, ${m.measure.unit}`, ...c })),
      ),
    },
  ];
}

export default async function machineryRoutes(app: FastifyInstance): Promise<void> {
  let shipped: Shipped | undefined;
  const getShipped = () => (shipped ??= loadShipped());

  app.get('/machinery/catalog', { schema: catalogSchema }, (request, reply) =>
    sendResult(request, reply, {
      fileName: 'machinery-catalog',
      compute: async () => ({ ...getShipped().catalog, presets: getShipped().presets }),
      tables: (catalog) => [
        {
          id: 'machines',
          en: 'Machines',
          ru: 'Машины',
          columns: [
            { key: 'id', en: 'Id', ru: 'Id' },
            { key: 'name', en: 'Name', ru: 'Название' },
            { key: 'kind', en: 'Kind', ru: 'Вид' },
            { key: 'operation', en: 'Operation', ru: 'Операция' },
            { key: 'origin', en: 'Origin', ru: 'Происхождение' },
          ],
          rows: catalog.machines,
        },
        {
          id: 'crops',
          en: 'Crops',
          ru: 'Культуры',
          columns: [
            { key: 'id', en: 'Id', ru: 'Id' },
            { key: 'name', en: 'Name', ru: 'Название' },
          ],
          rows: catalog.crops,
        },
      ],
    }),
  );

  app.post('/machinery/fleet', { schema: fleetSchema }, (request, reply) => {
    const body = request.body as {
      scenario: unknown;
      sizes?: number[];
      altWorkableShare?: number;
      factors?: number[];
      catalog?: unknown;
    };
    return sendResult(request, reply, {
      fileName: 'machinery-fleet',
      cache: false,
      compute: async (): Promise<FleetResult> => {
        const { presets } = getShipped();
        const catalog = catalogFor(getShipped(), body.catalog);
        const scenario = resolveScenario(scenarioFromJson(body.scenario, 'request body: scenario'), {
          catalog,
          presets,
        });
        return fleetResult(planFleet(scenario, catalog), {
          ...(body.sizes && { sizes: body.sizes }),
          ...(body.altWorkableShare !== undefined && { altWorkableShare: body.altWorkableShare }),
          ...(body.factors && { factors: body.factors }),
        });
      },
      tables: fleetTables,
    });
  });

  // The same core functions as `karavan machinery haulage` and `staff`; the body's shape is checked by the schema,
  // each value's domain by the core (MachineryInputError names the field).
  app.post('/machinery/haulage', { schema: haulageSchema }, (request, reply) => {
    const { cost, ...input } = request.body as HaulageInput & { cost?: HaulageCostInput };
    return sendResult(request, reply, {
      fileName: 'machinery-haulage',
      cache: false,
      compute: async () => planHaulage(input, cost),
    });
  });

  app.post('/machinery/staff', { schema: staffSchema }, (request, reply) => {
    const body = request.body as StaffInput;
    return sendResult(request, reply, {
      fileName: 'machinery-staff',
      cache: false,
      compute: async () => planStaff({ ...body, reserveShare: body.reserveShare ?? 0 }),
      tables: staffTables,
    });
  });

  app.post('/machinery/compare', { schema: compareSchema }, (request, reply) => {
    const body = request.body as {
      scenario: unknown;
      a: { machineId: string; tractorId?: string };
      b: { machineId: string; tractorId?: string };
      catalog?: unknown;
      measuredSheet?: string;
    };
    return sendResult(request, reply, {
      fileName: 'machinery-compare',
      cache: false,
      compute: async () => {
        const { presets } = getShipped();
        const catalog = catalogFor(getShipped(), body.catalog);
        const source = 'request body: scenario';
        const options = scenarioFromJson(body.scenario, source);
        requireNoMachineFields(options, source);
        const scenario = resolveScenario(
          { ...options, machineId: body.a.machineId },
          { catalog, presets, userSource: source },
        );
        // The same reading of a filled sheet as `compare --measured`.
        const sheet = 'request body: measuredSheet';
        const [a, b] =
          body.measuredSheet === undefined
            ? [body.a, body.b]
            : withMeasuredRates([body.a, body.b], measuredRatesFromSheet(body.measuredSheet, sheet), sheet);
        return compareMachines(scenario, catalog, a, b);
      },
      tables: comparisonTables,
    });
  });

  app.post('/machinery/demo', { schema: demoSchema }, (request, reply) => {
    const { catalog: own, ...options } = request.body as { catalog?: unknown; areaHa: number; machineIds: string[] };
    return sendResult(request, reply, {
      fileName: 'machinery-demo',
      cache: false,
      compute: async () => planDemonstration(options, catalogFor(getShipped(), own)),
      tables: demoTables,
    });
  });

  app.post('/machinery/showcase', { schema: showcaseSchema }, (request, reply) => {
    const { catalog: own, ...options } = request.body as ShowcaseOptions & { catalog?: unknown };
    return sendResult(request, reply, {
      fileName: 'machinery-showcase',
      cache: false,
      compute: async () =>
        planShowcase(options, { catalog: catalogFor(getShipped(), own), presets: getShipped().presets }),
      tables: showcaseTables,
    });
  });

  app.post('/machinery/demo-results', { schema: demoResultsSchema }, (request, reply) => {
    const body = request.body as { sheet: string; confidenceLevel?: number };
    return sendResult(request, reply, {
      fileName: 'machinery-demo-results',
      cache: false,
      compute: async () =>
        compareDemoResults(
          parseDemoSheet(body.sheet, 'request body: sheet'),
          body.confidenceLevel === undefined ? {} : { confidenceLevel: body.confidenceLevel },
        ),
      tables: demoResultTables,
    });
  });
}
