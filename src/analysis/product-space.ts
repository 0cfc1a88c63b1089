/**
 * The product space of one year of a panel CSV: complexity for PCI, M and density, the
 * symmetric discrete proximity for the edges, world trade per product for node size.
 * Source: docs/complexity.md §Product space.
 */
import { UnknownCountryError, YearOutOfRangeError } from '../errors.ts';
import { readPanelCsv, type PanelCsvColumns } from '../data/read-panel-csv.ts';
import { resolveComplexity } from '../metrics/complexity.ts';
import { productSpace, type ProductSpace, type ProductSpaceOptions } from '../metrics/product-space.ts';
import { proximity } from '../metrics/proximity.ts';
import { complexityPanelYear, type ComplexityPanel } from './complexity.ts';

export interface ProductSpaceCsvOptions extends ProductSpaceOptions {
  input: string;
  columns: Omit<PanelCsvColumns, 'presence'>;
  /** @default the latest year in the file */
  year?: number;
  /** A location label (matched without regard to case) whose M and density to include. */
  country?: string;
  /** @default 1 */
  rcaThreshold?: number;
}

export interface ProductSpaceGraph extends ProductSpace {
  year: number;
}

/** Builds the product space of one year of the panel. */
export function productSpaceOfPanel(
  panel: ComplexityPanel,
  options: Omit<ProductSpaceCsvOptions, 'input' | 'columns'> = {},
): ProductSpaceGraph {
  const o = resolveComplexity({ rcaThreshold: options.rcaThreshold ?? 1 });
  const year = options.year ?? panel.years.at(-1)!;
  const index = panel.years.indexOf(year);
  if (index < 0) {
    throw new YearOutOfRangeError(`year ${year} is not in the panel (it has ${panel.years[0]}-${panel.years.at(-1)})`, {
      value: String(year),
    });
  }
  const y = complexityPanelYear(panel, index, o);
  const { result } = y;
  const phi = proximity(result.mcp, result.rows, result.products);
  const worldTradeUsd = new Float64Array(result.products);
  for (let r = 0; r < result.rows; r++) {
    for (let p = 0; p < result.products; p++) worldTradeUsd[p]! += y.valuesUsd[r * result.products + p]!;
  }
  let country: { code: string; mcp: Uint8Array; density: Float64Array } | undefined;
  if (options.country !== undefined) {
    const wanted = options.country.toLowerCase();
    const row = y.locations.findIndex((l) => l.toLowerCase() === wanted);
    if (row < 0) {
      const near = y.locations.filter((l) => l.toLowerCase().startsWith(wanted.slice(0, 1))).slice(0, 10);
      throw new UnknownCountryError(`location "${options.country}" is not in year ${year} of the panel`, {
        value: options.country,
        ...(near.length > 0 && { hint: `locations starting alike: ${near.join(', ')}` }),
      });
    }
    const from = row * result.products;
    country = {
      code: y.locations[row]!,
      mcp: result.mcp.slice(from, from + result.products),
      density: result.density.slice(from, from + result.products),
    };
  }
  const graph = productSpace(
    {
      productCodes: y.products,
      proximity: phi,
      worldTradeUsd,
      pci: result.pci,
      ...(country !== undefined && { country }),
    },
    options.minProximity === undefined ? {} : { minProximity: options.minProximity },
  );
  return { year, ...graph };
}

/** Reads the panel CSV and builds one year's product space. */
export async function productSpaceCsv(options: ProductSpaceCsvOptions): Promise<ProductSpaceGraph> {
  const panel = await readPanelCsv(options.input, options.columns);
  return productSpaceOfPanel(panel, options);
}
