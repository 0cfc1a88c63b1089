/**
 * XLSX report, read back with exceljs: one sheet per section with names in the report's
 * language, numbers stored as numbers (USD, shares) with formats, empty cells where a value is
 * unknown (never 0), the header row frozen, and text that looks like a formula kept as text.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/messages/index.ts';
import type { ReportModel } from '../../src/analysis/index.ts';
import { renderReport } from '../../src/report/index.ts';
import { msg } from '../../src/messages/index.ts';
import { fixtureReport } from '../support/report-model.ts';

async function workbookOf(report: ReportModel, lang: 'en' | 'ru' = 'en'): Promise<ExcelJS.Workbook> {
  const buffer = (await renderReport(report, 'xlsx', lang)) as Buffer;
  expect(Buffer.isBuffer(buffer)).toBe(true);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Header row of every table sheet (rows 1-3: title, status, missing). */
const header = 4;

function columnOf(sheet: ExcelJS.Worksheet, label: string): number {
  const row = sheet.getRow(header);
  for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === label) return c;
  throw new Error(`no column ${label} in ${sheet.name}`);
}

const cellText = (cell: ExcelJS.Cell) => {
  const v = cell.value as unknown;
  return v && typeof v === 'object' && 'richText' in v
    ? (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('')
    : v;
};

describe('renderXlsx', () => {
  let report: ReportModel;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    report = await fixtureReport();
    workbook = await workbookOf(report);
  });

  it('has one sheet per section, named in English', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Coverage',
      'Turnover',
      'Basket',
      'Official totals',
      'Target',
      'Needs',
      'Supply',
      'Potential',
      'Potential by section',
      'Rivals',
      'Joint production',
      'Surplus',
      'Machinery market',
      'Market size',
      'Data sources',
    ]);
  });

  it('names the sheets in Russian for --lang ru, and the stand-in sheet World demand when the needs are missing', async () => {
    const ru = await workbookOf(report, 'ru');
    expect(ru.worksheets.map((s) => s.name)).toEqual([
      'Покрытие',
      'Товарооборот',
      'Структура торговли',
      'Официальные итоги',
      'Цель',
      'Потребности',
      'Предложение',
      'Потенциал',
      'Потенциал по разделам',
      'Конкуренты',
      'Совместное производство',
      'Излишки',
      'Рынок техники',
      'Ёмкость рынка',
      'Источники данных',
    ]);
    expect(ru.getWorksheet('Товарооборот')!.getCell(header, 6).value).toBe('Товарооборот, долл.');
    const standIn: ReportModel = {
      ...report,
      needs: {
        ...report.needs,
        status: 'missing',
        missing: msg('basis.turnoverSource', { source: 'KAZ imports: ingest BACI' }),
        rows: [],
        worldDemand: {
          year: 2021,
          source: 'baci',
          level: 4,
          importerExportsLeftOut: [],
          rows: [
            { product: '8433', nameEn: 'Harvesters', nameRu: 'Комбайны', worldTradeUsd: 5e9, exporterWorldShare: 0.05 },
          ],
        },
      },
    };
    const world = (await workbookOf(standIn)).getWorksheet('World demand')!;
    expect(world).toBeDefined();
    expect(world.getCell(3, 1).value).toBe('Missing, and how to add it: KAZ imports: ingest BACI');
    expect(world.getCell(header + 1, columnOf(world, 'World trade, USD')).value).toBe(5e9);
  });

  it('stores numbers as numbers in USD with units in the headers and formats on the cells', () => {
    const turnover = workbook.getWorksheet('Turnover')!;
    expect(turnover.getCell(header, 1).value).toBe('Year');
    const year2021 = header + report.turnover.rows.findIndex((r) => r.year === 2021) + 1;
    const turnoverUsd = turnover.getCell(year2021, columnOf(turnover, 'Turnover, USD'));
    expect(turnoverUsd.type).toBe(ExcelJS.ValueType.Number);
    expect(turnoverUsd.value).toBeCloseTo(115e6, 3);
    expect(turnoverUsd.numFmt).toBe('#,##0');
    const growth = turnover.getCell(year2021, columnOf(turnover, 'Growth'));
    expect(growth.value).toBeCloseTo(0.25, 12);
    expect(growth.numFmt).toBe('0.0%');
    // Unknown growth (first year) is an empty cell, not 0.
    expect(turnover.getCell(header + 1, columnOf(turnover, 'Growth')).type).toBe(ExcelJS.ValueType.Null);

    const rivals = workbook.getWorksheet('Rivals')!;
    const uv = rivals.getCell(header + 1, columnOf(rivals, 'USD/t'));
    expect(uv.type).toBe(ExcelJS.ValueType.Number);
    expect(uv.value).toBeCloseTo(200_000, 6);
    expect(rivals.getCell(header + 1, columnOf(rivals, 'Share')).numFmt).toBe('0.0%');

    const potential = workbook.getWorksheet('Potential')!;
    const butter = header + 1 + report.potential.rows.findIndex((r) => r.product === '040510');
    expect(potential.getCell(butter, 1).value).toBe('040510'); // codes stay text with their leading zero
    expect(potential.getCell(butter, columnOf(potential, 'Untapped, USD')).value).toBeCloseTo(8.64 * 0.8 * 1e6, -4);
  });

  it('freezes the header row, sizes the columns, writes the status of each section', () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: header });
      expect(sheet.getRow(header).font?.bold, sheet.name).toBe(true);
      expect(sheet.getColumn(1).width, sheet.name).toBeGreaterThanOrEqual(8);
    }
    expect(workbook.getWorksheet('Needs')!.getCell(2, 1).value).toBe(
      `Status: computed. Computed from: ${formatMessage(report.needs.basis, 'en')}.`,
    );
  });

  it('keeps formula-like text as text: no cell of the workbook is a formula', async () => {
    const injected = '=HYPERLINK("http://evil.example","x")';
    const bad: ReportModel = {
      ...report,
      needs: {
        ...report.needs,
        rows: report.needs.rows.map((r, i) => (i === 0 ? { ...r, nameEn: injected, product: '+843351' } : r)),
      },
      turnover: {
        ...report.turnover,
        official: report.turnover.official.map((o, i) =>
          i === 0
            ? {
                ...o,
                sourceUrl: '=cmd|" /C calc"!A0',
                words: {
                  ...o.words,
                  measure: msg('official.other', { measure: '@SUM(A1:A9)' }),
                  note: msg('official.note', { en: '-2+3', ru: '-2+3' }),
                },
              }
            : o,
        ),
      },
      datasets: report.datasets.map((d) => ({ ...d, fileName: '\t=1+1' })),
    };
    const book = await workbookOf(bad);
    let formulas = 0;
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => (formulas += cell.type === ExcelJS.ValueType.Formula || cell.formula ? 1 : 0)),
      );
    expect(formulas).toBe(0);
    const needs = book.getWorksheet('Needs')!;
    const name = needs.getCell(header + 1, 2);
    expect(name.type).toBe(ExcelJS.ValueType.RichText);
    expect(cellText(name)).toBe(injected);
    expect(name.numFmt).toBe('@');
    expect(cellText(needs.getCell(header + 1, 1))).toBe('+843351');
    const official = book.getWorksheet('Official totals')!;
    expect(cellText(official.getCell(header + 1, 3))).toBe('@SUM(A1:A9)');
    expect(cellText(official.getCell(header + 1, 6))).toBe('-2+3');
    expect(cellText(official.getCell(header + 1, 7))).toBe('=cmd|" /C calc"!A0'); // not a link either
    expect(official.getCell(header + 2, 7).type).toBe(ExcelJS.ValueType.Hyperlink);
    expect(cellText(book.getWorksheet('Data sources')!.getCell(header + 1, 1))).toBe('\t=1+1');
  });
});

// package.json overrides exceljs's uuid (8.3.2, advisory GHSA-w5hq-g745-h8pq) with ^11.1.1
// (docs/reliability.md, security). exceljs calls uuid only for the extension of a data-bar
// conditional format, which Karavan does not write; this keeps that path working with the override.
describe('exceljs under the uuid override', () => {
  it('writes a data-bar conditional format (the one place exceljs calls uuid.v4)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('bars');
    sheet.addRows([[1], [2], [3]]);
    sheet.addConditionalFormatting({
      ref: 'A1:A3',
      rules: [
        { type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }] } as ExcelJS.ConditionalFormattingRule,
      ],
    });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    // exceljs gives the rule its extension id from uuid.v4 while writing.
    const rule = (sheet as unknown as { conditionalFormattings: { rules: { x14Id?: string }[] }[] })
      .conditionalFormattings[0]!.rules[0]!;
    expect(rule.x14Id).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
  });
});
