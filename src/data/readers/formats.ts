/**
 * The file layouts Karavan reads, each described as a plan for one SQL pipeline:
 * which header columns play which role, how to read them (DuckDB types), how to turn a row
 * into the uniform staging columns, and in what units the values come.
 *
 *  - CEPII BACI: `t,i,j,k,v,q` (year, exporter, importer, HS6, value in thousand USD,
 *    quantity in tonnes). Real releases quote the header, right-pad `q` with spaces or write
 *    `NA`, and drop the leading zero of product codes (`10121` for `010121`).
 *  - UN Comtrade CSV downloads, current (`refYear, reporterCode, flowCode, partnerCode,
 *    cmdCode, primaryValue, netWgt`, ...) and legacy (`Year, Reporter Code, Trade Flow Code,
 *    Partner Code, Commodity Code, Trade Value (US$), Netweight (kg)`, ...) headers. The
 *    reporter's side is kept: imports and exports both become exporter -> importer flows with
 *    `reporter` set, so mirror statistics can be compared later.
 *  - World Bank WITS trade downloads (`Nomenclature, ReporterISO3, ProductCode, PartnerISO3, Year,
 *    TradeFlowName, TradeValue in 1000 USD`, ...): reporter-side like Comtrade, values in thousand USD.
 *  - Exporter x product tables without partner (e.g. Open Trade Statistics' exports by HS4),
 *    with a column mapping.
 */
import { BadHeaderError, InvalidOptionError, UnknownFormatError } from '../../errors.ts';
import type { DatasetFormat, DatasetKind } from '../manifest.ts';
import { quoteIdentifier, quoteString } from '../sql.ts';

/** A staging column, where it came from in the file, and how it reads in SQL over read_csv. */
export interface StagingColumn {
  /** Uniform staging name (year, exporter_code, ...). */
  name: string;
  /** SQL expression over the read_csv row. */
  sql: string;
  /** Header name of the source column, for error messages (null when derived). */
  header: string | null;
}

export interface FormatPlan {
  format: DatasetFormat;
  kind: DatasetKind;
  /** Value of the `source` partition. */
  source: string;
  hsRevision: string | null;
  /** The year a BACI release names its yearly file for (`BACI_HS92_Y2021_V202301.csv`): every row must be of it. */
  yearInName?: number;
  /** Every header column with the DuckDB type it is read as, in file order. */
  csvColumns: Array<readonly [string, string]>;
  staging: StagingColumn[];
  /** Multiply the raw value by this to get USD. */
  valueToUsd: number;
  /** Multiply the raw quantity by this to get tonnes (null: the format has no quantity). */
  qtyToTonnes: number | null;
  /** Things the user should know about the conversion, shown after the ingest. */
  notes: string[];
}

export type FieldRole = 'year' | 'exporter' | 'product' | 'valueUsd';
export const exportTableRoles: readonly FieldRole[] = ['year', 'exporter', 'product', 'valueUsd'];

export interface PlanOptions {
  /** Force a format instead of recognising it from the header. */
  format?: DatasetFormat;
  /** Column mapping for exporter tables: header name -> role. */
  map?: Record<string, FieldRole>;
  /** HS revision of the product codes when the file does not say (e.g. HS07). */
  hsRevision?: string;
  /** `source` partition value (default: the format name, or `user` for exporter tables). */
  source?: string;
}

const norm = (s: string) => s.trim().toLowerCase();

function findColumn(header: string[], candidates: readonly string[]): string | undefined {
  const lower = header.map(norm);
  for (const candidate of candidates) {
    const index = lower.indexOf(candidate.toLowerCase());
    if (index >= 0) return header[index];
  }
  return undefined;
}

function checkDuplicateHeaders(header: string[], file: string): void {
  const seen = new Set<string>();
  for (const name of header) {
    const key = norm(name);
    if (key === '') throw new BadHeaderError(`${file}: the header has an empty column name`, { file, line: 1 });
    if (seen.has(key))
      throw new BadHeaderError(`${file}: the header names column "${name}" twice`, { file, line: 1, column: name });
    seen.add(key);
  }
}

const baciColumns = ['t', 'i', 'j', 'k', 'v', 'q'] as const;

function isBaci(header: string[]): boolean {
  return header.length === 6 && header.every((h, i) => norm(h) === baciColumns[i]);
}

