/**
 * The pair's trade basket: what the two countries trade with each other today, product by product, in both
 * directions, grouped HS section -> chapter -> heading -> product with totals at each level; each product's
 * series over the years the store has and its growth; the seller's share of the buyer's imports of the
 * product where those are known; and the mirror (each side's own report) where both sides report.
 *
 * One figure per flow: reconciled data (BACI) as it is; else the buyer's report (its imports, as ITC Trade
 * Map shows a market); else the seller's. A group on either side sums its members (data/groups.ts).
 */
import {
  bilateralSeries,
  flowYears,
  pairCoverage,
  pairProductSeries,
  primaryFlowSource,
  productSections,
  type HsLevel,
  type PairProductYearRow,
  type TradeStore,
} from '../data/index.ts';
import { baciAdvice, comtradeAdvice, countryValues, gap, joinMessages } from './messages.ts';
import { msg, type CountryValue, type Message } from '../messages/index.ts';
import { cagr, nameProducts, type SectionMeta } from './section.ts';

export type BasketDirection = 'both' | 'exports' | 'imports';

export interface BasketOptions {
  exporter: string;
  importer: string;
  /** @default the newest year with product-level flows between the two */
  year?: number;
  /** @default 6 */
  level?: HsLevel;
  /** @default 'both' */
  direction?: BasketDirection;
  /** Product rows kept per direction, largest first (totals and groups count every product). @default 1000 */
  limit?: number;
  /** Years over which growth is measured. @default 5 */
  spanYears?: number;
}

export interface BasketRow {
  /** 'exports': exporter -> importer; 'imports': importer -> exporter. */
  direction: 'exports' | 'imports';
  product: string;
  nameEn: string;
  nameRu: string;
  /** HS section (Roman numeral; '—' for chapters 98-99), chapter (2 digits) and heading (4 digits, null at HS2). */
  section: string;
  chapter: string;
  heading: string | null;
  /** The flow in `year` (USD): reconciled, else as the buyer reports it, else as the seller does. */
  valueUsd: number;
  /** Mirror: the flow as the seller and as the buyer report it (null where that side did not report). */
  reportedBySellerUsd: number | null;
  reportedByBuyerUsd: number | null;
  /** valueUsd / the buyer's imports of the product from all partners; null where those are not in the store. */
  shareOfBuyerImports: number | null;
  /** Compound annual growth from the earliest year within `spanYears` before `year` that has the flow. */
  growth: number | null;
  growthStartYear: number | null;
  /** Every year of the source up to `year` (0 where there was no flow). */
  series: Array<{ year: number; valueUsd: number }>;
}

export interface BasketGroup {
  direction: 'exports' | 'imports';
  level: 'section' | 'chapter' | 'heading';
  code: string;
  /** The group one level up: a chapter's HS section, a heading's chapter; null for a section. */
  parent: string | null;
  nameEn: string;
  nameRu: string;
  valueUsd: number;
  /** Products of the basket in the group. */
  products: number;
}

export interface BasketResult extends SectionMeta {
  exporter: string;
  importer: string;
  /** The pair's names in both languages, for headings. */
  parties: { exporter: CountryValue; importer: CountryValue };
  year: number | null;
  level: HsLevel;
  source: string | null;
  direction: BasketDirection;
  spanYears: number;
  /** Years of the series, oldest first. */
  years: number[];
  /**
   * Totals of each direction; null where the store cannot tell that direction (a BACI slice without the
   * importer's exports says nothing of importer -> exporter, which is not the same as none).
   */
  totals: {
    exportsUsd: number | null;
    importsUsd: number | null;
    exportProducts: number | null;
    importProducts: number | null;
  };
  /** Largest first within each direction, exports before imports; at most `limit` per direction. */
  rows: BasketRow[];
  /** Totals by HS section, chapter and heading (every product counted), largest first within each level. */
  groups: BasketGroup[];
}

export const basketDefaults = Object.freeze({
  level: 6 as HsLevel,
  direction: 'both' as BasketDirection,
  limit: 1000,
  spanYears: 5,
});

/** The section code of chapters outside the HS sections (98, 99). */
const noSection = '—';

const flowValue = (r: PairProductYearRow) => r.reconciledUsd ?? r.reportedByBuyerUsd ?? r.reportedBySellerUsd ?? 0;

/** "… (the store has 2017, 2021)" when the store has other years. */
const withStoreYears = (what: Message, years: number[]): Message =>
  years.length > 0 ? msg('need.storeHas', { what, years: years.join(', ') }) : what;

