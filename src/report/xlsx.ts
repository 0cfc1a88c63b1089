/**
 * The pair report as an XLSX workbook: one sheet per section, in the report's language. Each
 * sheet opens with the section title, its status and basis, and what is missing (rows 1-3); the
 * column headers are on row 4, frozen, with units in the header ("Imports, USD", "Share",
 * "USD/t"). Numbers are numbers in USD (not millions), with number or percent formats on the cells.
 * Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is written as
 * rich text with the text format, so it is never a formula, not even after editing the cell.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import type { ReportModel } from '../analysis/index.ts';
import { escapeFormulaCell } from '../machinery/index.ts';
import { formatters, labels, type ReportLang } from './i18n.ts';
import { basketBlocks } from './basket-lines.ts';
import { formatMessage, hasBasis, msg, statusText, type Message } from '../messages/index.ts';

type Labels = (typeof labels)[ReportLang];

/** Cell formats by kind of number. */
const numberFormats = {
  usd: '#,##0',
  share: '0.0%',
  ratio: '0.00',
  int: '#,##0',
  year: '0',
} as const;

type NumberKind = keyof typeof numberFormats;

interface SheetColumn {
  header: string;
  /** Number format of the column's numbers; text columns leave it out. */
  kind?: NumberKind;
}

/**
 * A value to write: text, number (non-finite and null become empty cells), a web link, or a
 * number with its own format (key-value tables whose rows differ in unit).
 */
type Value = string | number | null | undefined | { url: string } | { number: number | null; kind: NumberKind };

interface SectionMetaLike {
  /** The section, for the status word to agree with its name in Russian. */
  section?: string;
  status: string;
  basis: Message;
  missing: Message | null;
}

/** Header row (1-based): rows 1-3 hold the title, status line and missing-data note. */
export const xlsxHeaderRow = 4;

/** True when a spreadsheet would read the text as a formula. */
const isFormulaLike = (text: string) => escapeFormulaCell(text) !== text;

/** Sheet names: at most 31 characters, none of []:*?/\, unique (case-insensitive). */
function sheetName(title: string, used: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** Writes one value into a cell: numbers as numbers, formula-like text as rich text. */
function setCell(sheet: Worksheet, row: number, col: number, value: Value, kind?: NumberKind): void {
  const cell = sheet.getCell(row, col);
  if (value === null || value === undefined) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return;
    cell.value = value;
    if (kind) cell.numFmt = numberFormats[kind];
    return;
  }
  if (typeof value === 'object' && 'number' in value) {
    setCell(sheet, row, col, value.number, value.kind);
    return;
  }
  if (typeof value === 'object') {
    if (/^https?:\/\/\S+$/i.test(value.url)) {
      cell.value = { text: value.url, hyperlink: value.url };
      cell.font = { color: { argb: 'FF1F5FA8' }, underline: true };
    } else setText(cell, value.url);
    return;
  }
  setText(cell, value);
}

function setText(cell: ExcelJS.Cell, text: string): void {
  if (isFormulaLike(text)) {
    cell.value = { richText: [{ text }] } as CellValue;
    cell.numFmt = '@';
  } else {
    cell.value = text;
  }
}

class SheetWriter {
  readonly sheet: Worksheet;
  /** Next free row. */
  row = xlsxHeaderRow;
  readonly #widths: number[] = [];

