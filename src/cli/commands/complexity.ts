/**
 * `karavan complexity --input FILE.csv ... --out OUT.csv`: every Stata `ecomplexity` measure
 * for every year of a long panel CSV, written as one long CSV (docs/complexity.md has the
 * contract). Maps flags to ComplexityCsvOptions and calls the analysis driver.
 */
import type { Command } from 'commander';
import { InvalidOptionError, MissingOptionError } from '../../errors.ts';
import { complexityDefaults, presenceTests, type PresenceTest } from '../../metrics/complexity-options.ts';
import { levelHelp } from '../flags.ts';

interface ComplexityFlags {
  input?: string;
  allCountries?: boolean;
  time?: string;
  location?: string;
  product?: string;
  value?: string;
  rcaThreshold?: string;
  presence?: string;
  population?: string;
  populationColumn?: string;
  presenceColumn?: string;
  continuous?: boolean;
  asymmetric?: boolean;
  knn?: string;
  out?: string;
}

/** The threshold flag as a number: "invalid rcaThreshold: <text>" otherwise. */
export function parseThreshold(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value))
    throw new InvalidOptionError(`invalid rcaThreshold: ${text}`, {
      value: text,
      hint: 'give a number, e.g. --rca-threshold 1',
    });
  return value;
}

/**
 * The --knn flag as a whole number >= 1: "invalid knn: <text>" otherwise. The upper bound, the
 * number of products, is checked per year by the engine (same error).
 */
export function parseKnn(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1)
    throw new InvalidOptionError(`invalid knn: ${text}`, {
      value: text,
      hint: 'give a whole number of neighbours from 1 to the number of products, e.g. --knn 10',
    });
  return Number(text);
}

export function required(flags: Record<string, unknown>, names: [key: string, flag: string][]): void {
  const missing = names.filter(([key]) => flags[key] === undefined).map(([, flag]) => flag);
  if (missing.length > 0)
    throw new MissingOptionError(`missing ${missing.join(', ')}`, { hint: 'run karavan complexity --help' });
}

export function registerComplexity(program: Command): void {
  program
    .command('complexity')
    .description(
      'Economic complexity (RCA, M, density, ECI, PCI, diversity, ubiquity, COI, COG) for every year of a\n' +
        "long panel CSV, as Stata's ecomplexity computes them. Writes one row per location x product x year.",
    )
    .option('--input <file>', 'panel CSV: one row per time x location x product')
    .option('--time <column>', 'time (year) column of the input')
    .option('--location <column>', 'location column of the input')
    .option('--product <column>', 'product column of the input (codes kept as written)')
    .option('--value <column>', 'trade value column of the input')
    .option(
      '--rca-threshold <number>',
      `present when RCA (or RPOP) is strictly greater (default: ${complexityDefaults.rcaThreshold})`,
    )
    .option(
      '--presence <test>',
      `presence test: ${presenceTests.join(' | ')} (default: ${complexityDefaults.presence})`,
    )
    .option(
      '--population <file>',
      'population CSV for --presence rpop (location column, population column, optional time column)',
    )
    .option('--population-column <column>', 'population column of --population (default: population)')
    .option('--presence-column <column>', 'input column holding M (0/1) for --presence manual')
    .option(
      '--continuous',
      `continuous proximity: (1 + Pearson correlation of RCA) / 2 (default: ${complexityDefaults.continuous})`,
    )
    .option('--asymmetric', `asymmetric proximity C[p,q] / k_q (default: ${complexityDefaults.asymmetric})`)
    .option('--knn <n>', "density over each product's n nearest products only, 1..number of products (Stata knn())")
    .option('--out <file>', 'output file: CSV, or Parquet when the name ends in .parquet')
    .option(
      '--year <year>',
      'without --input: compute from the store for this year (default: the newest with world coverage)',
    )
    .option('--level <level>', levelHelp([2, 4, 6], 'without --input: HS level', 'hs4'))
    .option(
      '--all-countries',
      'without --input: rank every location, not only the Atlas set of at least 1 M people and 1 bn USD of exports (default: false)',
    )
    .action(async (flags: ComplexityFlags & { year?: string; level?: string }) => {
      if (flags.input === undefined && (flags.year !== undefined || flags.level !== undefined))
        return complexityFromStoreCommand(flags);
      required(flags as Record<string, unknown>, [
        ['input', '--input'],
        ['time', '--time'],
        ['location', '--location'],
        ['product', '--product'],
        ['value', '--value'],
        ['out', '--out'],
      ]);
      const { complexityCsv } = await import('../../analysis/complexity.ts');
      const summary = await complexityCsv({
        input: flags.input!,
        columns: {
          time: flags.time!,
          location: flags.location!,
          product: flags.product!,
          value: flags.value!,
          ...(flags.presenceColumn !== undefined && { presence: flags.presenceColumn }),
        },
        out: flags.out!,
        ...(flags.rcaThreshold !== undefined && { rcaThreshold: parseThreshold(flags.rcaThreshold) }),
        ...(flags.presence !== undefined && { presence: flags.presence as PresenceTest }),
        ...(flags.continuous !== undefined && { continuous: true }),
        ...(flags.asymmetric !== undefined && { asymmetric: true }),
        ...(flags.knn !== undefined && { knn: parseKnn(flags.knn) }),
        ...(flags.population !== undefined && { populationFile: flags.population }),
        ...(flags.populationColumn !== undefined && { populationColumn: flags.populationColumn }),
        onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
      });
      const span = summary.years.length === 1 ? `${summary.years[0]}` : `${summary.years[0]}-${summary.years.at(-1)}`;
      process.stdout.write(`wrote ${summary.rows} rows (${summary.years.length} year(s), ${span}) to ${summary.out}\n`);
    });
}

