/**
 * Chart data shaped without the DOM or ECharts, so it is unit-tested in Node: year axes as values,
 * series without data left out (and so out of the legend), and the trade basket as a tree of HS
 * section > chapter > heading > product with a colour per section.
 */

/** One point of a yearly series: a year the store lacks is absent, not zero. */
export type YearPoint = [year: number, value: number | null];

/**
 * An x axis of years as values: a year missing between two others leaves a gap (a category axis
 * closes it up, so 2018, 2021 would read as consecutive years). Ticks fall on whole years only.
 */
export function yearAxis(years: readonly number[]): Record<string, unknown> {
  const finite = years.filter((y) => Number.isFinite(y));
  const min = finite.length > 0 ? Math.min(...finite) : 0;
  const max = finite.length > 0 ? Math.max(...finite) : 0;
  const span = max - min;
  return {
    type: 'value',
    // A single year still gets an axis around it, not a zero-width one.
    min: span === 0 ? min - 1 : min,
    max: span === 0 ? max + 1 : max,
    // One tick a year up to twelve years, then ECharts picks whole-year steps.
    ...(span <= 12 ? { interval: 1 } : { minInterval: 1 }),
    axisLabel: { formatter: (year: number) => (Number.isInteger(year) ? String(year) : '') },
    splitLine: { show: false },
  };
}

/** A series point holds data when it is a finite number, or a [x, y] pair with a finite y. */
function hasValue(point: unknown): boolean {
  if (typeof point === 'number') return Number.isFinite(point);
  if (Array.isArray(point)) return typeof point[1] === 'number' && Number.isFinite(point[1]);
  if (point !== null && typeof point === 'object' && 'value' in point) return hasValue(point.value);
  return false;
}

/** The series with at least one value: a legend entry for a series with nothing to draw misleads. */
export function seriesWithData<S extends { data: readonly unknown[] }>(series: readonly S[]): S[] {
  return series.filter((s) => s.data.some(hasValue));
}

/** Yearly points of a series from rows, sorted by year; rows without a year's value are left out. */
export function yearPoints<R>(rows: readonly R[], year: (r: R) => number, value: (r: R) => number | null): YearPoint[] {
  return rows
    .map((r): YearPoint => [year(r), value(r)])
    .filter((p) => p[1] !== null && Number.isFinite(p[1]))
    .sort((a, b) => a[0] - b[0]);
}

/**
 * A colour per HS section (I-XXI, in the order of the nomenclature), set apart enough to tell
 * neighbours in a treemap; '—' (chapters 98-99, special) is grey.
 */
export const sectionColours: Record<string, string> = {
  I: '#c0504d',
  II: '#9bbb59',
  III: '#d9b300',
  IV: '#f79646',
  V: '#7f6000',
  VI: '#8064a2',
  VII: '#4bacc6',
  VIII: '#a5714e',
  IX: '#6a8e23',
  X: '#c9a36b',
  XI: '#e46ca0',
  XII: '#b65f9c',
  XIII: '#948a54',
  XIV: '#d4af37',
  XV: '#5f7f99',
  XVI: '#2f6f9f',
  XVII: '#1f9e89',
  XVIII: '#3a5fcd',
  XIX: '#7a1f1f',
  XX: '#e07b39',
  XXI: '#8e44ad',
};

export function sectionColour(section: string | null | undefined): string {
  return (section && sectionColours[section]) || '#8a96a3';
}

export interface BasketGroupInput {
  direction: 'exports' | 'imports';
  level: 'section' | 'chapter' | 'heading';
  code: string;
  parent: string | null;
  nameEn: string;
  nameRu: string;
  valueUsd: number;
  products: number;
}

export interface BasketRowInput {
  direction: 'exports' | 'imports';
  product: string;
  nameEn: string;
  nameRu: string;
  section: string;
  chapter: string;
  heading: string | null;
  valueUsd: number;
}

export interface TreeNode {
  /** The label: code and name. */
  name: string;
  code: string;
  level: 'section' | 'chapter' | 'heading' | 'product' | 'other';
  value: number;
  section: string;
  itemStyle: { color: string };
  children?: TreeNode[];
}

/**
 * The basket of one direction as a treemap tree. Group totals count every product of the group, but
 * the result carries only the largest products (its limit): the rest of a group's value becomes one
 * "other products" leaf, so each rectangle's area is the group's true total and the children add up.
 */
