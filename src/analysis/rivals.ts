/**
 * Rivals: who supplies the importer's market in each product, how their shares moved over the
 * years, and their unit values (USD per tonne, from quantities) against the exporter's: the
 * "advantage over foreign analogues" in price terms. Unit values are flagged where quantities are
 * missing or the value sits far from the market's median (more than 5x or under a fifth).
 */
import {
  checkProductCode,
  exporterWorldSales,
  pairCoverage,
  primaryFlowSource,
  suppliersByYear,
  type HsLevel,
  type TradeStore,
} from '../data/index.ts';
import { worldCoverageMinExporters } from './coverage.ts';
import { baciAdvice, comtradeAdvice, countryValue, gap } from './messages.ts';
import { msg, type Message } from '../messages/index.ts';
import { tradeBasket } from './basket.ts';
import { countryValues } from './messages.ts';
import { exporterSupply } from './supply.ts';
import { nameProducts, type SectionMeta } from './section.ts';

export interface RivalsOptions {
  exporter: string;
  importer: string;
  /**
   * HS codes to examine (at `level`). @default the pair's largest flows from the exporter to the
   * importer and the exporter's largest competitive exports (`defaultRivalProducts`)
   */
  products?: string[];
  /** @default the newest year with the importer's imports from all suppliers */
  year?: number;
  /** @default 6 */
  level?: HsLevel;
  /** Years of share history. @default 5 */
  spanYears?: number;
  /** Suppliers listed per product. @default 6 */
  topSuppliers?: number;
}

export type UnitValueFlag = 'no-quantity' | 'partial-quantity' | 'outlier';

export interface RivalRow {
  supplier: string;
  valueUsd: number;
  share: number;
  /** Share in the first year of the history (null if absent then). */
  shareStart: number | null;
  shareChange: number | null;
  unitValueUsdPerTonne: number | null;
  flags: UnitValueFlag[];
}

export interface RivalsProduct {
  product: string;
  nameEn: string;
  nameRu: string;
  importsUsd: number;
  suppliers: RivalRow[];
  /** The exporter in this market (null if it does not sell there). */
  exporter: RivalRow | null;
  /** The exporter's unit value: to this market if it sells there, else to the world. */
  exporterUnitValueUsdPerTonne: number | null;
  exporterUnitValueBasis: 'this market' | 'world' | null;
  /** Value-weighted unit value of the other suppliers (flagged ones left out). */
  rivalsUnitValueUsdPerTonne: number | null;
  /** 1 - exporter / rivals: above 0 the exporter is cheaper per tonne. */
  priceAdvantage: number | null;
  /** Share per supplier per year, for the trend chart. */
  history: Array<{ year: number; supplier: string; share: number }>;
}

export interface RivalsResult extends SectionMeta {
  exporter: string;
  importer: string;
  year: number | null;
  startYear: number | null;
  level: HsLevel;
  source: string | null;
  /** How the products were chosen: given, or the default choice and its parts. */
  productChoice: Message;
  products: RivalsProduct[];
}

export const rivalsDefaults = Object.freeze({
  level: 6 as HsLevel,
  spanYears: 5,
  topSuppliers: 6,
  /** Products taken from each default source: the pair's basket, and the exporter's competitive exports. */
  defaultProductsPerSource: 5,
});

/**
 * The products to compare rivals on when none are given: what the exporter already sells the
 * importer (its largest flows in the pair's basket) and what it sells the world competitively (its
 * largest exports with RCA >= 1), five of each at the level asked, without repeats.
 */
export async function defaultRivalProducts(
  store: TradeStore,
  options: { exporter: string; importer: string; year?: number; level?: HsLevel },
): Promise<{ products: string[]; choice: Message }> {
  const level = options.level ?? rivalsDefaults.level;
  const n = rivalsDefaults.defaultProductsPerSource;
  const [basket, supply, [exporterValue, importerValue]] = await Promise.all([
    tradeBasket(store, { ...options, level, direction: 'exports', limit: n }),
    exporterSupply(store, { exporter: options.exporter, year: options.year, level, limit: 200 }),
    countryValues(store, options.exporter, options.importer),
  ]);
  const sold = basket.rows.filter((r) => r.direction === 'exports' && r.product.length === level).slice(0, n);
  const competitive = supply.rows.filter((r) => r.competitive).slice(0, n);
  const products = [...new Set([...sold.map((r) => r.product), ...competitive.map((r) => r.product)])];
  return {
    products,
    choice: msg('rivals.choiceDefault', {
      exporter: exporterValue!,
      importer: importerValue!,
      sold: sold.length,
      competitive: competitive.length,
    }),
  };
}