const comtrade = {
  year: ['refYear', 'Year', 'period', 'Period'],
  reporter: ['reporterCode', 'Reporter Code', 'reporterISO', 'Reporter ISO'],
  partner: ['partnerCode', 'Partner Code', 'partnerISO', 'Partner ISO'],
  flow: ['flowCode', 'Trade Flow Code', 'flowDesc', 'Trade Flow'],
  product: ['cmdCode', 'Commodity Code'],
  value: ['primaryValue', 'Trade Value (US$)', 'TradeValue'],
  netWeightKg: ['netWgt', 'Netweight (kg)', 'NetWeight'],
  classification: ['classificationCode', 'Classification'],
  frequency: ['freqCode'],
  mot: ['motCode', 'Mode of Transport Code'],
  customs: ['customsCode', 'Customs Proc. Code'],
  partner2: ['partner2Code', '2nd Partner Code'],
} as const;

function isComtrade(header: string[]): boolean {
  return [comtrade.reporter, comtrade.partner, comtrade.flow, comtrade.product, comtrade.value].every((c) =>
    findColumn(header, c),
  );
}

const exportDefaults: Record<FieldRole, readonly string[]> = {
  year: ['year', 't', 'time', 'period', 'refYear'],
  exporter: [
    'exporter',
    'reporter_iso',
    'reporter',
    'country',
    'location',
    'origin',
    'iso3',
    'exporter_iso',
    'location_code',
  ],
  product: [
    'product',
    'product_code',
    'hs',
    'hs4',
    'hs6',
    'hs92',
    'hs96',
    'hs02',
    'hs07',
    'hs12',
    'hs17',
    'hs22',
    'commodity',
    'cmdCode',
    'k',
  ],
  valueUsd: [
    'valueUsd',
    'value_usd',
    'export_value_usd',
    'export_value',
    'export_val',
    'exports',
    'value',
    'trade_value_usd',
    'v',
  ],
};

/** HS revision from a BACI file name (`BACI_HS17_Y2022_V202401.csv` -> HS17). */
/** The year in a BACI yearly file's name (`_Y2021_`), if it has one. */
export function yearFromBaciName(name: string): number | undefined {
  const match = /_Y(\d{4})_/i.exec(name);
  return match ? Number(match[1]) : undefined;
}

export function hsRevisionFromBaciName(name: string): string | null {
  const match = /BACI_(HS\d\d)_/i.exec(name);
  return match ? match[1]!.toUpperCase() : null;
}

/** Comtrade classification codes H0..H6 -> HS92..HS22. */
export function hsRevisionFromComtrade(code: string): string | null {
  const map: Record<string, string> = {
    H0: 'HS92',
    H1: 'HS96',
    H2: 'HS02',
    H3: 'HS07',
    H4: 'HS12',
    H5: 'HS17',
    H6: 'HS22',
    HS: 'HS',
  };
  return map[code.trim().toUpperCase()] ?? null;
}

/** Recognises the layout of a CSV from its header (or checks the forced one) and plans its read. */
export function planFormat(
  header: string[],
  displayName: string,
  memberName: string,
  options: PlanOptions = {},
): FormatPlan {
  checkDuplicateHeaders(header, displayName);
  const format =
    options.format ??
    (isBaci(header)
      ? 'baci'
      : isWits(header)
        ? 'wits'
        : isComtrade(header)
          ? 'comtrade'
          : options.map || findExportColumns(header)
            ? 'exports'
            : undefined);
  if (format === undefined) {
    throw new UnknownFormatError(
      `${displayName}: the header (${header.slice(0, 8).join(', ')}${header.length > 8 ? ', ...' : ''}) is not a BACI file (t,i,j,k,v,q), a UN Comtrade download, a WITS trade download, or an exporter x product table`,
      {
        file: displayName,
        line: 1,
        hint: 'for an exporter table name its columns, e.g. --format exports --map origin=exporter --map hs4=product --map export_val=valueUsd --map year=year',
      },
    );
  }
  if (format === 'baci') return planBaci(header, displayName, memberName, options);
  if (format === 'comtrade') return planComtrade(header, displayName, options);
  if (format === 'wits') return planWits(header, displayName, options);
  return planExports(header, displayName, options);
}

