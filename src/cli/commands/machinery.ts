/**
 * `karavan machinery ...`: fleet sizing and cost per hectare (fleet), head-to-head comparison
 * (compare), demonstration-plot plans (demo) and their results (demo-results), and the catalog.
 * Maps flags to the core's options and prints; the arithmetic is in src/machinery/.
 */
import type { Command } from 'commander';
import { MachineryInputError } from '../../errors.ts';
import {
  demoPlanDefaults,
  demoResultsDefaults,
  scenarioDefaults,
  showcaseDefaults,
  sensitivityDefaults,
  type ScenarioOptions,
} from '../../machinery/index.ts';
import type { HaulageCostInput, HaulageInput } from '../../machinery/index.ts';
import { parseLang } from '../flags.ts';
import { printJson } from '../output.ts';
// Small and free of I/O: read at registration for --help's defaults.
import { staffPlaceholders } from '../../machinery/staff.ts';

type NumberKey = Exclude<
  { [K in keyof ScenarioOptions]-?: NonNullable<ScenarioOptions[K]> extends number ? K : never }[keyof ScenarioOptions],
  undefined
>;

/** Scenario flags: flag, option key, help. Help shows the default from scenarioDefaults. */
const scenarioNumberFlags: readonly [string, NumberKey, string][] = [
  ['--area-ha <ha>', 'areaHa', 'area to cover in the window, ha (required unless the scenario file has it)'],
  [
    '--window-days <days>',
    'windowDays',
    `calendar days in the harvest (or work) window (default: ${scenarioDefaults.windowDays})`,
  ],
  ['--hours-per-day <h>', 'hoursPerDay', `working hours per workable day (default: ${scenarioDefaults.hoursPerDay})`],
  [
    '--workable-share <share>',
    'workableShare',
    `share of window days that are workable, pwd, in (0,1] (default: ${scenarioDefaults.workableShare})`,
  ],
  ['--width-m <m>', 'widthM', "working width, m (default: the machine's typical width)"],
  ['--speed-kmh <kmh>', 'speedKmh', "field speed, km/h (default: the machine's typical speed)"],
  [
    '--efficiency <share>',
    'fieldEfficiency',
    "field efficiency E_f in (0,1] (default: the machine's typical efficiency)",
  ],
  ['--list-price-usd <usd>', 'listPriceUsd', "list price of the machine, USD (default: the catalog's typical value)"],
  ['--yield-t-per-ha <t>', 'yieldTPerHa', "yield, t/ha (default: the preset's or the crop's)"],
  ['--grain-price-usd-per-t <usd>', 'grainPriceUsdPerT', "grain price, USD/t (default: the crop's)"],
  [
    '--fuel-price-usd-per-litre <usd>',
    'fuelPriceUsdPerLitre',
    `diesel price, USD/L (default: ${scenarioDefaults.fuelPriceUsdPerLitre})`,
  ],
  ['--wage-usd-per-hour <usd>', 'wageUsdPerHour', `operator wage, USD/h (default: ${scenarioDefaults.wageUsdPerHour})`],
  ['--interest-rate <share>', 'realInterestRate', `real interest rate (default: ${scenarioDefaults.realInterestRate})`],
  ['--ownership-years <years>', 'ownershipYears', `years of ownership (default: ${scenarioDefaults.ownershipYears})`],
  [
    '--purchase-price-share <share>',
    'purchasePriceShare',
    `purchase price as a share of list price (default: ${scenarioDefaults.purchasePriceShare})`,
  ],
  [
    '--tih-share <share>',
    'taxesInsuranceHousingShare',
    `taxes + insurance + housing per year, share of purchase price (default: ${scenarioDefaults.taxesInsuranceHousingShare})`,
  ],
  [
    '--timeliness-k-per-day <share>',
    'timelinessLossSharePerDay',
    "timeliness K, share of yield lost per day of delay (default: the crop's for the operation)",
  ],
  [
    '--z-divisor <z>',
    'zDivisor',
    `Z in F19: 2 if the work starts at the optimum date, 4 if centred on it (default: ${scenarioDefaults.zDivisor})`,
  ],
];