export async function tradeBasket(store: TradeStore, options: BasketOptions): Promise<BasketResult> {
  const { exporter, importer } = options;
  const level = options.level ?? basketDefaults.level;
  const direction = options.direction ?? basketDefaults.direction;
  const limit = options.limit ?? basketDefaults.limit;
  const spanYears = options.spanYears ?? basketDefaults.spanYears;
  const coverage = await pairCoverage(store, exporter, importer);
  const [exporterValue, importerValue] = await countryValues(store, exporter, importer);
  const parties = { exporter: exporterValue!, importer: importerValue! };
  const pairYears = [...coverage.bilateral, ...coverage.reverse];
  const years = [...new Set(pairYears.map((y) => y.year))].sort((a, b) => a - b);
  const year = options.year ?? years.at(-1) ?? null;
  const base = {
    exporter,
    importer,
    parties,
    year,
    level,
    direction,
    spanYears,
    years: [] as number[],
    totals: {
      exportsUsd: null,
      importsUsd: null,
      exportProducts: null,
      importProducts: null,
    } as BasketResult['totals'],
    rows: [] as BasketRow[],
    groups: [] as BasketGroup[],
  };
  if (year === null || !years.includes(year)) {
    return {
      ...base,
      status: 'missing',
      basis: msg('basis.none'),
      source: null,
      missing: gap(
        withStoreYears(
          options.year !== undefined
            ? msg('need.forYear', { what: msg('need.pairProductFlows', parties), year: String(options.year) })
            : msg('need.pairProductFlows', parties),
          years,
        ),
        baciAdvice(),
        comtradeAdvice(parties.importer, 'imports', coverage),
      ),
    };
  }
  // The source: the year's primary one when it holds the pair's flows, else the first that does.
  const sources = [...new Set(pairYears.filter((y) => y.year === year).flatMap((y) => y.sources))].sort();
  const primary = await primaryFlowSource(store, year);
  const source = primary !== null && sources.includes(primary) ? primary : sources[0]!;
  const flows = await pairProductSeries(store, { exporter, importer, level, source, toYear: year });
  // Which directions the data can tell in that year (as the turnover does): none reported is not zero.
  const pairTotals = (await bilateralSeries(store, exporter, importer)).filter(
    (r) => r.year === year && r.source === source,
  );
  const known = {
    exports: pairTotals.some((r) => r.forwardUsd !== null),
    imports: pairTotals.some((r) => r.backwardUsd !== null),
  };
  // The series runs over the source's years, not only those with a flow of the pair: a year without one shows 0.
  const seriesYears = (await flowYears(store, source)).filter((y) => y <= year).sort((a, b) => a - b);
  const byKey = new Map(flows.map((r) => [`${r.direction}|${r.product}|${r.year}`, flowValue(r)]));
  /** The flow of a product in a year (0 where there was none). */
  const valueIn = (r: PairProductYearRow, y: number) => byKey.get(`${r.direction}|${r.product}|${y}`) ?? 0;
  const current = flows.filter((r) => r.year === year && flowValue(r) > 0);
  const sections = await productSections(
    store,
    current.map((r) => r.product),
  );
  const all = current.map((r) => {
    const earlier = seriesYears.filter((y) => y < year && y >= year - spanYears);
    const startYear = earlier.find((y) => valueIn(r, y) > 0) ?? null;
    const valueUsd = flowValue(r);
    return {
      direction: r.direction,
      product: r.product,
      // Chapters 98 and 99 (national use) belong to no HS section.
      section: sections.get(r.product) ?? noSection,
      chapter: r.product.slice(0, 2),
      heading: r.product.length >= 4 ? r.product.slice(0, 4) : null,
      valueUsd,
      reportedBySellerUsd: r.reportedBySellerUsd,
      reportedByBuyerUsd: r.reportedByBuyerUsd,
      shareOfBuyerImports: r.buyerImportsUsd && r.buyerImportsUsd > 0 ? valueUsd / r.buyerImportsUsd : null,
      growth: startYear === null ? null : cagr(valueIn(r, startYear), valueUsd, year - startYear),
      growthStartYear: startYear,
      series: seriesYears.map((y) => ({
        year: y,
        valueUsd: valueIn(r, y),
      })),
    };
  });
  const wanted = all.filter((r) => direction === 'both' || r.direction === direction);
  const inDirection = (d: 'exports' | 'imports') =>
    wanted
      .filter((r) => r.direction === d)
      .sort((a, b) => b.valueUsd - a.valueUsd || a.product.localeCompare(b.product));
  const exportsAll = inDirection('exports');
  const importsAll = inDirection('imports');
  const shown = [...exportsAll.slice(0, limit), ...importsAll.slice(0, limit)];
  // Groups over every product of the basket, named at once with the products shown.
  const groupRows: Array<Omit<BasketGroup, 'nameEn' | 'nameRu'>> = [];
  for (const groupLevel of ['section', 'chapter', 'heading'] as const) {
    const sums = new Map<
      string,
      { direction: 'exports' | 'imports'; code: string; parent: string | null; valueUsd: number; products: number }
    >();
    for (const r of wanted) {
      const code = groupLevel === 'section' ? r.section : groupLevel === 'chapter' ? r.chapter : r.heading;
      if (code === null || (groupLevel === 'heading' && level < 6)) continue;
      const parent = groupLevel === 'section' ? null : groupLevel === 'chapter' ? r.section : r.chapter;
      const key = `${r.direction}|${code}`;
      const sum = sums.get(key) ?? { direction: r.direction, code, parent, valueUsd: 0, products: 0 };
      sum.valueUsd += r.valueUsd;
      sum.products++;
      sums.set(key, sum);
    }
    groupRows.push(
      ...[...sums.values()]
        .sort((a, b) => a.direction.localeCompare(b.direction) || b.valueUsd - a.valueUsd)
        .map((s) => ({ ...s, level: groupLevel })),
    );
  }
  const names = await nameProducts(store, [
    ...new Set([...shown.map((r) => r.product), ...groupRows.filter((g) => g.level !== 'section').map((g) => g.code)]),
  ]);
  const sum = (rows: Array<{ valueUsd: number }>) => rows.reduce((s, r) => s + r.valueUsd, 0);
  const unknown = (['exports', 'imports'] as const).filter(
    (d) => !known[d] && (direction === 'both' || direction === d),
  );
  const flowText = (d: 'exports' | 'imports') =>
    d === 'exports'
      ? msg('flow.direction', { from: parties.exporter, to: parties.importer })
      : msg('flow.direction', { from: parties.importer, to: parties.exporter });
  return {
    ...base,
    status: unknown.length > 0 ? 'partial' : 'computed',
    basis: msg('basis.basket', {
      source,
      year: String(year),
      level: String(level),
      ...parties,
      count: exportsAll.length + importsAll.length,
    }),
    missing:
      unknown.length > 0
        ? gap(
            msg('need.basketUnknown', { flows: joinMessages(unknown.map(flowText), 'join.and')!, year: String(year) }),
            baciAdvice(),
            comtradeAdvice(unknown[0] === 'exports' ? parties.importer : parties.exporter, 'imports', coverage),
          )
        : seriesYears.length > 1
          ? null
          : gap(msg('need.growthEarlierYears', { source }), baciAdvice()),
    source,
    years: seriesYears,
    totals: {
      exportsUsd: known.exports ? sum(exportsAll) : null,
      importsUsd: known.imports ? sum(importsAll) : null,
      exportProducts: known.exports ? exportsAll.length : null,
      importProducts: known.imports ? importsAll.length : null,
    },
    rows: shown.map((r) => ({ ...r, nameEn: names.get(r.product)!.en, nameRu: names.get(r.product)!.ru })),
    groups: groupRows.map((g) => ({
      ...g,
      nameEn:
        g.level !== 'section' ? names.get(g.code)!.en : g.code === noSection ? 'No HS section' : `HS section ${g.code}`,
      nameRu:
        g.level !== 'section'
          ? names.get(g.code)!.ru
          : g.code === noSection
            ? 'Вне разделов ТН ВЭД'
            : `Раздел ${g.code} ТН ВЭД`,
    })),
  };
}