export function basketTreeData(
  groups: readonly BasketGroupInput[],
  rows: readonly BasketRowInput[],
  direction: 'exports' | 'imports',
  lang: 'ru' | 'en',
  otherLabel: string,
): TreeNode[] {
  const name = (x: { nameEn: string; nameRu: string }) => (lang === 'ru' ? x.nameRu || x.nameEn : x.nameEn);
  const mine = groups.filter((g) => g.direction === direction);
  const products = rows.filter((r) => r.direction === direction && r.valueUsd > 0);
  const node = (g: BasketGroupInput, section: string): TreeNode => ({
    name: `${g.code} ${name(g)}`,
    code: g.code,
    level: g.level,
    value: g.valueUsd,
    section,
    itemStyle: { color: sectionColour(section) },
  });
  const withRest = (parent: TreeNode, children: TreeNode[]): TreeNode => {
    const shown = children.reduce((sum, c) => sum + c.value, 0);
    const rest = parent.value - shown;
    // A rest under a thousandth of the group is rounding, not products left out.
    if (children.length > 0 && rest > parent.value * 1e-3)
      children.push({
        name: otherLabel,
        code: `${parent.code}-other`,
        level: 'other',
        value: rest,
        section: parent.section,
        itemStyle: { color: sectionColour(parent.section) },
      });
    return children.length > 0 ? { ...parent, children } : parent;
  };
  const productNode = (r: BasketRowInput): TreeNode => ({
    name: `${r.product} ${name(r)}`,
    code: r.product,
    level: 'product',
    value: r.valueUsd,
    section: r.section,
    itemStyle: { color: sectionColour(r.section) },
  });
  const byValue = (a: { value: number }, b: { value: number }) => b.value - a.value;
  return mine
    .filter((g) => g.level === 'section' && g.valueUsd > 0)
    .map((s) => {
      const section = s.code;
      const chapters = mine
        .filter((g) => g.level === 'chapter' && g.parent === section && g.valueUsd > 0)
        .map((c) => {
          const headings = mine
            .filter((g) => g.level === 'heading' && g.parent === c.code && g.valueUsd > 0)
            .map((hd) =>
              withRest(
                node(hd, section),
                products
                  .filter((r) => r.heading === hd.code && r.product !== hd.code)
                  .map(productNode)
                  .sort(byValue),
              ),
            );
          // Products without a heading hang from the chapter; an HS2 product is the chapter itself (a leaf).
          const direct = products
            .filter((r) => r.chapter === c.code && r.heading === null && r.product !== c.code)
            .map(productNode);
          return withRest(node(c, section), [...headings, ...direct].sort(byValue));
        })
        .sort(byValue);
      return withRest(node(s, section), chapters);
    })
    .sort(byValue);
}

export interface SensitivityRow {
  parameter: string;
  factor: number;
  changeShare: number | null;
}

export interface TornadoBar {
  parameter: string;
  low: { factor: number; change: number };
  high: { factor: number; change: number };
}

/**
 * A tornado chart's bars from a sensitivity table: per parameter, the change of the cost at its
 * lowest and at its highest factor (x0.8 and x1.2), widest swing first. Rows skipped by the model
 * (no change computed) are left out, and so is a parameter with fewer than two computed factors.
 */
export function tornadoBars(rows: readonly SensitivityRow[]): TornadoBar[] {
  const byParameter = new Map<string, SensitivityRow[]>();
  for (const row of rows) {
    if (row.changeShare === null || !Number.isFinite(row.changeShare)) continue;
    const list = byParameter.get(row.parameter) ?? [];
    list.push(row);
    byParameter.set(row.parameter, list);
  }
  const bars: TornadoBar[] = [];
  for (const [parameter, list] of byParameter) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.factor - b.factor);
    const low = sorted[0]!;
    const high = sorted[sorted.length - 1]!;
    bars.push({
      parameter,
      low: { factor: low.factor, change: low.changeShare! },
      high: { factor: high.factor, change: high.changeShare! },
    });
  }
  const swing = (b: TornadoBar) => Math.max(Math.abs(b.low.change), Math.abs(b.high.change));
  return bars.sort((a, b) => swing(b) - swing(a));
}

/** The first chapter of each HS section (the Harmonized System's 21 sections, chapters 01-97). */
const sectionStarts: Array<[first: number, section: string]> = [
  [1, 'I'],
  [6, 'II'],
  [15, 'III'],
  [16, 'IV'],
  [25, 'V'],
  [28, 'VI'],
  [39, 'VII'],
  [41, 'VIII'],
  [44, 'IX'],
  [47, 'X'],
  [50, 'XI'],
  [64, 'XII'],
  [68, 'XIII'],
  [71, 'XIV'],
  [72, 'XV'],
  [84, 'XVI'],
  [86, 'XVII'],
  [90, 'XVIII'],
  [93, 'XIX'],
  [94, 'XX'],
  [97, 'XXI'],
];

