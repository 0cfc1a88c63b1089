/** The dashboard's chart data, shaped in Node: year axes, series without data, the basket tree. */
import { describe, expect, it } from 'vitest';
import {
  basketTreeData,
  hsSectionOf,
  hsTree,
  localiseAxes,
  sectionColour,
  seriesWithData,
  tornadoBars,
  yearAxis,
  yearPoints,
  type BasketGroupInput,
  type BasketRowInput,
  type TreeNode,
} from '../../web/src/chart-data.ts';

describe('yearAxis', () => {
  it('is a value axis over the years, so a missing year (2019-2020) keeps its place', () => {
    const axis = yearAxis([2017, 2018, 2021, 2022]);
    expect(axis).toMatchObject({ type: 'value', min: 2017, max: 2022, interval: 1 });
    const label = (axis['axisLabel'] as { formatter: (v: number) => string }).formatter;
    expect(label(2019)).toBe('2019');
    // No half-year ticks printed as "2019.5".
    expect(label(2019.5)).toBe('');
  });

  it('widens a single year and leaves long spans to whole-year steps', () => {
    expect(yearAxis([2021])).toMatchObject({ min: 2020, max: 2022 });
    const long = yearAxis([1995, 2021]);
    expect(long).toMatchObject({ min: 1995, max: 2021, minInterval: 1 });
    expect(long).not.toHaveProperty('interval');
  });
});

describe('seriesWithData and yearPoints', () => {
  it('leaves out a series with no value, so its legend entry is not shown', () => {
    const series = [
      {
        name: 'exports',
        data: yearPoints(
          [{ y: 2020, v: 5 }],
          (r) => r.y,
          (r) => r.v,
        ),
      },
      {
        name: 'imports',
        data: yearPoints(
          [{ y: 2020, v: null }],
          (r) => r.y,
          (r) => r.v,
        ),
      },
      { name: 'bars', data: [null, Number.NaN, { value: 3 }] },
      { name: 'empty', data: [] },
    ];
    expect(seriesWithData(series).map((s) => s.name)).toEqual(['exports', 'bars']);
  });

  it('sorts points by year and drops years without a value', () => {
    const rows = [
      { y: 2021, v: 3 },
      { y: 2017, v: 1 },
      { y: 2019, v: null },
    ];
    expect(
      yearPoints(
        rows,
        (r) => r.y,
        (r) => r.v,
      ),
    ).toEqual([
      [2017, 1],
      [2021, 3],
    ]);
  });
});

describe('basketTreeData', () => {
  const group = (
    level: BasketGroupInput['level'],
    code: string,
    parent: string | null,
    valueUsd: number,
    direction: BasketGroupInput['direction'] = 'exports',
  ): BasketGroupInput => ({
    direction,
    level,
    code,
    parent,
    nameEn: `en ${code}`,
    nameRu: `ru ${code}`,
    valueUsd,
    products: 1,
  });
  const row = (product: string, section: string, valueUsd: number, heading: string | null = product.slice(0, 4)) =>
    ({
      direction: 'exports',
      product,
      nameEn: `en ${product}`,
      nameRu: `ru ${product}`,
      section,
      chapter: product.slice(0, 2),
      heading,
      valueUsd,
    }) satisfies BasketRowInput;
  const groups = [
    group('section', 'XVI', null, 100),
    group('chapter', '84', 'XVI', 100),
    group('heading', '8433', '84', 70),
    group('heading', '8429', '84', 30),
    group('section', 'I', null, 150),
    group('chapter', '04', 'I', 150),
    group('heading', '0405', '04', 150),
    group('section', 'XVII', null, 999, 'imports'),
  ];
  const rows = [row('843351', 'XVI', 60), row('842952', 'XVI', 30), row('040510', 'I', 150)];

  it('nests section > chapter > heading > product, largest first, each coloured by its section', () => {
    const tree = basketTreeData(groups, rows, 'exports', 'ru', 'прочие');
    expect(tree.map((n) => n.code)).toEqual(['I', 'XVI']);
    const xvi = tree[1]!;
    expect(xvi.name).toBe('XVI ru XVI');
    expect(xvi.children!.map((c) => c.code)).toEqual(['84']);
    const headings = xvi.children![0]!.children!;
    expect(headings.map((c) => c.code)).toEqual(['8433', '8429']);
    const all = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
    for (const node of all(xvi.children!)) expect(node.itemStyle.color).toBe(sectionColour('XVI'));
    expect(sectionColour('XVI')).not.toBe(sectionColour('I'));
    // The imports' section is not in the exports' tree.
    expect(all(tree).some((n) => n.code === 'XVII')).toBe(false);
  });

  it('adds an "other products" leaf for the part of a group the result does not list, so areas add up', () => {
    const heading = basketTreeData(groups, rows, 'exports', 'en', 'other products')[1]!.children![0]!.children![0]!;
    expect(heading.children!.map((c) => [c.code, c.value])).toEqual([
      ['843351', 60],
      ['8433-other', 10],
    ]);
    expect(heading.children![1]!.name).toBe('other products');
    // A heading fully listed has no such leaf.
    const full = basketTreeData(groups, rows, 'exports', 'en', 'other')[1]!.children![0]!.children![1]!;
    expect(full.children!.map((c) => c.code)).toEqual(['842952']);
  });

  it('at HS4 a product that is its own heading is a leaf, not its own child', () => {
    const hs4 = [row('0405', 'I', 150, '0405')];
    const heading = basketTreeData(groups, hs4, 'exports', 'en', 'other')[0]!.children![0]!.children![0]!;
    expect(heading.code).toBe('0405');
    expect(heading.children).toBeUndefined();
  });

  it('is empty for a direction without groups', () => {
    expect(basketTreeData(groups, rows, 'imports', 'en', 'other').map((n) => n.code)).toEqual(['XVII']);
    expect(basketTreeData([], [], 'exports', 'en', 'other')).toEqual([]);
  });
});