/** Flag for each option key, to name the flag in error hints. */
const flagOfKey = new Map<string, string>([
  ...scenarioNumberFlags.map(([flag, key]) => [key, flag.split(' ')[0]!] as [string, string]),
  ['cropId', '--crop'],
  ['machineId', '--machine'],
  ['tractorId', '--tractor'],
  ['presetId', '--preset'],
  ['replicates', '--replicates'],
  ['plotAreaHa', '--plot-area-ha'],
  ['stripLengthM', '--strip-length-m'],
  ['unitsPerMachine', '--units'],
  ['seed', '--seed'],
  ['confidenceLevel', '--confidence'],
  ['units', '--units'],
  ['sets', '--sets'],
  ['split', '--split'],
  ['measured', '--measured'],
]);

function camel(flag: string): string {
  return flag
    .replace(/^--/, '')
    .split(' ')[0]!
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function toNumber(flag: string, text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value))
    throw new MachineryInputError(`invalid ${flag}: ${text} (expected a number)`, { column: flag, value: text });
  return value;
}

function toNumberList(flag: string, text: string): number[] {
  return text.split(',').map((part) => toNumber(flag, part));
}

/** Adds "set with --flag" to a core error that names an option. */
async function withFlagHints<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (
      error instanceof MachineryInputError &&
      error.column !== undefined &&
      error.file === undefined &&
      error.hint === undefined &&
      flagOfKey.has(error.column)
    ) {
      throw new MachineryInputError(error.message, {
        column: error.column,
        value: error.value,
        hint: `set with ${flagOfKey.get(error.column)}`,
        cause: error,
      });
    }
    throw error;
  }
}

type Flags = Record<string, string | boolean | undefined>;

function scenarioFromFlags(flags: Flags): ScenarioOptions {
  const options: ScenarioOptions = {};
  for (const [flag, key] of scenarioNumberFlags) {
    const text = flags[camel(flag)];
    if (typeof text === 'string') options[key] = toNumber(flag.split(' ')[0]!, text);
  }
  if (typeof flags.crop === 'string') options.cropId = flags.crop;
  if (typeof flags.machine === 'string') options.machineId = flags.machine;
  if (typeof flags.tractor === 'string') options.tractorId = flags.tractor;
  if (typeof flags.preset === 'string') options.presetId = flags.preset;
  return options;
}

function addScenarioFlags(command: Command): Command {
  for (const [flag, , help] of scenarioNumberFlags) command.option(flag, help);
  return command;
}

/** A staff placeholder as `--help` shows it: its value and tag (the one definition is in src/machinery/staff.ts). */
function staffDefaultsText(key: 'machinesPerMechanic' | 'machinesPerServiceEngineer'): string {
  const placeholder = staffPlaceholders[key];
  return `${placeholder.value} [${placeholder.tag}], a Karavan placeholder`;
}