function planBaci(header: string[], displayName: string, memberName: string, options: PlanOptions): FormatPlan {
  if (!isBaci(header)) {
    throw new BadHeaderError(
      `${displayName}: a BACI file has the header t,i,j,k,v,q; this one has ${header.join(',')}`,
      { file: displayName, line: 1 },
    );
  }
  const [t, i, j, k, v, q] = header as [string, string, string, string, string, string];
  const col = quoteIdentifier;
  return {
    format: 'baci',
    kind: 'flows',
    source: options.source ?? 'baci',
    hsRevision: options.hsRevision ?? hsRevisionFromBaciName(memberName),
    ...(yearFromBaciName(memberName) !== undefined && { yearInName: yearFromBaciName(memberName) }),
    // Year and codes as numbers: they parse several times faster than text. DOUBLE, not
    // INTEGER: DuckDB reads "2020.6" into an INTEGER column as 2021; as a DOUBLE it stays
    // 2020.6 and the row checks refuse what is not a whole number (ingest.ts). Text fails in
    // read_csv with its line number.
    csvColumns: [
      [t, 'DOUBLE'],
      [i, 'DOUBLE'],
      [j, 'DOUBLE'],
      [k, 'DOUBLE'],
      [v, 'DOUBLE'],
      [q, 'VARCHAR'],
    ],
    staging: [
      { name: 'year', sql: col(t), header: t },
      { name: 'exporter_code', sql: col(i), header: i },
      { name: 'importer_code', sql: col(j), header: j },
      { name: 'reporter_code', sql: 'NULL::INTEGER', header: null },
      { name: 'product_code', sql: col(k), header: k },
      { name: 'value_raw', sql: col(v), header: v },
      { name: 'qty_raw', sql: col(q), header: q },
      { name: 'keep', sql: 'true', header: null },
    ],
    valueToUsd: 1000,
    qtyToTonnes: 1,
    notes: [
      'BACI values are in thousands of USD: multiplied by 1,000 on ingest (stored as value_usd)',
      'BACI quantities are in metric tonnes; "NA" and blank quantities stored as missing',
      'product codes written without their leading zero (e.g. 10121) restored to 6 digits (010121)',
    ],
  };
}

/**
 * The staged year, exporter, importer and reporter of a file that keeps one reporter's side (UN Comtrade, WITS):
 * an export row is reporter -> partner, an import row partner -> reporter. `isExportSql` tells them apart.
 */
function reporterSideColumns(
  year: string,
  reporter: string,
  partner: string,
  isExportSql: string,
): FormatPlan['staging'] {
  const col = quoteIdentifier;
  return [
    { name: 'year', sql: col(year), header: year },
    {
      name: 'exporter_code',
      sql: `CASE WHEN ${isExportSql} THEN ${col(reporter)} ELSE ${col(partner)} END`,
      header: null,
    },
    {
      name: 'importer_code',
      sql: `CASE WHEN ${isExportSql} THEN ${col(partner)} ELSE ${col(reporter)} END`,
      header: null,
    },
    { name: 'reporter_code', sql: col(reporter), header: reporter },
  ];
}