function unitValue(valueWithQtyUsd: number, qtyTonnes: number | null): number | null {
  return qtyTonnes !== null && qtyTonnes > 0 && valueWithQtyUsd > 0 ? valueWithQtyUsd / qtyTonnes : null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function rivals(store: TradeStore, options: RivalsOptions): Promise<RivalsResult> {
  const level = options.level ?? rivalsDefaults.level;
  const spanYears = options.spanYears ?? rivalsDefaults.spanYears;
  const top = options.topSuppliers ?? rivalsDefaults.topSuppliers;
  const { exporter, importer } = options;
  const coverage = await pairCoverage(store, exporter, importer);
  const worldYears = new Set(
    coverage.worldFlowYears.filter((y) => y.exporters >= worldCoverageMinExporters).map((y) => y.year),
  );
  const usable = coverage.importerImports
    .filter((y) => worldYears.has(y.year) || y.sources.includes('comtrade'))
    .map((y) => y.year)
    .sort((a, b) => b - a);
  const year = options.year ?? usable[0];
  const importerValue = await countryValue(store, importer);
  const given = options.products !== undefined && options.products.length > 0;
  // A code the nomenclature does not have is refused by name here, for every interface alike.
  if (given) for (const code of options.products!) await checkProductCode(store, code);
  const chosen = given
    ? { products: options.products!, choice: msg('rivals.choiceGiven', { count: options.products!.length }) }
    : await defaultRivalProducts(store, { exporter, importer, year, level });
  const productList = chosen.products;
  if (year === undefined || !usable.includes(year) || productList.length === 0) {
    return {
      status: 'missing',
      basis: msg('basis.none'),
      missing:
        productList.length === 0 && year !== undefined
          ? msg('need.noProducts')
          : gap(
              msg('need.importerImportsWithQuantities', { importer: importerValue }),
              baciAdvice(),
              comtradeAdvice(importerValue, 'imports', coverage),
            ),
      exporter,
      importer,
      year: options.year ?? null,
      startYear: null,
      level,
      source: null,
      productChoice: chosen.choice,
      products: [],
    };
  }
  const source = (await primaryFlowSource(store, year))!;
  const years = Array.from({ length: spanYears }, (_, k) => year - spanYears + 1 + k);
  const rows = await suppliersByYear(store, { importer, exporter, products: productList, level, years, source });
  const own = await exporterWorldSales(store, {
    exporter,
    importer,
    products: productList,
    level,
    years: [year],
    source,
  });
  const names = await nameProducts(store, productList);
  const presentYears = [...new Set(rows.map((r) => r.year))].sort();
  const startYear = presentYears.find((y) => y < year) ?? null;
  const products: RivalsProduct[] = [];
  for (const product of productList) {
    const current = rows.filter((r) => r.product === product && r.year === year);
    const importsUsd = current.reduce((s, r) => s + r.valueUsd, 0);
    if (importsUsd <= 0) continue;
    const startRows = startYear === null ? [] : rows.filter((r) => r.product === product && r.year === startYear);
    const startTotal = startRows.reduce((s, r) => s + r.valueUsd, 0);
    const uvs = current.map((r) => unitValue(r.valueWithQtyUsd, r.qtyTonnes)).filter((v): v is number => v !== null);
    const med = median(uvs);
    const toRow = (r: (typeof current)[number]): RivalRow => {
      const uv = unitValue(r.valueWithQtyUsd, r.qtyTonnes);
      const flags: UnitValueFlag[] = [];
      if (uv === null) flags.push('no-quantity');
      else if (r.valueWithQtyUsd < 0.9 * r.valueUsd) flags.push('partial-quantity');
      if (uv !== null && med !== null && (uv > 5 * med || uv < med / 5)) flags.push('outlier');
      const before = startRows.find((s) => s.supplier === r.supplier);
      const shareStart = startTotal > 0 ? (before?.valueUsd ?? 0) / startTotal : null;
      const share = r.valueUsd / importsUsd;
      return {
        supplier: r.supplier,
        valueUsd: r.valueUsd,
        share,
        shareStart,
        shareChange: shareStart === null ? null : share - shareStart,
        unitValueUsdPerTonne: uv,
        flags,
      };
    };
    const all = current.map(toRow).sort((a, b) => b.valueUsd - a.valueUsd);
    const exporterRow = all.find((r) => r.supplier === exporter) ?? null;
    const rivalsRows = all.filter((r) => r.supplier !== exporter);
    const clean = rivalsRows.filter((r) => r.unitValueUsdPerTonne !== null && !r.flags.includes('outlier'));
    const rivalsUv =
      clean.length > 0
        ? clean.reduce((s, r) => s + r.valueUsd, 0) /
          clean.reduce((s, r) => s + r.valueUsd / r.unitValueUsdPerTonne!, 0)
        : null;
    const ownWorld = own.find((o) => o.product === product);
    const ownWorldUv = ownWorld ? unitValue(ownWorld.valueWithQtyUsd, ownWorld.qtyTonnes) : null;
    const exporterUv = exporterRow?.unitValueUsdPerTonne ?? ownWorldUv;
    const leaders = new Set(rivalsRows.slice(0, top).map((r) => r.supplier));
    if (exporterRow) leaders.add(exporter);
    const history = rows
      .filter((r) => r.product === product && leaders.has(r.supplier))
      .map((r) => {
        const total = rows
          .filter((x) => x.product === product && x.year === r.year)
          .reduce((s, x) => s + x.valueUsd, 0);
        return { year: r.year, supplier: r.supplier, share: total > 0 ? r.valueUsd / total : 0 };
      });
    products.push({
      product,
      nameEn: names.get(product)!.en,
      nameRu: names.get(product)!.ru,
      importsUsd,
      suppliers: rivalsRows.slice(0, top),
      exporter: exporterRow,
      exporterUnitValueUsdPerTonne: exporterUv,
      exporterUnitValueBasis: exporterRow?.unitValueUsdPerTonne ? 'this market' : ownWorldUv ? 'world' : null,
      rivalsUnitValueUsdPerTonne: rivalsUv,
      priceAdvantage: exporterUv !== null && rivalsUv !== null && rivalsUv > 0 ? 1 - exporterUv / rivalsUv : null,
      history,
    });
  }
  return {
    status: products.length > 0 ? 'computed' : 'missing',
    basis: msg('basis.rivals', {
      importer: importerValue,
      source,
      years: `${startYear !== null ? `${startYear}-` : ''}${year}`,
    }),
    missing:
      products.length > 0
        ? null
        : msg('need.importsNone', {
            importer: importerValue,
            products: productList.join(', '),
            source,
            year: String(year),
          }),
    exporter,
    importer,
    year,
    startYear,
    level,
    source,
    productChoice: chosen.choice,
    products,
  };
}
