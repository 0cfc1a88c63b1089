/**
 * The World Bank WITS trade download reader: fixtures written in the download's layout (quoted
 * strings, CRLF line ends, the world partner as WLD with the name " World"), read back against
 * figures computed here from the fixture text; and bad input refused with the line, column and
 * value, leaving the store as it was.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src/messages/index.ts';
import type { TradeStore } from '../../../src/data/index.ts';
import { KaravanError } from '../../../src/errors.ts';
import { openTempStore, tempDir, writeTemp } from '../../support/store.ts';

const witsColumns = [
  'Nomenclature',
  'ReporterISO3',
  'ProductCode',
  'ReporterName',
  'PartnerISO3',
  'PartnerName',
  'Year',
  'TradeFlowName',
  'TradeFlowCode',
  'TradeValue in 1000 USD',
];
const names: Record<string, string> = { KAZ: 'Kazakhstan', BLR: 'Belarus', RUS: 'Russian Federation', WLD: ' World' };

interface WitsRow {
  nomenclature?: string;
  reporter: string;
  product: string;
  partner: string;
  year: number | string;
  flow: string;
  flowCode?: number;
  valueThousandUsd: string;
  region?: string;
  incomeGroup?: string;
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** One data line as the download writes it: strings quoted, numbers bare. */
function witsLine(row: WitsRow, withRegion = false): string {
  const cells = [
    quoted(row.nomenclature ?? 'H5'),
    quoted(row.reporter),
    quoted(row.product),
    quoted(names[row.reporter] ?? row.reporter),
    quoted(row.partner),
    quoted(names[row.partner] ?? row.partner),
    String(row.year),
    quoted(row.flow),
    String(row.flowCode ?? (/imp/i.test(row.flow) ? 5 : 6)),
    row.valueThousandUsd,
  ];
  if (withRegion) cells.push(quoted(row.region ?? ''), quoted(row.incomeGroup ?? ''));
  return cells.join(',');
}

function witsFile(rows: WitsRow[], options: { withRegion?: boolean; columns?: string[] } = {}): string {
  const columns = options.columns ?? [
    ...witsColumns,
    ...(options.withRegion ? ['PartnerRegion', 'PartnerIncomeGroup'] : []),
  ];
  return [columns.map(quoted).join(','), ...rows.map((r) => witsLine(r, options.withRegion))].join('\r\n') + '\r\n';
}

/** The fields of one line of a fixture (quoted fields hold no commas or quotes here). */
const fields = (line: string) => line.split(',').map((f) => f.replace(/^"|"$/g, ''));

/** The "TradeValue in 1000 USD" cell of each data line of a fixture, parsed from its text, in USD. */
function valuesUsdFromText(text: string): number[] {
  const [header, ...lines] = text.split('\r\n').filter((line) => line !== '');
  const valueIndex = fields(header!).findIndex((name) => name.toLowerCase() === 'tradevalue in 1000 usd');
  expect(valueIndex).toBeGreaterThanOrEqual(0);
  return lines.map((line) => Number(fields(line)[valueIndex]) * 1000);
}

// Kazakhstan's imports from the World, HS 2017 (H5) six-digit codes, 2018-2023: combine harvesters
// and tractors (870193, HS 2017) growing, wheat seed shrinking.
const kazYears = [2018, 2019, 2020, 2021, 2022, 2023];
const kazImports: Record<string, string[]> = {
  '843351': ['61234.5', '70000.25', '80500', '91000.75', '120300.5', '150250'],
  '870193': ['300000', '310500.5', '290000', '350250.25', '410000', '455000.75'],
  '100199': ['5000.5', '4800', '4500.25', '4300', '4000', '3900.5'],
};
const kazRows: WitsRow[] = kazYears.flatMap((year, y) =>
  Object.entries(kazImports).map(([product, values]) => ({
    reporter: 'KAZ',
    product,
    partner: 'WLD',
    year,
    flow: 'Gross Imp.',
    valueThousandUsd: values[y]!,
  })),
);

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