describe('tornadoBars', () => {
  it("takes each parameter's extreme factors, widest swing first, and skips what was not computed", () => {
    const rows = [
      { parameter: 'speedKmh', factor: 0.9, changeShare: 0.1 },
      { parameter: 'speedKmh', factor: 0.8, changeShare: 0.24 },
      { parameter: 'speedKmh', factor: 1.2, changeShare: -0.17 },
      { parameter: 'fuelPrice', factor: 0.8, changeShare: -0.05 },
      { parameter: 'fuelPrice', factor: 1.2, changeShare: 0.05 },
      { parameter: 'labour', factor: 0.8, changeShare: null },
      { parameter: 'labour', factor: 1.2, changeShare: 0.3 },
    ];
    expect(tornadoBars(rows)).toEqual([
      { parameter: 'speedKmh', low: { factor: 0.8, change: 0.24 }, high: { factor: 1.2, change: -0.17 } },
      { parameter: 'fuelPrice', low: { factor: 0.8, change: -0.05 }, high: { factor: 1.2, change: 0.05 } },
    ]);
    expect(tornadoBars([])).toEqual([]);
  });
});

describe('hsSectionOf and hsTree', () => {
  it('knows the section of every chapter', () => {
    expect(
      ['010121', '0405', '1001', '1507', '2709', '3004', '4011', '8433', '870190', '9701'].map(hsSectionOf),
    ).toEqual(['I', 'I', 'II', 'III', 'V', 'VI', 'VII', 'XVI', 'XVII', 'XXI']);
    expect(hsSectionOf('9999')).toBeNull();
    expect(hsSectionOf('x1')).toBeNull();
  });

  it('groups products by section and chapter, sums them, colours groups by section and keeps a leaf colour', () => {
    const tree = hsTree(
      [
        { code: '843351', name: 'combines', value: 50, color: '#000000' },
        { code: '842952', name: 'graders', value: 20 },
        { code: '870190', name: 'tractors', value: 40 },
        { code: '040510', name: 'butter', value: 0 },
      ],
      (s) => `section ${s}`,
      (c) => `chapter ${c}`,
    );
    expect(tree.map((n) => [n.code, n.value])).toEqual([
      ['XVI', 70],
      ['XVII', 40],
    ]);
    const xvi = tree[0]!;
    expect(xvi.name).toBe('section XVI');
    expect(xvi.itemStyle.color).toBe(sectionColour('XVI'));
    expect(xvi.children!.map((c) => c.name)).toEqual(['chapter 84']);
    expect(xvi.children![0]!.children!.map((c) => [c.code, c.itemStyle.color])).toEqual([
      ['843351', '#000000'],
      ['842952', sectionColour('XVI')],
    ]);
  });
});

describe('localiseAxes', () => {
  it('gives numeric axes without a formatter the language format, hides overlapping labels, keeps the rest', () => {
    const mine = (v: number) => `#${v}`;
    const format = (v: number) => String(v).replace('.', ',');
    const option = {
      xAxis: { type: 'value' },
      yAxis: [{ type: 'category', data: ['a'] }, { axisLabel: { formatter: mine } }, { type: 'log' }],
      series: [],
    };
    const out = localiseAxes(option, format);
    const x = out.xAxis as unknown as { axisLabel: { formatter: (v: number) => string; hideOverlap: boolean } };
    expect(x.axisLabel.formatter(0.5)).toBe('0,5');
    expect(x.axisLabel.hideOverlap).toBe(true);
    const [category, own, log] = out.yAxis as unknown as Array<{ axisLabel: Record<string, unknown>; data?: string[] }>;
    expect(category!.axisLabel).toEqual({ hideOverlap: true });
    expect(category!.data).toEqual(['a']);
    // A y axis is a value axis by default; its own formatter stays.
    expect(own!.axisLabel['formatter']).toBe(mine);
    expect(log!.axisLabel['formatter']).toBe(format);
    // The given option is unchanged, and an option without axes (a treemap) passes through.
    expect(option.xAxis).toEqual({ type: 'value' });
    expect(localiseAxes({ series: [] }, format)).toEqual({ series: [] });
  });
});