  /** `note`: a plain line for row 2 (sheets without a section status) or row 3 (nothing missing). */
  constructor(
    workbook: Workbook,
    name: string,
    title: string,
    meta: SectionMetaLike | null,
    L: Labels,
    tr: (message: Message) => string,
    readonly lang: ReportLang,
    note?: string,
  ) {
    this.sheet = workbook.addWorksheet(name);
    setCell(this.sheet, 1, 1, title);
    this.sheet.getCell(1, 1).font = { bold: true, size: 13 };
    if (meta) {
      setCell(
        this.sheet,
        2,
        1,
        `${L.statusLine}: ${statusText(this.lang, meta.status, meta.section)}.${hasBasis(meta.basis) ? ` ${L.basis}: ${tr(meta.basis)}.` : ''}`,
      );
      if (meta.missing) {
        setCell(this.sheet, 3, 1, `${L.missing}: ${tr(meta.missing)}`);
        const cell = this.sheet.getCell(3, 1);
        cell.font = { bold: true, color: { argb: meta.status === 'missing' ? 'FFA40E26' : 'FF7D4E00' } };
        cell.fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: meta.status === 'missing' ? 'FFFFEBE9' : 'FFFFF8C5' },
        };
      }
    }
    if (note !== undefined) {
      const row = meta === null ? 2 : meta.missing ? undefined : 3;
      if (row !== undefined) {
        setCell(this.sheet, row, 1, note);
        this.sheet.getCell(row, 1).font = { italic: true };
      }
    }
    this.sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: xlsxHeaderRow }];
  }

  /** A table: bold header, then rows. The first table of a sheet gets an auto-filter. */
  table(columns: SheetColumn[], rows: Value[][]): void {
    const header = this.row;
    columns.forEach((c, i) => {
      setCell(this.sheet, header, i + 1, c.header);
      this.#fit(i, c.header.length);
    });
    const headerRow = this.sheet.getRow(header);
    headerRow.font = { bold: true };
    headerRow.alignment = { vertical: 'top', wrapText: true };
    columns.forEach(
      (_, i) => (headerRow.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F3F6' } }),
    );
    rows.forEach((values, r) => {
      values.forEach((v, i) => {
        setCell(this.sheet, header + 1 + r, i + 1, v, columns[i]?.kind);
        this.#fit(i, typeof v === 'string' ? v.length : v && typeof v === 'object' && 'url' in v ? v.url.length : 14);
      });
    });
    if (header === xlsxHeaderRow && rows.length > 0)
      this.sheet.autoFilter = {
        from: { row: header, column: 1 },
        to: { row: header + rows.length, column: columns.length },
      };
    this.row = header + rows.length + 2;
  }

  /** A bold subtitle before a further table on the same sheet. */
  subtitle(text: string): void {
    setCell(this.sheet, this.row, 1, text);
    this.sheet.getCell(this.row, 1).font = { bold: true };
    this.row += 1;
  }

  finish(): void {
    this.#widths.forEach((w, i) => (this.sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, w + 2))));
  }

  #fit(column: number, length: number): void {
    this.#widths[column] = Math.max(this.#widths[column] ?? 0, Math.min(length, 60));
  }
}