describe('WITS reader', () => {
  let store: TradeStore;
  let cleanup: () => void;
  const dir = tempDir();
  beforeAll(async () => ({ store, cleanup } = await openTempStore(false)));
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  it("reads an importer's HS6 imports from the World over six years: WLD kept, thousands to USD, HS17 from H5", async () => {
    const text = witsFile(kazRows);
    expect(text).toContain('"WLD"," World"');
    const result = await store.ingest(writeTemp(dir.path, 'WITS-KAZ-imports-world.csv', text));
    expect(result.dataset.format).toBe('wits');
    expect(result.dataset.source).toBe('wits');
    expect(result.dataset.hsRevision).toBe('HS17');
    expect(result.dataset.rows).toBe(kazRows.length);
    expect(result.dataset.years).toEqual(kazYears);
    expect(result.dataset.valueUsdTotal).toBeCloseTo(
      valuesUsdFromText(text).reduce((a, b) => a + b, 0),
      3,
    );
    const flows = await store.query<{
      year: number;
      exporter: string;
      importer: string;
      product: string;
      value_usd: number;
      qty_tonnes: number | null;
      reporter: string;
      hs_revision: string;
    }>(
      `SELECT year, exporter, importer, product, value_usd, qty_tonnes, reporter, hs_revision FROM flows WHERE source = 'wits' ORDER BY year, product`,
    );
    const expected = kazRows
      .map((r) => ({
        year: r.year as number,
        exporter: 'WLD',
        importer: 'KAZ',
        product: r.product,
        value_usd: Number(r.valueThousandUsd) * 1000,
        qty_tonnes: null,
        reporter: 'KAZ',
        hs_revision: 'HS17',
      }))
      .sort((a, b) => a.year - b.year || a.product.localeCompare(b.product));
    expect(flows).toEqual(expected);
  });

  it('reads imports and exports by partner at HS4 (H4), the region columns, a lower-case header; re-exports skipped', async () => {
    const rows: WitsRow[] = [
      {
        nomenclature: 'H4',
        reporter: 'BLR',
        product: '8433',
        partner: 'KAZ',
        year: 2016,
        flow: 'Export',
        valueThousandUsd: '45210.3',
        region: 'Europe & Central Asia',
        incomeGroup: 'Upper middle income',
      },
      {
        nomenclature: 'H4',
        reporter: 'BLR',
        product: '8701',
        partner: 'RUS',
        year: 2016,
        flow: 'Gross Exp.',
        valueThousandUsd: '880000.125',
        region: 'Europe & Central Asia',
        incomeGroup: 'Upper middle income',
      },
      {
        nomenclature: 'H4',
        reporter: 'BLR',
        product: '2710',
        partner: 'RUS',
        year: 2016,
        flow: 'Import',
        valueThousandUsd: '1500000',
        region: 'Europe & Central Asia',
        incomeGroup: 'Upper middle income',
      },
      // A re-export: part of gross exports, skipped as Comtrade's RX rows are.
      {
        nomenclature: 'H4',
        reporter: 'BLR',
        product: '8433',
        partner: 'RUS',
        year: 2016,
        flow: 'Re-Export',
        valueThousandUsd: '12',
        region: 'Europe & Central Asia',
        incomeGroup: 'Upper middle income',
      },
    ];
    const columns = [...witsColumns, 'PartnerRegion', 'PartnerIncomeGroup'].map((c) => c.toLowerCase());
    const text = witsFile(rows, { withRegion: true, columns });
    const result = await store.ingest(writeTemp(dir.path, 'wits-blr-hs4.csv', text));
    expect(result.dataset.format).toBe('wits');
    expect(result.dataset.hsRevision).toBe('HS12');
    expect(result.dataset.rows).toBe(3);
    expect(result.dataset.productLevels).toEqual([4]);
    expect(result.notes.join('\n')).toContain('1 rows skipped');
    const flows = await store.query<{
      exporter: string;
      importer: string;
      product: string;
      value_usd: number;
      reporter: string;
    }>(
      `SELECT exporter, importer, product, value_usd, reporter FROM flows WHERE source = 'wits' AND year = 2016 ORDER BY product`,
    );
    const values = valuesUsdFromText(text);
    expect(flows).toEqual([
      // Imports reported by BLR from RUS: RUS -> BLR.
      { exporter: 'RUS', importer: 'BLR', product: '2710', value_usd: values[2], reporter: 'BLR' },
      // Exports reported by BLR: BLR -> partner.
      { exporter: 'BLR', importer: 'KAZ', product: '8433', value_usd: values[0], reporter: 'BLR' },
      { exporter: 'BLR', importer: 'RUS', product: '8701', value_usd: values[1], reporter: 'BLR' },
    ]);
  });

  it('reads HS2 chapters with --format wits, restoring a leading zero the file dropped (1 -> 01)', async () => {
    const rows: WitsRow[] = [
      {
        nomenclature: 'H6',
        reporter: 'KAZ',
        product: '1',
        partner: 'WLD',
        year: 2022,
        flow: 'Gross Imp.',
        valueThousandUsd: '250.5',
      },
      {
        nomenclature: 'H6',
        reporter: 'KAZ',
        product: '84',
        partner: 'WLD',
        year: 2022,
        flow: 'Gross Imp.',
        valueThousandUsd: '9000000',
      },
    ];
    const text = witsFile(rows);
    const result = await store.ingest(writeTemp(dir.path, 'wits-kaz-hs2.csv', text), { format: 'wits' });
    expect(result.dataset.format).toBe('wits');
    expect(result.dataset.hsRevision).toBe('HS22');
    expect(result.dataset.productLevels).toEqual([2]);
    const flows = await store.query<{ product: string; value_usd: number }>(
      `SELECT product, value_usd FROM flows WHERE source = 'wits' AND year = 2022 AND hs_revision = 'HS22' ORDER BY product`,
    );
    const values = valuesUsdFromText(text);
    expect(flows).toEqual([
      { product: '01', value_usd: values[0] },
      { product: '84', value_usd: values[1] },
    ]);
  });

  it("gives the importer's needs by product from its imports from the World, with growth over the years the file holds", async () => {
    const { importerNeeds } = await import('../../../src/analysis/index.ts');
    const needs = await importerNeeds(store, { exporter: 'BLR', importer: 'KAZ', level: 6, spanYears: 5 });
    expect(needs.status).toBe('computed');
    expect(needs.year).toBe(2023);
    expect(needs.source).toBe('wits');
    const last = kazYears.length - 1;
    const byProduct = new Map(needs.rows.map((r) => [r.product, r]));
    expect([...byProduct.keys()].sort()).toEqual(Object.keys(kazImports).sort());
    for (const [product, values] of Object.entries(kazImports)) {
      const row = byProduct.get(product)!;
      const end = Number(values[last]) * 1000;
      const start = Number(values[0]) * 1000;
      expect(row.importsUsd).toBeCloseTo(end, 6);
      expect(row.growth!).toBeCloseTo((end / start) ** (1 / 5) - 1, 12);
      // A world total names no supplier: no concentration, no supplier list, no exporter share.
      expect(row.suppliers).toBeNull();
      expect(row.hhi).toBeNull();
      expect(row.topSuppliers).toEqual([]);
    }
    expect(needs.totalImportsUsd).toBeCloseTo(
      Object.values(kazImports).reduce((sum, values) => sum + Number(values[last]) * 1000, 0),
      6,
    );
    expect(formatMessage(needs.basis, 'en')).toContain('imports from the World');
    // The coverage section says so too: needs computed from the world totals, rivals (suppliers) not.
    const { dataCoverage } = await import('../../../src/analysis/index.ts');
    const coverage = await dataCoverage(store, 'BLR', 'KAZ');
    const needsCoverage = coverage.sections.find((s) => s.section === 'needs')!;
    expect(needsCoverage.status).toBe('computed');
    expect(formatMessage(needsCoverage.basis, 'en')).toBe(
      "Kazakhstan's imports from the World as it reports them (wits), 2018-2023; no supplier named",
    );
    expect(coverage.sections.find((s) => s.section === 'rivals')!.status).toBe('missing');
    // Growth over a span inside the file (2020 -> 2023).
    const three = await importerNeeds(store, { exporter: 'BLR', importer: 'KAZ', level: 6, spanYears: 3 });
    const combines = three.rows.find((r) => r.product === '843351')!;
    expect(combines.growth!).toBeCloseTo(
      (Number(kazImports['843351']![5]) / Number(kazImports['843351']![2])) ** (1 / 3) - 1,
      12,
    );
  });

  it("a year whose rows name suppliers counts by them (the WLD row left out), with HHI and the exporter's share", async () => {
    const rows: WitsRow[] = [
      { reporter: 'RUS', product: '843351', partner: 'BLR', year: 2021, flow: 'Import', valueThousandUsd: '30000' },
      { reporter: 'RUS', product: '843351', partner: 'KAZ', year: 2021, flow: 'Import', valueThousandUsd: '10000' },
      { reporter: 'RUS', product: '843351', partner: 'WLD', year: 2021, flow: 'Import', valueThousandUsd: '45000' },
    ];
    const text = witsFile(rows);
    await store.ingest(writeTemp(dir.path, 'wits-rus-imports.csv', text));
    const { importerNeeds } = await import('../../../src/analysis/index.ts');
    const needs = await importerNeeds(store, { exporter: 'BLR', importer: 'RUS', year: 2021, level: 6 });
    expect(needs.status).toBe('computed');
    const [fromBlr, fromKaz] = valuesUsdFromText(text) as [number, number];
    const total = fromBlr + fromKaz;
    expect(needs.rows).toHaveLength(1);
    expect(needs.rows[0]).toMatchObject({ product: '843351', importsUsd: total, suppliers: 2, exporterUsd: fromBlr });
    expect(needs.rows[0]!.hhi).toBeCloseTo((fromBlr / total) ** 2 + (fromKaz / total) ** 2, 12);
    expect(needs.rows[0]!.exporterShare).toBeCloseTo(fromBlr / total, 12);
    expect(formatMessage(needs.basis, 'en')).toContain("Russia's imports from all suppliers");
  });
});