function planComtrade(header: string[], displayName: string, options: PlanOptions): FormatPlan {
  const need = (role: keyof typeof comtrade): string => {
    const found = findColumn(header, comtrade[role]);
    if (!found) {
      throw new BadHeaderError(
        `${displayName}: a UN Comtrade file needs a column ${comtrade[role].map((c) => `"${c}"`).join(' or ')}`,
        {
          file: displayName,
          line: 1,
        },
      );
    }
    return found;
  };
  const year = need('year');
  const reporter = need('reporter');
  const partner = need('partner');
  const flow = need('flow');
  const product = need('product');
  const value = need('value');
  const weight = findColumn(header, comtrade.netWeightKg);
  const classification = findColumn(header, comtrade.classification);
  const frequency = findColumn(header, comtrade.frequency);
  const mot = findColumn(header, comtrade.mot);
  const customs = findColumn(header, comtrade.customs);
  const partner2 = findColumn(header, comtrade.partner2);
  const col = quoteIdentifier;
  const types = new Map<string, string>(header.map((h) => [h, 'VARCHAR']));
  // DOUBLE, so that a year like 2020.6 is refused instead of read as 2021 (see planBaci).
  types.set(year, 'DOUBLE');
  types.set(value, 'DOUBLE');
  // Flow: current files say M/X (RM/RX re-imports/re-exports), legacy files 1/2 (3/4) or Import/Export.
  const flowSql = `upper(trim(${col(flow)}))`;
  const isExport = `(${flowSql} IN ('X', '2', 'EXPORT', 'EXPORTS'))`;
  const isImport = `(${flowSql} IN ('M', '1', 'IMPORT', 'IMPORTS'))`;
  // coalesce: an empty commodity code is kept (and refused by the product check), not skipped as a NULL.
  const keepParts = [`(${isExport} OR ${isImport})`, `coalesce(upper(trim(${col(product)})), '') <> 'TOTAL'`];
  if (mot) keepParts.push(`coalesce(trim(${col(mot)}), '0') IN ('0', '')`);
  if (customs) keepParts.push(`coalesce(upper(trim(${col(customs)})), 'C00') IN ('C00', '')`);
  if (partner2) keepParts.push(`coalesce(trim(${col(partner2)}), '0') IN ('0', '')`);
  const notes = [
    'UN Comtrade values (primaryValue / Trade Value) are in USD; net weight in kg converted to tonnes',
    "the reporter's side is kept (column reporter): imports as partner -> reporter, exports as reporter -> partner",
    'rows for re-exports/re-imports, the TOTAL commodity, and breakdowns by transport mode, customs procedure or second partner are skipped',
  ];
  return {
    format: 'comtrade',
    kind: 'flows',
    source: options.source ?? 'comtrade',
    hsRevision: options.hsRevision ?? null,
    csvColumns: [...types.entries()],
    staging: [
      ...reporterSideColumns(year, reporter, partner, isExport),
      { name: 'product_code', sql: col(product), header: product },
      { name: 'value_raw', sql: col(value), header: value },
      { name: 'qty_raw', sql: weight ? col(weight) : 'NULL::VARCHAR', header: weight ?? null },
      { name: 'keep', sql: keepParts.join(' AND '), header: null },
      {
        name: 'classification',
        sql: classification ? col(classification) : 'NULL::VARCHAR',
        header: classification ?? null,
      },
      { name: 'frequency', sql: frequency ? col(frequency) : 'NULL::VARCHAR', header: frequency ?? null },
      { name: 'partner_code', sql: col(partner), header: partner },
    ],
    valueToUsd: 1,
    qtyToTonnes: weight ? 0.001 : null,
    notes,
  };
}

/**
 * World Bank WITS trade downloads (docs/store.md, "WITS"): Nomenclature, ReporterISO3, ProductCode,
 * ReporterName, PartnerISO3, PartnerName, Year, TradeFlowName, TradeFlowCode, "TradeValue in 1000 USD",
 * sometimes PartnerRegion and PartnerIncomeGroup. Recognised by the two ISO3 columns, which no other
 * layout Karavan reads names so.
 */
const wits = {
  nomenclature: 'Nomenclature',
  reporter: 'ReporterISO3',
  product: 'ProductCode',
  partner: 'PartnerISO3',
  year: 'Year',
  flowName: 'TradeFlowName',
  valueThousandUsd: 'TradeValue in 1000 USD',
} as const;

function isWits(header: string[]): boolean {
  return findColumn(header, [wits.reporter]) !== undefined && findColumn(header, [wits.partner]) !== undefined;
}

/** TradeFlowName values, upper-cased: the WITS names and their spelled-out forms. */
export const witsImportFlowNames: readonly string[] = ['IMPORT', 'IMPORTS', 'GROSS IMP.', 'GROSS IMP', 'GROSS IMPORTS'];
export const witsExportFlowNames: readonly string[] = ['EXPORT', 'EXPORTS', 'GROSS EXP.', 'GROSS EXP', 'GROSS EXPORTS'];