export async function renderXlsx(report: ReportModel, lang: ReportLang): Promise<Buffer> {
  const L = labels[lang];
  const S = L.sheets;
  const U = L.usd;
  const a = report.exporter.iso3;
  const b = report.importer.iso3;
  const name = (r: { nameEn: string; nameRu: string }) => (lang === 'ru' ? r.nameRu : r.nameEn);
  const country = (c: { nameEn: string; nameRu: string }) => (lang === 'ru' ? c.nameRu : c.nameEn);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Karavan';
  workbook.title = L.title(country(report.exporter), country(report.importer));
  workbook.created = new Date(report.generatedAt);
  workbook.modified = new Date(report.generatedAt);
  const used = new Set<string>();
  const tr = (message: Message) => formatMessage(message, lang);
  // Which section a sheet belongs to, for its status line (the sheet names are the S labels).
  const sectionOfSheet = (tab: string): string | undefined => {
    const key = (Object.keys(S) as Array<keyof typeof S>).find((k) => S[k] === tab);
    return key === 'worldDemand'
      ? 'needs'
      : key === 'potentialBySection'
        ? 'potential'
        : key === 'machinery'
          ? 'machinery'
          : key;
  };
  const sheet = (tab: string, title: string, meta: SectionMetaLike | null, note?: string) =>
    new SheetWriter(
      workbook,
      sheetName(tab, used),
      title,
      meta === null ? null : { ...meta, section: meta.section ?? sectionOfSheet(tab) },
      L,
      tr,
      lang,
      note,
    );
  const turnoverMissing = report.coverage.sections.find((s) => s.section === 'turnover')!.missing;

  // Coverage
  const coverage = sheet(
    S.coverage,
    `${workbook.title} — ${L.coverage}`,
    null,
    `${L.generated}: ${formatters(lang).date(report.generatedAt)} · ${L.storeFooter(report.storeVersion)}`,
  );
  coverage.table(
    [{ header: L.section }, { header: L.status }, { header: L.basis }, { header: L.missing }],
    report.coverage.sections.map((s) => [
      L.sectionNames[s.section] ?? s.section,
      statusText(lang, s.status, s.section),
      tr(s.basis),
      s.missing === null ? null : tr(s.missing),
    ]),
  );
  coverage.finish();

  // 1. Turnover, the official totals, and the target planner
  const t = report.turnover;
  const turnoverCoverage = report.coverage.sections.find((s) => s.section === 'turnover')!;
  const turnoverTitle = L.sectionNames['turnover']!;
  const turnoverSheet = sheet(S.turnover, turnoverTitle, {
    status: t.status,
    basis: turnoverCoverage.basis,
    missing: turnoverMissing,
  });
  turnoverSheet.table(
    [
      { header: L.year, kind: 'year' },
      { header: L.source },
      { header: L.reporter },
      { header: U.exports(a, b), kind: 'usd' },
      { header: U.exports(b, a), kind: 'usd' },
      { header: U.turnover, kind: 'usd' },
      { header: L.growth, kind: 'share' },
      { header: L.shareExp(a), kind: 'share' },
      { header: L.shareImp(b), kind: 'share' },
    ],
    t.rows.map((r) => [
      r.year,
      r.source,
      r.reporter,
      r.exportsUsd,
      r.importsUsd,
      r.turnoverUsd,
      r.growth,
      r.shareOfExporterExports,
      r.shareOfImporterImports,
    ]),
  );
  turnoverSheet.finish();

  // 2. The pair's trade basket: one flat table (Excel filters it), a row per group and product, with the years.
  const k = report.basket;
  const basketSheet = sheet(S.basket, L.sectionNames['basket']!, k);
  const basketYears = k.years;
  basketSheet.table(
    [
      { header: L.flowCol },
      { header: L.levelCol },
      { header: L.product },
      { header: L.name },
      { header: U.value, kind: 'usd' },
      { header: L.basketShareOfBuyer, kind: 'share' },
      { header: L.cagr, kind: 'share' },
      { header: L.basketProducts, kind: 'int' },
      { header: U.reportedBySeller, kind: 'usd' },
      { header: U.reportedByBuyer, kind: 'usd' },
      ...basketYears.map((year) => ({ header: `${U.value} ${year}`, kind: 'usd' as const })),
    ],
    basketBlocks(k, lang).flatMap((block) =>
      block.lines.map((line) => [
        `${block.seller} → ${block.buyer}`,
        L.basketLevels[line.kind] ?? line.kind,
        line.code,
        name(line),
        line.valueUsd,
        line.row?.shareOfBuyerImports ?? null,
        line.row?.growth ?? null,
        line.products,
        line.row?.reportedBySellerUsd ?? null,
        line.row?.reportedByBuyerUsd ?? null,
        ...basketYears.map((year) => line.row?.series.find((p) => p.year === year)?.valueUsd ?? null),
      ]),
    ),
  );
  basketSheet.finish();

  const official = sheet(S.official, L.official, null);
  official.table(
    [
      { header: L.year, kind: 'year' },
      { header: L.period },
      { header: L.measure },
      { header: L.reporterSide },
      { header: U.value, kind: 'usd' },
      { header: L.note },
      { header: L.link },
    ],
    t.official.map((o) => [
      o.year,
      tr(o.words.period),
      tr(o.words.measure),
      tr(o.words.side),
      o.valueUsd,
      o.words.note ? tr(o.words.note) : null,
      { url: o.sourceUrl },
    ]),
  );
  official.finish();

  const p = report.target;
  const target = sheet(
    S.target,
    L.target,
    p
      ? { status: 'computed', basis: p.basis, missing: null }
      : { status: 'missing', basis: msg('basis.none'), missing: turnoverMissing },
    p?.example ? L.targetExample : undefined,
  );
  if (p) {
    target.table(
      [{ header: L.measure }, { header: L.value }],
      [
        [U.current, { number: p.currentUsd, kind: 'usd' }],
        [L.baseYear, { number: p.baseYear, kind: 'year' }],
        [U.targetValue, { number: p.targetUsd, kind: 'usd' }],
        [L.targetYear, { number: p.targetYear, kind: 'year' }],
        [U.gap, { number: p.gapUsd, kind: 'usd' }],
        [L.requiredCagr, { number: p.requiredCagr, kind: 'share' }],
        [L.potentialCoverage, { number: p.potentialCoverage, kind: 'share' }],
        [L.example, p.example ? L.yes : L.no],
      ],
    );
    target.subtitle(L.path);
    target.table(
      [
        { header: L.year, kind: 'year' },
        { header: U.value, kind: 'usd' },
      ],
      p.path.map((s) => [s.year, s.valueUsd]),
    );
    if (p.coveringGroups.length > 0) {
      target.subtitle(L.coveringGroups);
      target.table(
        [{ header: L.group }, { header: U.untapped, kind: 'usd' }, { header: U.cumulative, kind: 'usd' }],
        p.coveringGroups.map((g) => [g.name, g.untappedUsd, g.cumulativeUsd]),
      );
    }
  }
  target.finish();

  // 2. Needs, or world demand as the stand-in
  const n = report.needs;
  if (n.rows.length > 0 || !n.worldDemand) {
    const needs = sheet(S.needs, L.sectionNames['needs']!, n);
    needs.table(
      [
        { header: L.product },
        { header: L.name },
        { header: U.imports, kind: 'usd' },
        { header: L.cagr, kind: 'share' },
        { header: L.suppliersCount, kind: 'int' },
        { header: L.topSuppliers },
        { header: L.hhi, kind: 'ratio' },
        { header: U.fromExporter(a), kind: 'usd' },
        { header: L.exporterShare(a), kind: 'share' },
      ],
      n.rows.map((r) => [
        r.product,
        name(r),
        r.importsUsd,
        r.growth,
        r.suppliers,
        formatters(lang).suppliers(r.topSuppliers),
        r.hhi,
        r.exporterUsd,
        r.exporterShare,
      ]),
    );
    needs.finish();
  } else {
    const w = n.worldDemand;
    const world = sheet(S.worldDemand, `${L.sectionNames['needs']!}: ${L.worldDemand(w.year, w.source)}`, n);
    world.table(
      [
        { header: L.product },
        { header: L.name },
        { header: U.worldTrade, kind: 'usd' },
        { header: L.worldShareOf(a), kind: 'share' },
      ],
      w.rows.map((r) => [r.product, name(r), r.worldTradeUsd, r.exporterWorldShare]),
    );
    world.finish();
  }

  // 3. Supply
  const s = report.supply;
  const supply = sheet(S.supply, L.sectionNames['supply']!, s);
  supply.table(
    [
      { header: L.product },
      { header: L.name },
      { header: U.exportsCol, kind: 'usd' },
      { header: U.worldExports, kind: 'usd' },
      { header: L.worldShare, kind: 'share' },
      { header: L.rca, kind: 'ratio' },
      { header: L.competitive },
      { header: L.growth, kind: 'share' },
      { header: L.pci, kind: 'ratio' },
    ],
    s.rows.map((r) => [
      r.product,
      name(r),
      r.exportsUsd,
      r.worldExportsUsd,
      r.worldShare,
      r.rca,
      r.competitive ? L.yes : L.no,
      r.growth,
      r.pci,
    ]),
  );
  supply.finish();

  // 4. Potential, by product and by HS section
  const pt = report.potential;
  const potential = sheet(S.potential, L.sectionNames['potential']!, pt);
  potential.table(
    [
      { header: L.product },
      { header: L.name },
      { header: L.hsSection },
      { header: L.supplyShare, kind: 'share' },
      { header: U.demand, kind: 'usd' },
      { header: U.potential, kind: 'usd' },
      { header: U.actual, kind: 'usd' },
      { header: U.untapped, kind: 'usd' },
      { header: L.realized, kind: 'share' },
    ],
    pt.rows.map((r) => [
      r.product,
      name(r),
      r.section,
      r.supplyShare,
      r.demandUsd,
      r.potentialUsd,
      r.actualUsd,
      r.untappedUsd,
      r.realizedShare,
    ]),
  );
  potential.finish();
  const bySection = sheet(S.potentialBySection, `${L.sectionNames['potential']!}: ${L.bySection}`, pt);
  bySection.table(
    [
      { header: L.hsSection },
      { header: U.potential, kind: 'usd' },
      { header: U.actual, kind: 'usd' },
      { header: U.untapped, kind: 'usd' },
      { header: L.realized, kind: 'share' },
    ],
    pt.bySection.map((x) => [x.section, x.potentialUsd, x.actualUsd, x.untappedUsd, x.realizedShare]),
  );
  bySection.finish();

  // 5. Rivals and 8. machinery market: one row per product and supplier
  const rivalsSheet = (tab: string, title: string, r: ReportModel['rivals']) => {
    const w = sheet(tab, title, r);
    w.table(
      [
        { header: L.product },
        { header: L.name },
        { header: U.productImports, kind: 'usd' },
        { header: L.supplier },
        { header: U.imports, kind: 'usd' },
        { header: L.share, kind: 'share' },
        { header: L.shareChange, kind: 'share' },
        { header: L.unitValue, kind: 'int' },
        { header: L.flags },
        { header: U.exporterUv(a), kind: 'int' },
        { header: L.uvBasis },
        { header: U.rivalsUv, kind: 'int' },
        { header: L.priceAdvantageCol, kind: 'share' },
      ],
      r.products.flatMap((prod) =>
        [...(prod.exporter ? [prod.exporter] : []), ...prod.suppliers].map((x): Value[] => [
          prod.product,
          name(prod),
          prod.importsUsd,
          x.supplier,
          x.valueUsd,
          x.share,
          x.shareChange,
          x.unitValueUsdPerTonne,
          x.flags.join(', ') || null,
          prod.exporterUnitValueUsdPerTonne,
          prod.exporterUnitValueBasis,
          prod.rivalsUnitValueUsdPerTonne,
          prod.priceAdvantage,
        ]),
      ),
    );
    w.finish();
  };
  rivalsSheet(S.rivals, L.sectionNames['rivals']!, report.rivals);

  // 6. Joint production
  const j = report.jointProduction;
  const joint = sheet(S.jointProduction, L.sectionNames['jointProduction']!, j);
  joint.table(
    [
      { header: L.product },
      { header: L.name },
      { header: L.score, kind: 'ratio' },
      { header: U.demand, kind: 'usd' },
      { header: L.demandBasis },
      { header: `${L.rca} ${a}`, kind: 'ratio' },
      { header: U.exportsOf(a), kind: 'usd' },
      { header: `${L.rca} ${b}`, kind: 'ratio' },
      { header: `${L.density} ${b}`, kind: 'ratio' },
      { header: L.densityPercentile, kind: 'ratio' },
      { header: L.cog, kind: 'ratio' },
      { header: L.pci, kind: 'ratio' },
      { header: L.reason },
    ],
    j.rows.map((r) => [
      r.product,
      name(r),
      r.score,
      r.demandUsd,
      r.demandBasis,
      r.exporterRca,
      r.exporterExportsUsd,
      r.importerRca,
      r.importerDensity,
      r.densityPercentile,
      r.cog,
      r.pci,
      tr(r.reason),
    ]),
  );
  joint.finish();

  // 7. Surplus placement
  const sp = report.surplus;
  const surplus = sheet(S.surplus, L.sectionNames['surplus']!, sp);
  surplus.table(
    [
      { header: L.product },
      { header: L.name },
      { header: `${L.rca} ${a}`, kind: 'ratio' },
      { header: U.imports, kind: 'usd' },
      { header: L.cagr, kind: 'share' },
      { header: L.exporterShare(a), kind: 'share' },
      { header: U.rivals, kind: 'usd' },
      { header: L.leader },
      { header: L.share, kind: 'share' },
    ],
    sp.rows.map((r) => [
      r.product,
      name(r),
      r.exporterRca,
      r.importsUsd,
      r.growth,
      r.exporterShare,
      r.rivalsUsd,
      r.leadingRival?.iso3 ?? null,
      r.leadingRival?.share ?? null,
    ]),
  );
  surplus.finish();

  rivalsSheet(S.machinery, L.sectionNames['machinery']!, report.machineryMarket);

  // The market's size: the importer's fleets' yearly replacement demand, with the dated facts behind it.
  const d = report.machineryDemand;
  const demand = sheet(
    S.machineryDemand,
    L.demandTitle,
    null,
    d.fleets.length === 0 && d.missing ? tr(d.missing) : undefined,
  );
  if (d.fleets.length > 0) {
    const limit = d.fleets[0]!.limitYears;
    demand.table(
      [
        { header: '' },
        { header: L.demandFleet, kind: 'int' },
        { header: L.demandAtRate, kind: 'int' },
        { header: L.demandToHold(limit), kind: 'int' },
        { header: L.demandBacklog(limit), kind: 'int' },
        { header: L.demandClear(d.fleets[0]!.clearBacklogYears), kind: 'int' },
      ],
      d.fleets.map((x) => [
        L.demandMachine(x.machine),
        x.facts.fleet.value,
        Math.round(x.atObservedRateUnitsPerYear),
        Math.round(x.toHoldAgeUnitsPerYear),
        Math.round(x.backlogUnits),
        Math.round(x.toClearBacklogUnitsPerYear),
      ]),
    );
    for (const x of d.fleets) demand.subtitle(L.demandFacts(x));
  }
  demand.finish();

  // 9. Data sources
  const data = sheet(S.data, L.sectionNames['data']!, null);
  data.table(
    [
      { header: L.file },
      { header: L.source },
      { header: L.format },
      { header: L.kind },
      { header: L.rows, kind: 'int' },
      { header: L.years },
      { header: L.hsRevision },
      { header: L.exporters, kind: 'int' },
      { header: L.importers, kind: 'int' },
      { header: U.total, kind: 'usd' },
      { header: L.importedAt },
      { header: L.licence },
    ],
    report.datasets.map((d) => [
      d.fileName,
      d.source,
      L.datasetFormat(d.format),
      d.kind,
      d.rows,
      d.years.join(', '),
      d.hsRevision,
      d.exporters,
      d.importers,
      d.valueUsdTotal,
      d.importedAt,
      d.licence,
    ]),
  );
  data.finish();

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