/** The HS section of a code (its first two digits are the chapter); null for chapters 98-99 and non-codes. */
export function hsSectionOf(code: string): string | null {
  const chapter = Number(code.slice(0, 2));
  if (!/^\d{2}/.test(code) || chapter < 1 || chapter > 97) return null;
  let section = 'I';
  for (const [first, name] of sectionStarts) if (chapter >= first) section = name;
  return section;
}

export interface HsItem {
  code: string;
  /** The label (code and name). */
  name: string;
  value: number;
  /** The leaf's own colour (e.g. a share's shade); the section's colour otherwise. */
  color?: string;
  /** Anything the tooltip needs. */
  extra?: Record<string, unknown>;
}

export interface HsTreeNode {
  name: string;
  code: string;
  value: number;
  section: string;
  itemStyle: { color: string; borderColor?: string };
  extra?: Record<string, unknown>;
  children?: HsTreeNode[];
}

/**
 * Products grouped HS section > chapter > product, for a treemap with drill-down: groups take their
 * section's colour and sum their products; a leaf keeps its own colour when it has one.
 */
export function hsTree(
  items: readonly HsItem[],
  sectionLabel: (section: string) => string,
  chapterLabel: (chapter: string) => string,
): HsTreeNode[] {
  const sections = new Map<string, Map<string, HsItem[]>>();
  for (const item of items) {
    if (!(item.value > 0)) continue;
    const section = hsSectionOf(item.code) ?? '—';
    const chapters = sections.get(section) ?? new Map<string, HsItem[]>();
    const chapter = item.code.slice(0, 2);
    chapters.set(chapter, [...(chapters.get(chapter) ?? []), item]);
    sections.set(section, chapters);
  }
  const sum = (nodes: readonly { value: number }[]) => nodes.reduce((total, n) => total + n.value, 0);
  const byValue = (a: { value: number }, b: { value: number }) => b.value - a.value;
  return [...sections]
    .map(([section, chapters]) => {
      const colour = sectionColour(section);
      const chapterNodes = [...chapters]
        .map(([chapter, list]): HsTreeNode => {
          const leaves = list
            .map((item): HsTreeNode => ({
              name: item.name,
              code: item.code,
              value: item.value,
              section,
              itemStyle: { color: item.color ?? colour },
              ...(item.extra && { extra: item.extra }),
            }))
            .sort(byValue);
          return {
            name: chapterLabel(chapter),
            code: chapter,
            value: sum(leaves),
            section,
            itemStyle: { color: colour, borderColor: colour },
            children: leaves,
          };
        })
        .sort(byValue);
      return {
        name: sectionLabel(section),
        code: section,
        value: sum(chapterNodes),
        section,
        itemStyle: { color: colour, borderColor: colour },
        children: chapterNodes,
      };
    })
    .sort(byValue);
}

type Axis = Record<string, unknown> & { type?: string; axisLabel?: Record<string, unknown> };

/**
 * Axes made readable in the interface's language: a numeric axis without its own formatter gets
 * `format` (ECharts prints "0.5" and "1,000" in English whatever the page's language), and every
 * axis hides labels that would overlap. Returns a new option; the given one is not changed.
 */
export function localiseAxes<O extends Record<string, unknown>>(option: O, format: (value: number) => string): O {
  const fix = (axis: unknown, defaultType: string): unknown => {
    if (axis === null || typeof axis !== 'object') return axis;
    const a = axis as Axis;
    const type = a.type ?? defaultType;
    const label: Record<string, unknown> = { hideOverlap: true, ...(a.axisLabel ?? {}) };
    if ((type === 'value' || type === 'log') && label['formatter'] === undefined) label['formatter'] = format;
    return { ...a, axisLabel: label };
  };
  const each = (axes: unknown, defaultType: string) =>
    Array.isArray(axes) ? axes.map((axis) => fix(axis, defaultType)) : fix(axes, defaultType);
  const out: Record<string, unknown> = { ...option };
  // ECharts' defaults: an x axis is a category axis, a y axis a value axis.
  if ('xAxis' in option) out['xAxis'] = each(option['xAxis'], 'category');
  if ('yAxis' in option) out['yAxis'] = each(option['yAxis'], 'value');
  return out as O;
}
