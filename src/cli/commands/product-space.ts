/**
 * `karavan product-space --input FILE.csv ...`: the Atlas-style product space of one year
 * (maximum spanning tree + edges with proximity >= threshold), optionally with a country's
 * position, as JSON. Maps flags to ProductSpaceCsvOptions and calls the analysis function.
 */
import type { Command } from 'commander';
import { InvalidOptionError } from '../../errors.ts';
import { complexityDefaults } from '../../metrics/complexity-options.ts';
import { productSpaceDefaults } from '../../metrics/product-space.ts';
import { parseThreshold, required } from './complexity.ts';

interface ProductSpaceFlags {
  input?: string;
  time?: string;
  location?: string;
  product?: string;
  value?: string;
  year?: string;
  country?: string;
  minProximity?: string;
  rcaThreshold?: string;
  out?: string;
}

function parseNumber(field: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new InvalidOptionError(`invalid ${field}: ${text}`, { value: text });
  return value;
}

export function registerProductSpace(program: Command): void {
  program
    .command('product-space')
    .description(
      'The product space of one year as the Atlas draws it: products (HS section, world trade, PCI) linked by\n' +
        'the maximum spanning tree of proximity plus every edge with proximity >= --min-proximity; with\n' +
        "--country, the country's M and density on every product. JSON.",
    )
    .option('--input <file>', 'panel CSV: one row per time x location x product')
    .option('--time <column>', 'time (year) column of the input')
    .option('--location <column>', 'location column of the input')
    .option('--product <column>', 'product column of the input (codes kept as written)')
    .option('--value <column>', 'trade value column of the input')
    .option('--year <year>', 'year to draw (default: the latest in the file)')
    .option('--country <code>', 'location whose position to add (as written in the location column, any case)')
    .option(
      '--min-proximity <share>',
      `keep non-tree edges with proximity >= this (default: ${productSpaceDefaults.minProximity})`,
    )
    .option(
      '--rca-threshold <number>',
      `present when RCA is strictly greater (default: ${complexityDefaults.rcaThreshold})`,
    )
    .option('--out <file>', 'write the graph JSON here (default: standard output)')
    .action(async (flags: ProductSpaceFlags) => {
      required(flags as Record<string, unknown>, [
        ['input', '--input'],
        ['time', '--time'],
        ['location', '--location'],
        ['product', '--product'],
        ['value', '--value'],
      ]);
      const { productSpaceCsv } = await import('../../analysis/product-space.ts');
      const year = parseNumber('year', flags.year);
      const minProximity = parseNumber('minProximity', flags.minProximity);
      const graph = await productSpaceCsv({
        input: flags.input!,
        columns: { time: flags.time!, location: flags.location!, product: flags.product!, value: flags.value! },
        ...(year !== undefined && { year }),
        ...(flags.country !== undefined && { country: flags.country }),
        ...(minProximity !== undefined && { minProximity }),
        ...(flags.rcaThreshold !== undefined && { rcaThreshold: parseThreshold(flags.rcaThreshold) }),
      });
      const text =
        JSON.stringify(
          graph,
          (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
          2,
        ) + '\n';
      if (flags.out !== undefined) {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(flags.out, text);
        process.stdout.write(
          `wrote ${graph.nodes.length} nodes and ${graph.edges.length} edges (year ${graph.year}) to ${flags.out}\n`,
        );
      } else {
        process.stdout.write(text);
      }
    });
}