/** One line of the basket as a tree: a group's total or a product, with its depth (0 = HS section). */
export interface BasketLine {
  depth: number;
  kind: BasketGroup['level'] | 'product';
  code: string;
  nameEn: string;
  nameRu: string;
  valueUsd: number;
  /** Products in a group; null on a product line. */
  products: number | null;
  /** The product's row on a product line. */
  row: BasketRow | null;
}

/**
 * The basket of one direction as the tree every renderer shows: HS section, then its chapters, headings and
 * products, each level largest first. Products beyond the result's `limit` are counted in the groups' totals
 * but have no line of their own, and a group without a product shown has none either.
 */
export function basketTree(result: BasketResult, direction: 'exports' | 'imports'): BasketLine[] {
  const groups = result.groups.filter((g) => g.direction === direction);
  const rows = result.rows.filter((r) => r.direction === direction);
  const lines: BasketLine[] = [];
  const groupLine = (g: BasketGroup, depth: number): BasketLine => ({
    depth,
    kind: g.level,
    code: g.code,
    nameEn: g.nameEn,
    nameRu: g.nameRu,
    valueUsd: g.valueUsd,
    products: g.products,
    row: null,
  });
  const productLines = (filter: (r: BasketRow) => boolean, depth: number) =>
    rows.filter(filter).map((r): BasketLine => ({
      depth,
      kind: 'product',
      code: r.product,
      nameEn: r.nameEn,
      nameRu: r.nameRu,
      valueUsd: r.valueUsd,
      products: null,
      row: r,
    }));
  // Only the groups that hold a product shown (the result's limit); their totals still count every product.
  const shown = (g: BasketGroup) =>
    rows.some((r) => (g.level === 'section' ? r.section : g.level === 'chapter' ? r.chapter : r.heading) === g.code);
  for (const section of groups.filter((g) => g.level === 'section' && shown(g))) {
    lines.push(groupLine(section, 0));
    for (const chapter of groups.filter((g) => g.level === 'chapter' && g.parent === section.code && shown(g))) {
      lines.push(groupLine(chapter, 1));
      const headings = groups.filter((g) => g.level === 'heading' && g.parent === chapter.code && shown(g));
      // Products at HS4 have no heading level between the chapter and the product.
      if (headings.length === 0) lines.push(...productLines((r) => r.chapter === chapter.code, 2));
      for (const heading of headings) {
        lines.push(groupLine(heading, 2));
        lines.push(...productLines((r) => r.heading === heading.code, 3));
      }
    }
  }
  return lines;
}