/** `karavan complexity --year 2017 --level hs4 [--out FILE]`: the store's world exports, the same matrix the report uses. */
async function complexityFromStoreCommand(flags: ComplexityFlags & { year?: string; level?: string }): Promise<void> {
  const { InvalidOptionError } = await import('../../errors.ts');
  const { parseLevel } = await import('../flags.ts');
  const level = parseLevel(flags.level, [2, 4, 6] as const, 4);
  const year = flags.year === undefined ? undefined : Number(flags.year);
  if (year !== undefined && !Number.isInteger(year)) throw new InvalidOptionError(`invalid --year: ${flags.year}`);
  const { withStore } = await import('../store.ts');
  const { complexityFromStore, writeStoreComplexity } = await import('../../analysis/complexity.ts');
  const { formatTable } = await import('../output.ts');
  await withStore(async (store) => {
    const y = await complexityFromStore(store, {
      year,
      level,
      ...(flags.rcaThreshold !== undefined && { rcaThreshold: parseThreshold(flags.rcaThreshold) }),
      ...(flags.continuous !== undefined && { continuous: true }),
      ...(flags.asymmetric !== undefined && { asymmetric: true }),
      ...(flags.knn !== undefined && { knn: parseKnn(flags.knn) }),
      allCountries: flags.allCountries ?? false,
    });
    if (y.leftOut.length > 0)
      process.stderr.write(
        `note: ${y.leftOut.length} of ${y.leftOut.length + y.locations.length} locations left out by the Atlas filter (under 1 M people or 1 bn USD of exports, or no population data); --all-countries ranks every location\n`,
      );
    for (const warning of y.warnings) process.stderr.write(`warning: ${warning}\n`);
    if (flags.out) {
      const rows = await writeStoreComplexity(flags.out, y);
      process.stdout.write(`wrote ${rows} rows (${y.source} ${y.year}, HS${level}) to ${flags.out}\n`);
      return;
    }
    const order = [...y.result.eci.keys()]
      .filter((r) => Number.isFinite(y.result.eci[r]!))
      .sort((a, b) => y.result.eci[b]! - y.result.eci[a]!);
    process.stdout.write(
      `ECI ${y.source} ${y.year}, HS${level}: ${order.length} countries (write every measure with --out FILE.csv)\n`,
    );
    process.stdout.write(
      formatTable(
        ['rank', 'country', 'ECI', 'COI', 'diversity'],
        order.map((r, i) => [
          i + 1,
          y.locations[r]!,
          Math.round(y.result.eci[r]! * 1000) / 1000,
          Math.round(y.result.coi[r]! * 1000) / 1000,
          y.result.diversity[r]!,
        ]),
      ),
    );
  });
}