describe('WITS bad input', () => {
  let store: TradeStore;
  let home: string;
  let cleanup: () => void;
  const dir = tempDir();
  let before: { manifest: string; files: string[] };
  const good: WitsRow = {
    reporter: 'KAZ',
    product: '843351',
    partner: 'WLD',
    year: 2021,
    flow: 'Gross Imp.',
    valueThousandUsd: '100',
  };

  beforeAll(async () => {
    ({ store, home, cleanup } = await openTempStore(false));
    await store.ingest(writeTemp(dir.path, 'wits-ok.csv', witsFile([good])));
    before = {
      manifest: readFileSync(join(home, 'manifest.json'), 'utf8'),
      files: listFiles(home).filter((f) => !f.endsWith('write.lock')),
    };
  });
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  async function expectRejected(
    name: string,
    text: string,
    expected: Partial<KaravanError> & { code: string },
    options = {},
  ): Promise<KaravanError> {
    const error = await store.ingest(writeTemp(dir.path, name, text), options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'ingest should have failed').toBeInstanceOf(KaravanError);
    expect(error).toMatchObject(expected);
    expect(readFileSync(join(home, 'manifest.json'), 'utf8')).toBe(before.manifest);
    expect(listFiles(home).filter((f) => !f.endsWith('write.lock'))).toEqual(before.files);
    return error as KaravanError;
  }

  const second = (row: Partial<WitsRow>) =>
    witsFile([
      { ...good, product: '870190' },
      { ...good, ...row },
    ]);

  it('a WITS product group is refused, saying to download HS-level data', async () => {
    const error = await expectRejected('group.csv', second({ product: '25-26_Minerals' }), {
      code: 'KRV_INGEST_BAD_PRODUCT',
      line: 3,
      column: 'ProductCode',
      value: '25-26_Minerals',
    });
    expect(error.message).toContain('is a WITS product group, not an HS code');
    expect(error.hint).toContain('by HS product');
  });

  it('the Total product is refused as a group', async () => {
    const error = await expectRejected('total.csv', second({ product: 'Total' }), {
      code: 'KRV_INGEST_BAD_PRODUCT',
      line: 3,
      column: 'ProductCode',
      value: 'Total',
    });
    expect(error.message).toContain('WITS product group');
  });

  it('an unknown partner code', async () => {
    const error = await expectRejected('partner.csv', second({ partner: 'XXZ' }), {
      code: 'KRV_INGEST_UNKNOWN_COUNTRY',
      line: 3,
      column: 'PartnerISO3',
      value: 'XXZ',
    });
    expect(error.message).toContain('"XXZ" is not in the country list');
  });

  it('an unknown reporter code', async () => {
    await expectRejected('reporter.csv', second({ reporter: 'QQQ', flow: 'Export' }), {
      code: 'KRV_INGEST_UNKNOWN_COUNTRY',
      line: 3,
      column: 'ReporterISO3',
      value: 'QQQ',
    });
  });

  it('a value that is not a number', async () => {
    await expectRejected('value.csv', second({ valueThousandUsd: '12a' }), {
      code: 'KRV_INGEST_BAD_VALUE',
      line: 3,
      column: 'TradeValue in 1000 USD',
      value: '12a',
    });
  });

  it('a negative value', async () => {
    await expectRejected('negative.csv', second({ valueThousandUsd: '-5' }), {
      code: 'KRV_INGEST_BAD_VALUE',
      line: 3,
      column: 'TradeValue in 1000 USD',
      value: '-5',
    });
  });

  it('a missing column', async () => {
    const columns = witsColumns.filter((c) => c !== 'TradeFlowName');
    const text =
      [columns.map(quoted).join(','), '"H5","KAZ","843351","Kazakhstan","WLD"," World",2021,5,100'].join('\r\n') +
      '\r\n';
    const error = await expectRejected('missing.csv', text, {
      code: 'KRV_INGEST_BAD_HEADER',
      line: 1,
      column: 'TradeFlowName',
    });
    expect(error.message).toContain('needs a column "TradeFlowName"');
  });

  it('an unknown TradeFlowName', async () => {
    const error = await expectRejected('flow.csv', second({ flow: 'Transit' }), {
      code: 'KRV_INGEST_BAD_VALUE',
      line: 3,
      column: 'TradeFlowName',
      value: 'Transit',
    });
    expect(error.message).toContain('trade flow "Transit"');
  });

  it('a nomenclature that is not an HS edition', async () => {
    await expectRejected('sitc.csv', second({ nomenclature: 'S3', product: '0011' }), {
      code: 'KRV_INGEST_UNKNOWN_FORMAT',
      line: 3,
      column: 'Nomenclature',
      value: 'S3',
    });
  });

  it('a product code of seven digits', async () => {
    await expectRejected('seven.csv', second({ product: '8433510' }), {
      code: 'KRV_INGEST_BAD_PRODUCT',
      line: 3,
      column: 'ProductCode',
      value: '8433510',
    });
  });

  it('a repeated key', async () => {
    await expectRejected('repeat.csv', witsFile([good, { ...good, product: '870190' }, good]), {
      code: 'KRV_INGEST_DUPLICATE_ROW',
      line: 4,
    });
  });
});