export function registerMachinery(program: Command): void {
  const machinery = program
    .command('machinery')
    .description(
      'machinery planner (ASABE D497/EP496): fleet size and cost per ha, machine comparison, demonstration plots',
    );

  const fleet = machinery
    .command('fleet')
    .description(
      'machines needed for an area in a window, their cost per ha and per t (F1-F19), the cost-minimising fleet (F20), sensitivity',
    )
    .option('--crop <id>', `crop from the catalog (default: ${scenarioDefaults.cropId})`)
    .option('--machine <id>', `machine id from the catalog (default: ${scenarioDefaults.machineId})`)
    .option('--tractor <id>', "tractor for a towed machine (default: the machine's default tractor)")
    .option(
      '--preset <id>',
      'scenario preset with dated facts, e.g. kz-wheat-2023 or kz-wheat-2024-kzt (default: none)',
    )
    .option('--scenario <file>', 'scenario JSON file; flags override its values')
    .option(
      '--catalog <file>',
      'your catalog JSON (machines with make, model, list price...) layered over the shipped one',
    )
    .option(
      '--currency <code>',
      'USD | KZT | RUB | BYN: print amounts at the dated National Bank of Kazakhstan rates of data/machinery/presets.json (default: USD; the JSON stays in USD and says the rate)',
    );
  addScenarioFlags(fleet)
    .option(
      '--sizes <list>',
      'fleet sizes for the cost-by-size table, e.g. 20,26,34,40,48 (default: around the window fleet)',
    )
    .option(
      '--alt-workable-share <share>',
      'second pwd for the cost-by-size table (default: 0.7, or 1 when --workable-share is below 1)',
    )
    .option('--factors <list>', `sensitivity factors (default: ${sensitivityDefaults.factors.join(',')})`)
    .option('--lang <lang>', '[en|ru] language of the text output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print the full result objects as JSON', false)
    .action(async (flags: Flags) =>
      withFlagHints(async () => {
        const { currencyRate, fleetResult, planFleet, resolveScenario } = await import('../../machinery/index.ts');
        const { loadCatalog, loadPresets, loadScenarioFile } = await import('../machinery-files.ts');
        const lang = parseLang(flags.lang as string | undefined);
        const { renderFleetPlan } = await import('../machinery-format.ts');
        const catalog = await loadCatalog(flags.catalog as string | undefined);
        const fromFile = typeof flags.scenario === 'string' ? await loadScenarioFile(flags.scenario) : {};
        const presets = await loadPresets();
        const scenario = resolveScenario({ ...fromFile, ...scenarioFromFlags(flags) }, { catalog, presets });
        const result = fleetResult(planFleet(scenario, catalog), {
          ...(typeof flags.sizes === 'string' && { sizes: toNumberList('--sizes', flags.sizes) }),
          ...(typeof flags.altWorkableShare === 'string' && {
            altWorkableShare: toNumber('--alt-workable-share', flags.altWorkableShare),
          }),
          ...(typeof flags.factors === 'string' && { factors: toNumberList('--factors', flags.factors) }),
        });
        const rate = currencyRate(presets, typeof flags.currency === 'string' ? flags.currency : 'USD');
        if (flags.json) return printJson(rate.code === 'USD' ? result : { ...result, currency: rate });
        process.stdout.write(
          renderFleetPlan(
            result,
            lang === 'en'
              ? {
                  code: rate.code,
                  perUsd: rate.perUsd,
                  basis: `${rate.perUsd.toFixed(rate.perUsd >= 10 ? 2 : 4)} ${rate.code} per USD, from ${rate.sources.join('; ')}`,
                }
              : { code: rate.code, perUsd: rate.perUsd, sources: rate.sources },
            lang,
            presets,
          ),
        );
      }),
    );

  machinery
    .command('compare')
    .description(
      'two machines on the same scenario: fleet size, cost per ha and per t, break-even list price, winner and margin',
    )
    .argument('<a>', 'machine id A')
    .argument('<b>', 'machine id B')
    .requiredOption(
      '--scenario <file>',
      'scenario JSON file (area, window, crop, economics; no machine-specific fields)',
    )
    .option('--catalog <file>', 'your catalog JSON layered over the shipped one')
    .option('--tractor-a <id>', "tractor for A if towed (default: A's default tractor)")
    .option('--tractor-b <id>', "tractor for B if towed (default: B's default tractor)")
    .option(
      '--measured <sheet>',
      "a filled block sheet (showcase) or plot sheet (demo), CSV or XLSX: each machine's measured ha/h and L/ha replace the catalog's, tagged [measured] (default: none)",
    )
    .option('--lang <lang>', '[en|ru] language of the text output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print the full result object as JSON', false)
    .action(async (a: string, b: string, flags: Flags) =>
      withFlagHints(async () => {
        const { compareMachines, requireNoMachineFields, resolveScenario, withMeasuredRates } =
          await import('../../machinery/index.ts');
        const { loadCatalog, loadMeasuredRates, loadPresets, loadScenarioFile } = await import('../machinery-files.ts');
        const lang = parseLang(flags.lang as string | undefined);
        const { renderComparison } = await import('../machinery-format.ts');
        const catalog = await loadCatalog(flags.catalog as string | undefined);
        const file = flags.scenario as string;
        const options = await loadScenarioFile(file);
        requireNoMachineFields(options, file);
        const scenario = resolveScenario(
          { ...options, machineId: a },
          { catalog, presets: await loadPresets(), userSource: `scenario file ${file}` },
        );
        const side = (machineId: string, tractorId: unknown) => ({
          machineId,
          ...(typeof tractorId === 'string' && { tractorId }),
        });
        const [sideA, sideB] =
          typeof flags.measured === 'string'
            ? withMeasuredRates(
                [side(a, flags.tractorA), side(b, flags.tractorB)],
                await loadMeasuredRates(flags.measured),
                flags.measured,
              )
            : [side(a, flags.tractorA), side(b, flags.tractorB)];
        const comparison = compareMachines(scenario, catalog, sideA, sideB);
        if (flags.json) return printJson(comparison);
        process.stdout.write(renderComparison(comparison, lang));
      }),
    );

  machinery
    .command('demo')
    .description(
      'demonstration-plot plan: randomised replicated blocks of comparable strips, days, what to measure, and a measurement sheet',
    )
    .requiredOption('--area-ha <ha>', 'the demonstration field, ha')
    .requiredOption('--machines <ids>', 'machine ids to compare, comma-separated (at least 2)')
    .option(
      '--replicates <n>',
      `blocks; each machine works one plot per block (default: ${demoPlanDefaults.replicates})`,
    )
    .option('--plot-area-ha <ha>', `area of one plot, ha (default: ${demoPlanDefaults.plotAreaHa})`)
    .option('--strip-length-m <m>', `strip length, m (default: ${demoPlanDefaults.stripLengthM})`)
    .option('--hours-per-day <h>', `working hours per day (default: ${demoPlanDefaults.hoursPerDay})`)
    .option('--units <n>', `units of each machine on the field (default: ${demoPlanDefaults.unitsPerMachine})`)
    .option('--seed <n>', `seed of the randomisation (default: ${demoPlanDefaults.seed})`)
    .option('--catalog <file>', 'your catalog JSON layered over the shipped one')
    .option('--out <file>', 'write the measurement sheet to this file: .csv, or .xlsx for a workbook')
    .option('--lang <lang>', '[en|ru] language of the text output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print the plan as JSON', false)
    .action(async (flags: Flags) =>
      withFlagHints(async () => {
        const { demoSheetRows, demoSheetToCsv, planDemonstration, sheetTableFromRows } =
          await import('../../machinery/index.ts');
        const { loadCatalog, writeBinaryFile, writeTextFile } = await import('../machinery-files.ts');
        const lang = parseLang(flags.lang as string | undefined);
        const { renderDemoPlan } = await import('../machinery-format.ts');
        const catalog = await loadCatalog(flags.catalog as string | undefined);
        const optional = (flag: string, key: string) =>
          typeof flags[key] === 'string' ? toNumber(flag, flags[key]) : undefined;
        const plan = planDemonstration(
          {
            areaHa: toNumber('--area-ha', flags.areaHa as string),
            machineIds: (flags.machines as string)
              .split(',')
              .map((id) => id.trim())
              .filter((id) => id !== ''),
            replicates: optional('--replicates', 'replicates'),
            plotAreaHa: optional('--plot-area-ha', 'plotAreaHa'),
            stripLengthM: optional('--strip-length-m', 'stripLengthM'),
            hoursPerDay: optional('--hours-per-day', 'hoursPerDay'),
            unitsPerMachine: optional('--units', 'units'),
            seed: optional('--seed', 'seed'),
          },
          catalog,
        );
        const out = flags.out as string | undefined;
        if (out !== undefined) {
          if (/\.xlsx$/i.test(out)) {
            const { tablesToXlsx } = await import('../../server/tables.ts');
            const table = sheetTableFromRows(
              'sheet',
              { en: 'Measurement sheet', ru: 'Лист измерений' },
              demoSheetRows(plan),
            );
            writeBinaryFile(out, await tablesToXlsx([table], lang));
          } else writeTextFile(out, demoSheetToCsv(plan));
        }
        if (flags.json) return printJson(plan);
        process.stdout.write(renderDemoPlan(plan, out, lang));
      }),
    );

  machinery
    .command('showcase')
    .description(
      "whole-field showcase on a farm's field: sets of adjacent blocks each machine harvests whole, hours and days per block (F1, F5), randomised plots inside, visitor days, what to measure and with what, and the sheets (CSV or XLSX)",
    )
    .requiredOption('--area-ha <ha>', 'the whole field, ha')
    .requiredOption('--machines <ids>', 'machine ids to show, comma-separated (at least 2)')
    .option(
      '--units <n>',
      `units of each machine: one number, or one per machine (e.g. 5,3) (default: ${showcaseDefaults.units})`,
    )
    .option(
      '--split <how>',
      `capacity: blocks in proportion to units x ha/h, all machines busy the same hours; equal: equal blocks (default: ${showcaseDefaults.split})`,
    )
    .option('--sets <n>', 'sets of adjacent blocks (default: one working day of work per set)')
    .option('--crop <id>', `crop, for the expected tonnes (default: ${scenarioDefaults.cropId})`)
    .option('--preset <id>', 'scenario preset for the window and yield, e.g. kz-wheat-2024-kzt (default: none)')
    .option('--hours-per-day <h>', `working hours per day (default: ${scenarioDefaults.hoursPerDay})`)
    .option(
      '--workable-share <share>',
      `share of calendar days that are workable, pwd (default: ${scenarioDefaults.workableShare})`,
    )
    .option(
      '--window-days <days>',
      `harvest window to check against (default: the preset's, else ${scenarioDefaults.windowDays})`,
    )
    .option('--yield-t-per-ha <t>', "yield, t/ha (default: the preset's or the crop's)")
    .option('--replicates <n>', `blocks of the randomised plots (default: ${showcaseDefaults.replicates})`)
    .option('--plot-area-ha <ha>', `area of one plot, ha (default: ${demoPlanDefaults.plotAreaHa})`)
    .option('--strip-length-m <m>', `strip length of the plots, m (default: ${demoPlanDefaults.stripLengthM})`)
    .option('--seed <n>', `seed of the randomisations (default: ${demoPlanDefaults.seed})`)
    .option('--catalog <file>', 'your catalog JSON layered over the shipped one')
    .option(
      '--out <file>',
      'write the sheets: .xlsx, one workbook (blocks, plots, machines, measures, visitor days, parameters); .csv, the block sheet, with the plot sheet beside it as NAME-plots.csv',
    )
    .option('--lang <lang>', '[en|ru] language of the text output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print the plan as JSON', false)
    .action(async (flags: Flags) =>
      withFlagHints(async () => {
        const { planShowcase, showcaseTables, showcaseSheetToCsv, demoSheetToCsv } =
          await import('../../machinery/index.ts');
        const { loadCatalog, loadPresets, siblingCsvPath, writeBinaryFile, writeTextFile } =
          await import('../machinery-files.ts');
        const lang = parseLang(flags.lang as string | undefined);
        const { renderShowcase } = await import('../machinery-format.ts');
        const optional = (flag: string, key: string) =>
          typeof flags[key] === 'string' ? toNumber(flag, flags[key]) : undefined;
        const showcase = planShowcase(
          {
            areaHa: toNumber('--area-ha', flags.areaHa as string),
            machineIds: (flags.machines as string)
              .split(',')
              .map((id) => id.trim())
              .filter((id) => id !== ''),
            ...(typeof flags.units === 'string' && { units: toNumberList('--units', flags.units) }),
            ...(typeof flags.split === 'string' && { split: flags.split as 'capacity' | 'equal' }),
            sets: optional('--sets', 'sets'),
            ...(typeof flags.crop === 'string' && { cropId: flags.crop }),
            ...(typeof flags.preset === 'string' && { presetId: flags.preset }),
            hoursPerDay: optional('--hours-per-day', 'hoursPerDay'),
            workableShare: optional('--workable-share', 'workableShare'),
            windowDays: optional('--window-days', 'windowDays'),
            yieldTPerHa: optional('--yield-t-per-ha', 'yieldTPerHa'),
            replicates: optional('--replicates', 'replicates'),
            plotAreaHa: optional('--plot-area-ha', 'plotAreaHa'),
            stripLengthM: optional('--strip-length-m', 'stripLengthM'),
            seed: optional('--seed', 'seed'),
          },
          { catalog: await loadCatalog(flags.catalog as string | undefined), presets: await loadPresets() },
        );
        const out = flags.out as string | undefined;
        let written: { blocks: string; plots?: string } | undefined;
        if (out !== undefined) {
          if (/\.xlsx$/i.test(out)) {
            // The same tables, and the same writer, as the API's format=xlsx.
            const { tablesToXlsx } = await import('../../server/tables.ts');
            writeBinaryFile(out, await tablesToXlsx(showcaseTables(showcase, lang), lang));
            written = { blocks: out };
          } else {
            const plots = siblingCsvPath(out, 'plots');
            writeTextFile(out, showcaseSheetToCsv(showcase));
            writeTextFile(plots, demoSheetToCsv(showcase.plots));
            written = { blocks: out, plots };
          }
        }
        if (flags.json) return printJson(showcase);
        process.stdout.write(renderShowcase(showcase, written, lang));
      }),
    );

  machinery
    .command('demo-results')
    .description('read a filled measurement sheet and compare the machines with Welch t-intervals per measure')
    .argument(
      '<sheet>',
      'the filled sheet written by `karavan machinery demo --out` (CSV or XLSX), or a showcase workbook (its plot sheet)',
    )
    .option(
      '--confidence <level>',
      `confidence level of the intervals (default: ${demoResultsDefaults.confidenceLevel})`,
    )
    .option('--lang <lang>', '[en|ru] language of the text output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print the full result object as JSON', false)
    .action(async (sheet: string, flags: Flags) =>
      withFlagHints(async () => {
        const { compareDemoResults, parseDemoSheet } = await import('../../machinery/index.ts');
        const { readMeasurementSheet } = await import('../machinery-files.ts');
        const lang = parseLang(flags.lang as string | undefined);
        const { renderDemoResults } = await import('../machinery-format.ts');
        const rows = parseDemoSheet(await readMeasurementSheet(sheet, 'plots'), sheet);
        const results = compareDemoResults(
          rows,
          typeof flags.confidence === 'string' ? { confidenceLevel: toNumber('--confidence', flags.confidence) } : {},
        );
        if (flags.json) return printJson(results);
        process.stdout.write(renderDemoResults(results, lang));
      }),
    );

  const haulageFlags: [flag: string, key: string, text: string, part: 'required' | 'optional' | 'cost'][] = [
    ['--payload-t', 'payloadT', 'payload per truck, t', 'required'],
    ['--distance-km', 'distanceKm', 'one-way haul distance, km', 'required'],
    ['--speed-loaded-kmh', 'speedLoadedKmh', 'average speed loaded, km/h', 'required'],
    ['--speed-empty-kmh', 'speedEmptyKmh', 'average speed empty, km/h', 'required'],
    ['--load-min', 'loadMin', 'time under the loader, min', 'required'],
    ['--dump-min', 'dumpMin', 'dumping time, min', 'required'],
    ['--spot-min', 'spotMin', 'spotting and queueing, min', 'required'],
    ['--tonnes-per-year', 'tonnesPerYear', 'tonnes to move a year', 'required'],
    ['--scheduled-hours', 'scheduledHours', 'hours a year the fleet is scheduled', 'required'],
    ['--availability', 'availability', 'mechanical availability, share (0-1]', 'required'],
    ['--utilization', 'utilization', 'use of available hours, share (0-1]', 'required'],
    ['--loaders', 'loaders', 'loading units, for the match factor (default: 1)', 'optional'],
    ['--truck-price', 'truckPrice', 'cost: truck price', 'cost'],
    ['--residual-share', 'residualShare', 'cost: residual value at the end of life, share', 'cost'],
    ['--life-hours', 'lifeHours', 'cost: truck life, operating hours', 'cost'],
    ['--interest-rate', 'interestRate', 'cost: interest rate a year, share', 'cost'],
    ['--fuel-l-per-h', 'fuelLitresPerHour', 'cost: fuel burn, L per operating hour', 'cost'],
    ['--fuel-price', 'fuelPricePerLitre', 'cost: fuel price per L', 'cost'],
    ['--tyre-set-price', 'tyreSetPrice', 'cost: price of a set of tyres', 'cost'],
    ['--tyre-life-hours', 'tyreLifeHours', 'cost: tyre set life, operating hours', 'cost'],
    ['--repair-share', 'repairShareOfPricePer1000h', 'cost: repairs, share of the price per 1,000 h', 'cost'],
    ['--operator-wage', 'operatorWagePerHour', 'cost: operator wage per hour', 'cost'],
    ['--operators-per-truck', 'operatorsPerTruck', 'cost: operators paid per operating hour (default: 1)', 'cost'],
  ];
  const haulage = machinery
    .command('haulage')
    .description(
      'mining haulage by the cycle-time method: cycle, t per truck-hour, trucks for a year, match factor, cost per t (docs/machinery.md)',
    );
  for (const [flag, , text, part] of haulageFlags)
    haulage.option(`${flag} <n>`, `${text}${part === 'required' ? ' (required)' : ''}`);
  haulage
    .option('--lang <lang>', '[en|ru] language of the text output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print the plan as JSON', false)
    .action(async (flags: Record<string, unknown>) => {
      const lang = parseLang(flags['lang'] as string | undefined);
      const { planHaulage } = await import('../../machinery/index.ts');
      const { MissingOptionError } = await import('../../errors.ts');
      // The plan's inputs and its cost inputs, as given; each value's domain is checked by the core.
      const input: Record<string, number> = {};
      const cost: Record<string, number> = {};
      for (const [flag, key, , part] of haulageFlags) {
        // commander's attribute name for the flag: --fuel-l-per-h -> fuelLPerH.
        const text = flags[flag.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())];
        if (typeof text === 'string') (part === 'cost' ? cost : input)[key] = toNumber(flag, text);
        else if (part === 'required')
          throw new MissingOptionError(`missing ${flag}`, { hint: 'karavan machinery haulage --help' });
      }
      const plan = planHaulage(
        input as unknown as HaulageInput,
        Object.keys(cost).length > 0 ? (cost as HaulageCostInput) : undefined,
      );
      if (flags['json']) return printJson(plan);
      const { renderHaulage } = await import('../machinery-format.ts');
      process.stdout.write(renderHaulage(plan, lang));
    });

  machinery
    .command('staff')
    .description(
      'staff and training for a fleet: operators per shift with reserve, mechanics, service engineers, training schedule before the season, cost (docs/machinery.md)',
    )
    .requiredOption('--machines <n>', 'machines in the fleet (required)')
    .requiredOption('--shifts <n>', 'shifts a day, 1-3 (required)')
    .option('--reserve-share <share>', 'operators in reserve as a share of those on shift (default: 0)')
    .option('--machines-per-mechanic <n>', `(default: ${staffDefaultsText('machinesPerMechanic')})`)
    .option('--machines-per-engineer <n>', `(default: ${staffDefaultsText('machinesPerServiceEngineer')})`)
    .option('--season-start <date>', 'first day of the season, YYYY-MM-DD: the courses end before it')
    .option('--cost-per-trainee-hour <amount>', 'training cost per trainee-hour; without it the plan is not costed')
    .option('--lang <lang>', '[en|ru] language of the text output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print the plan as JSON', false)
    .action(async (flags: Record<string, string | boolean | undefined>) => {
      const lang = parseLang(flags['lang'] as string | undefined);
      const { planStaff } = await import('../../machinery/index.ts');
      const number = (flag: string, key: string) =>
        typeof flags[key] === 'string' ? toNumber(flag, flags[key] as string) : undefined;
      const plan = planStaff({
        machines: number('--machines', 'machines')!,
        shifts: number('--shifts', 'shifts')!,
        reserveShare: number('--reserve-share', 'reserveShare') ?? 0,
        ...(flags['machinesPerMechanic'] !== undefined && {
          machinesPerMechanic: number('--machines-per-mechanic', 'machinesPerMechanic')!,
        }),
        ...(flags['machinesPerEngineer'] !== undefined && {
          machinesPerServiceEngineer: number('--machines-per-engineer', 'machinesPerEngineer')!,
        }),
        ...(typeof flags['seasonStart'] === 'string' && { seasonStart: flags['seasonStart'] }),
        ...(flags['costPerTraineeHour'] !== undefined && {
          costPerTraineeHour: number('--cost-per-trainee-hour', 'costPerTraineeHour')!,
        }),
      });
      if (flags['json']) return printJson(plan);
      const { renderStaffPlan } = await import('../machinery-format.ts');
      process.stdout.write(renderStaffPlan(plan, lang));
    });

  machinery
    .command('replacement')
    .description(
      "Kazakhstan's yearly replacement demand for combines or tractors from dated fleet facts: at the observed renewal rate, to hold the fleet's age, and to clear the backlog",
    )
    .option('--machine <kind>', 'combines | tractors (default: combines)', 'combines')
    .option('--clear-years <n>', 'years in which to clear the backlog (default: 10)')
    .option('--lang <lang>', '[en|ru] language of the text output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print as JSON', false)
    .action(async (flags: { machine: string; clearYears?: string; lang?: string; json: boolean }) => {
      const lang = parseLang(flags.lang);
      const { InvalidOptionError } = await import('../../errors.ts');
      const { fleetReplacement } = await import('../../machinery/index.ts');
      const { loadPresets } = await import('../machinery-files.ts');
      if (flags.machine !== 'combines' && flags.machine !== 'tractors')
        throw new InvalidOptionError(`invalid --machine: ${flags.machine} (combines or tractors)`, {
          value: flags.machine,
        });
      // Assembled once in the core (fleetReplacement), as the report's machinery section has it.
      const plan = fleetReplacement(
        await loadPresets(),
        flags.machine,
        flags.clearYears !== undefined ? toNumber('--clear-years', flags.clearYears) : undefined,
      );
      const { facts, limitYears, machine: _machine, scope: _scope, ...demand } = plan;
      if (flags.json) return printJson({ machine: flags.machine, facts, ...demand });
      const { renderReplacement } = await import('../machinery-format.ts');
      process.stdout.write(renderReplacement({ machine: flags.machine, limitYears, facts, demand }, lang));
    });

  machinery
    .command('catalog')
    .description('list machine classes, crops and presets with their source tags')
    .option('--catalog <file>', 'your catalog JSON layered over the shipped one')
    .option(
      '--maker <name>',
      "only this maker's named models, e.g. BELAZ, MTZ, Gomselmash (part of the name, any case)",
    )
    .option('--lang <lang>', '[en|ru] language of the text output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print the catalog as JSON', false)
    .action(async (flags: Flags) => {
      const { loadCatalog, loadPresets } = await import('../machinery-files.ts');
      const lang = parseLang(flags.lang as string | undefined);
      const { renderCatalog } = await import('../machinery-format.ts');
      const full = await loadCatalog(flags.catalog as string | undefined);
      const presets = await loadPresets();
      const maker = flags.maker as string | undefined;
      const catalog =
        maker === undefined
          ? full
          : { ...full, machines: full.machines.filter((m) => m.make?.toLowerCase().includes(maker.toLowerCase())) };
      if (maker !== undefined && catalog.machines.length === 0) {
        const { InvalidOptionError } = await import('../../errors.ts');
        const { t } = await import('../../messages/index.ts');
        const makers = [...new Set(full.machines.flatMap((m) => (m.make ? [m.make] : [])))].join(', ');
        throw new InvalidOptionError(t('en', 'machinery.catalog.noMaker', { maker, makers }), { value: maker });
      }
      if (flags.json) return printJson({ ...catalog, presets });
      process.stdout.write(renderCatalog(catalog, presets, lang));
    });

  machinery
    .command('market')
    .description(
      "the importer's imports of harvesting machinery (HS 8433), tractors (8701) and goods vehicles incl. dump trucks (8704) by supplier, with unit values against the exporter's",
    )
    .option('--from <country>', 'exporter whose machines are offered (default: BLR)', 'BLR')
    .option('--to <country>', 'importing country (default: KAZ)', 'KAZ')
    .option('--year <year>', "year (default: the newest with the importer's imports)")
    .option('--hs <codes>', 'HS headings or subheadings, comma-separated (default: 8433,8701,8704)', '8433,8701,8704')
    .option('--lang <lang>', '[en|ru] language of the text output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print as JSON', false)
    .action(async (flags: { from: string; to: string; year?: string; hs: string; lang?: string; json: boolean }) => {
      const lang = parseLang(flags.lang);
      const { resolvePair, checkProductCode } = await import('../../data/index.ts');
      const { rivals } = await import('../../analysis/index.ts');
      const { InvalidOptionError } = await import('../../errors.ts');
      const { withStore } = await import('../store.ts');
      const products = flags.hs
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      const levels = new Set(products.map((c) => c.length));
      if (levels.size !== 1 || ![4, 6].includes(products[0]?.length ?? 0))
        throw new InvalidOptionError(`invalid --hs: ${flags.hs} (4- or 6-digit codes of one length)`);
      const year = flags.year === undefined ? undefined : Number(flags.year);
      if (year !== undefined && !Number.isInteger(year)) throw new InvalidOptionError(`invalid --year: ${flags.year}`);
      await withStore(async (store) => {
        const [a, b] = await resolvePair(store, flags.from, flags.to);
        for (const code of products) await checkProductCode(store, code);
        const result = await rivals(store, {
          exporter: a.iso3,
          importer: b.iso3,
          products,
          year,
          level: products[0]!.length as 4 | 6,
        });
        if (flags.json) return printJson(result);
        const { renderMarket } = await import('../machinery-format.ts');
        process.stdout.write(renderMarket(result, b.iso3, lang));
      });
    });
}