function planWits(header: string[], displayName: string, options: PlanOptions): FormatPlan {
  const need = (name: string): string => {
    const found = findColumn(header, [name]);
    if (!found) {
      throw new BadHeaderError(
        `${displayName}: a WITS trade download needs a column "${name}"; the header has ${header.join(', ')}`,
        {
          file: displayName,
          line: 1,
          column: name,
        },
      );
    }
    return found;
  };
  const nomenclature = need(wits.nomenclature);
  const reporter = need(wits.reporter);
  const product = need(wits.product);
  const partner = need(wits.partner);
  const year = need(wits.year);
  const flowName = need(wits.flowName);
  const value = need(wits.valueThousandUsd);
  const col = quoteIdentifier;
  const types = new Map<string, string>(header.map((h) => [h, 'VARCHAR']));
  // DOUBLE, so that a year like 2020.6 is refused instead of read as 2021 (see planBaci).
  types.set(year, 'DOUBLE');
  types.set(value, 'DOUBLE');
  const flowSql = `upper(trim(${col(flowName)}))`;
  const isExport = `(${flowSql} IN ${sqlInList(witsExportFlowNames)})`;
  // Re-exports and re-imports are part of gross exports and imports: skipped, as Comtrade's RX/RM rows are.
  const isReFlow = `coalesce(regexp_matches(${flowSql}, '^RE[- ]?(EXP|IMP)'), false)`;
  return {
    format: 'wits',
    kind: 'flows',
    source: options.source ?? 'wits',
    hsRevision: options.hsRevision ?? null,
    csvColumns: [...types.entries()],
    staging: [
      ...reporterSideColumns(year, reporter, partner, isExport),
      { name: 'product_code', sql: `trim(${col(product)})`, header: product },
      { name: 'value_raw', sql: col(value), header: value },
      { name: 'qty_raw', sql: 'NULL::VARCHAR', header: null },
      { name: 'keep', sql: `NOT ${isReFlow}`, header: null },
      { name: 'classification', sql: col(nomenclature), header: nomenclature },
      { name: 'partner_code', sql: col(partner), header: partner },
      { name: 'flow_name', sql: col(flowName), header: flowName },
    ],
    valueToUsd: 1000,
    qtyToTonnes: null,
    notes: [
      'WITS values ("TradeValue in 1000 USD") are in thousands of USD: multiplied by 1,000 on ingest; WITS trade downloads carry no quantity',
      "the reporter's side is kept (column reporter): imports (Import, Gross Imp.) as partner -> reporter, exports (Export, Gross Exp.) as reporter -> partner; partner WLD kept as the world total",
      'HS edition from Nomenclature (H0..H6 -> HS92..HS22); rows of re-exports and re-imports skipped',
    ],
  };
}

/** A fixed list of names as an SQL IN list. */
export function sqlInList(values: readonly string[]): string {
  return `(${values.map(quoteString).join(', ')})`;
}

function findExportColumns(header: string[]): Record<FieldRole, string> | undefined {
  const found: Partial<Record<FieldRole, string>> = {};
  for (const role of exportTableRoles) {
    const column = findColumn(header, exportDefaults[role]);
    if (!column) return undefined;
    found[role] = column;
  }
  return found as Record<FieldRole, string>;
}

function planExports(header: string[], displayName: string, options: PlanOptions): FormatPlan {
  const roles: Partial<Record<FieldRole, string>> = {};
  for (const [column, role] of Object.entries(options.map ?? {})) {
    if (!exportTableRoles.includes(role))
      throw new InvalidOptionError(`invalid --map: ${column}=${role} (fields: ${exportTableRoles.join(', ')})`);
    const actual = findColumn(header, [column]);
    if (!actual)
      throw new BadHeaderError(
        `${displayName}: --map names column "${column}", which the header does not have (${header.join(', ')})`,
        { file: displayName, line: 1, column },
      );
    roles[role] = actual;
  }
  for (const role of exportTableRoles) {
    roles[role] ??= findColumn(header, exportDefaults[role]);
    if (!roles[role]) {
      throw new BadHeaderError(
        `${displayName}: no column for "${role}" in an exporter table (looked for ${exportDefaults[role].join(', ')}); header: ${header.join(', ')}`,
        { file: displayName, line: 1, hint: `name it with --map <column>=${role}` },
      );
    }
  }
  const { year, exporter, product, valueUsd } = roles as Record<FieldRole, string>;
  const types = new Map<string, string>(header.map((h) => [h, 'VARCHAR']));
  types.set(year, 'DOUBLE');
  types.set(valueUsd, 'DOUBLE');
  const col = quoteIdentifier;
  return {
    format: 'exports',
    kind: 'exports',
    source: options.source ?? 'user',
    hsRevision: options.hsRevision ?? null,
    csvColumns: [...types.entries()],
    staging: [
      { name: 'year', sql: col(year), header: year },
      { name: 'exporter_code', sql: col(exporter), header: exporter },
      { name: 'product_code', sql: col(product), header: product },
      { name: 'value_raw', sql: col(valueUsd), header: valueUsd },
      { name: 'keep', sql: 'true', header: null },
    ],
    valueToUsd: 1,
    qtyToTonnes: null,
    notes: [
      `exporter table read as year=${year}, exporter=${exporter}, product=${product}, valueUsd=${valueUsd} (values taken as USD)`,
    ],
  };
}
