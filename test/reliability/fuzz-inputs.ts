/**
 * Seeded generator of malformed, hostile and valid input files for the three readers (BACI,
 * UN Comtrade, exporter x product tables), for test/reliability/fuzz-readers.test.ts.
 *
 * Each input is built from rows whose meaning the generator knows (year, exporter, importer,
 * product, value), rendered as a CSV, then put through mutations at four levels: rows and cells
 * (values in scientific notation, thousands separators, negative/NaN values, unknown codes...),
 * the file (BOM, line ends, blank lines, header changes), bytes (UTF-16, Latin-1/CP1251, NUL,
 * huge lines) and the container (gzip, zip, truncated or corrupt archives, zip bombs, `..`
 * member names). Every mutation states what a correct reader must do with it:
 *
 *  - `must`: the input is valid: it is imported with exactly `rows` rows worth `total` USD;
 *  - `may`: either a clear error, or imported with exactly `rows` / `total` (the values the
 *    cells mean, e.g. "1,234.5" means 1234.5, never 1 or 1.2345);
 *  - `never`: the input must be refused with a KaravanError.
 *
 * An input's acceptance is the strictest of its mutations'.
 */
import { crc32, gzipSync } from 'node:zlib';
import yazl from 'yazl';
import type { IngestOptions, TradeStore } from '../../src/data/index.ts';
import { yearRange } from '../../src/data/ingest.ts';
import { rng } from '../support/reliability.ts';
import { readFixture } from '../support/fixtures.ts';

export type Reader = 'baci' | 'comtrade' | 'exports';
export type Acceptance = 'must' | 'may' | 'never';

export interface FuzzInput {
  reader: Reader;
  index: number;
  fileName: string;
  bytes: Buffer;
  options: IngestOptions;
  mutations: string[];
  accept: Acceptance;
  /** Rows and USD total the store must hold for this input if it is accepted. */
  rows: number;
  total: number;
  /** The format the reader must recognise. */
  format: 'baci' | 'comtrade' | 'exports';
  /** Which flavour of the reader's input: BACI csv/gzip/zip, Comtrade current/legacy header, table with/without --map. */
  variant: string;
  /** File names (zip members with `..` or absolute paths) that must not appear anywhere outside staging. */
  escapeNames: string[];
  /** Known limitations this input runs into: a wrong outcome is tallied as known, not as a finding. */
  known: string[];
}

export interface FuzzContext {
  /** Every code the store maps to a country (upper-case, trimmed) -> ISO3. */
  alias: ReadonlyMap<string, string>;
  /** A BACI release's country list (a zip member). */
  baciCountryCodes: Buffer;
  /** Years the ingest accepts. */
  yearMin: number;
  yearMax: number;
}

/** The context from a store's reference tables (any store: only its country aliases are read). */
export async function fuzzContext(store: TradeStore): Promise<FuzzContext> {
  const alias = await store.query<{ code: string; iso3: string }>(`SELECT code, iso3 FROM country_alias`);
  return {
    alias: new Map(alias.map((a) => [a.code.trim().toUpperCase(), a.iso3])),
    baciCountryCodes: readFixture('baci-codes/country_codes_V202201.csv'),
    yearMin: yearRange.min,
    yearMax: yearRange.max,
  };
}

// ---- randomness -----------------------------------------------------------------------------

export class Rand {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = rng(seed);
  }
  float(): number {
    return this.#next();
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.#next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.#next() < p;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.#next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
  /** Picks by weight: [[weight, value], ...]. */
  weighted<T>(choices: ReadonlyArray<readonly [number, T]>): T {
    const sum = choices.reduce((s, [w]) => s + w, 0);
    let x = this.#next() * sum;
    for (const [w, v] of choices) {
      if ((x -= w) < 0) return v;
    }
    return choices[choices.length - 1]![1];
  }
}

/** One seed per (seed, reader, input): any input can be replayed alone. */
export function inputSeed(seed: number, reader: Reader, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const c of `${reader}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

// ---- codes ------------------------------------------------------------------------------------

const numericCandidates = [
  4, 8, 12, 32, 36, 40, 50, 56, 76, 112, 124, 152, 156, 170, 203, 208, 246, 251, 276, 300, 348, 360, 364, 372, 376, 381,
  392, 398, 410, 417, 428, 440, 458, 484, 498, 528, 554, 566, 579, 586, 604, 608, 616, 620, 642, 643, 699, 703, 704,
  705, 710, 724, 752, 757, 762, 764, 792, 795, 804, 818, 826, 842, 860,
];

interface Codes {
  /** Numeric codes (BACI, Comtrade) with their ISO3. */
  numeric: Array<{ code: number; iso3: string }>;
  /** For exporter tables: every way a file may write a country (ISO3, ISO2, numeric). */
  written: Array<{ iso3: string; forms: string[] }>;
  unknownNumeric: number[];
  unknownText: string[];
}

const codesCache = new WeakMap<FuzzContext, Codes>();

function codes(ctx: FuzzContext): Codes {
  const cached = codesCache.get(ctx);
  if (cached) return cached;
  const numeric = numericCandidates
    .filter((c) => ctx.alias.has(String(c)))
    .map((code) => ({ code, iso3: ctx.alias.get(String(code))! }));
  const byIso = new Map<string, string[]>();
  for (const [code, iso3] of ctx.alias) {
    if (!/^([A-Z]{2,3}|\d{1,3})$/.test(code) || iso3 === 'WLD') continue;
    if (!byIso.has(iso3)) byIso.set(iso3, []);
    byIso.get(iso3)!.push(code);
  }
  const wanted = new Set(numeric.map((n) => n.iso3));
  const written = [...byIso]
    .filter(([iso3]) => wanted.has(iso3))
    .map(([iso3, forms]) => ({ iso3, forms: forms.sort() }));
  const unknownNumeric = [999, 1000, 9999, 12345, 3, 1, 5, 997].filter(
    (c) => !ctx.alias.has(String(c)) && !ctx.alias.has(String(c).padStart(3, '0')),
  );
  const unknownText = ['XXX', 'ZZ', 'QQQ', 'BLRR', 'B L R', '9999', 'KAZ1', '-', 'N/A', 'Belarus'].filter(
    (c) => !ctx.alias.has(c.trim().toUpperCase()),
  );
  const result = { numeric, written, unknownNumeric, unknownText };
  codesCache.set(ctx, result);
  return result;
}

// ---- the document model ---------------------------------------------------------------------

type Role =
  | 'year'
  | 'exporter'
  | 'importer'
  | 'reporter'
  | 'partner'
  | 'flow'
  | 'product'
  | 'value'
  | 'qty'
  | 'mot'
  | 'customs'
  | 'partner2'
  | 'freq';

interface Row {
  cells: string[];
  /** USD this row adds to the total when imported. */
  usd: number;
  /** Whether the reader keeps the row (Comtrade skips re-exports, totals and breakdowns). */
  kept: boolean;
  /** zip member (BACI year) the row goes to. */
  group: string;
  /** Columns a mutation has written (so that a second one does not undo the first). */
  touched: Set<number>;
}

interface Doc {
  reader: Reader;
  rand: Rand;
  ctx: FuzzContext;
  header: string[];
  rows: Row[];
  roles: Partial<Record<Role, number>>;
  /** Columns of free text (descriptions, names). */
  text: number[];
  /** Value -> USD factor. */
  scale: number;
  eol: string;
  /** Per-line ends (mixed line ends), else `eol` everywhere. */
  eols: string[] | null;
  finalEol: boolean;
  bom: boolean;
  prefix: string;
  suffix: string;
  options: IngestOptions;
  stem: string;
  format: 'baci' | 'comtrade' | 'exports';
  accept: Acceptance;
  mutations: string[];
  /** Byte-level transforms, applied to the serialised CSV in order. */
  byteTransforms: Array<(bytes: Buffer) => Buffer>;
  container: 'plain' | 'gzip' | 'zip';
  escapeNames: string[];
  known: string[];
}

const strictness: Record<Acceptance, number> = { must: 0, may: 1, never: 2 };

function mark(doc: Doc, name: string, accept: Acceptance): true {
  doc.mutations.push(name);
  if (strictness[accept] > strictness[doc.accept]) doc.accept = accept;
  return true;
}

/** Characters U+E000-U+E0FF stand for raw bytes 0x00-0xFF in the serialised text. */
const rawByte = (b: number) => String.fromCharCode(0xe000 + b);
const rawBytes = (bytes: number[]) => bytes.map(rawByte).join('');

function encode(text: string): Buffer {
  const parts = text.split(/([\ue000-\ue0ff]+)/);
  return Buffer.concat(
    parts.map((part, i) =>
      i % 2 === 1 ? Buffer.from([...part].map((c) => c.charCodeAt(0) - 0xe000)) : Buffer.from(part, 'utf8'),
    ),
  );
}

function serialize(doc: Doc, rows: Row[] = doc.rows): string {
  const lines = [doc.header.join(','), ...rows.map((r) => r.cells.join(','))];
  let out = doc.bom ? '\ufeff' : '';
  out += doc.prefix;
  lines.forEach((line, i) => {
    out += line;
    if (i < lines.length - 1 || doc.finalEol) out += doc.eols ? doc.eols[i % doc.eols.length]! : doc.eol;
  });
  return out + doc.suffix;
}

const kept = (doc: Doc) => doc.rows.filter((r) => r.kept);
const keptRow = (doc: Doc): Row | undefined => {
  const rows = kept(doc);
  return rows.length ? doc.rand.pick(rows) : undefined;
};
const anyRow = (doc: Doc): Row | undefined =>
  doc.rows.length ? doc.rand.pick(doc.rows.filter((r) => r.cells.length > 0)) : undefined;
const roleIndex = (doc: Doc, role: Role): number | undefined => doc.roles[role];

/** A value cell as written (with its meaning in file units). */
function valueText(r: Rand, reader: Reader): { text: string; value: number } {
  const kind = r.weighted([
    [5, 'decimals'],
    [2, 'integer'],
    [1, 'small'],
    [1, 'large'],
    [0.3, 'zero'],
  ] as const);
  let text: string;
  if (kind === 'decimals') text = (r.int(1, 99_999_999) / 1000).toFixed(3);
  else if (kind === 'integer') text = String(r.int(1, 5_000_000));
  else if (kind === 'small') text = (r.int(1, 999) / 1e6).toFixed(6);
  else if (kind === 'large') text = String(r.int(1, 9_000_000) * (reader === 'baci' ? 1000 : 100_000));
  else text = r.pick(['0', '0.000', '0.0']);
  return { text, value: Number(text) };
}

function qtyText(r: Rand): string {
  const q = r.weighted([
    [5, () => (r.int(0, 9_999_999) / 1000).toFixed(3)],
    [2, () => 'NA'],
    [1, () => ''],
    [1, () => String(r.int(0, 100_000))],
  ] as const)();
  return q;
}

// ---- readers' documents -----------------------------------------------------------------------

const baciHeaders = [
  ['"t"', '"i"', '"j"', '"k"', '"v"', '"q"'],
  ['t', 'i', 'j', 'k', 'v', 'q'],
  ['T', 'I', 'J', 'K', 'V', 'Q'],
];

function baciDoc(r: Rand, ctx: FuzzContext, size: number): Doc {
  const { numeric } = codes(ctx);
  const header = [...r.pick(baciHeaders)];
  const years = r.chance(0.7)
    ? [r.int(1995, ctx.yearMax - 1)]
    : [...new Set(Array.from({ length: r.int(2, 4) }, () => r.int(1995, ctx.yearMax - 1)))];
  const seen = new Set<string>();
  const rows: Row[] = [];
  let guard = 0;
  while (rows.length < size && guard++ < size * 5) {
    const year = r.pick(years);
    const ex = r.pick(numeric);
    const im = r.pick(numeric);
    if (ex.iso3 === im.iso3) continue;
    const k = r.int(10_000, 999_999);
    const key = `${year}|${ex.iso3}|${im.iso3}|${k}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const v = valueText(r, 'baci');
    const q = qtyText(r);
    const qCell = r.chance(0.8) ? `"${q.padStart(13)}"` : q;
    const kCell = r.chance(0.8) ? String(k) : String(k).padStart(6, '0');
    rows.push({
      cells: [String(year), String(ex.code), String(im.code), kCell, v.text, qCell],
      usd: v.value * 1000,
      kept: true,
      group: String(year),
      touched: new Set(),
    });
  }
  const stemYear = years.length === 1 ? `_Y${years[0]}` : '';
  return newDoc(
    r,
    ctx,
    'baci',
    header,
    rows,
    { year: 0, exporter: 1, importer: 2, product: 3, value: 4, qty: 5 },
    [],
    1000,
    `BACI_HS${r.pick(['92', '96', '02', '07', '12', '17', '22'])}${stemYear}_V202401`,
  );
}

const comtradeCurrentHeader =
  'typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate'.split(
    ',',
  );
const comtradeLegacyHeader =
  'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,2nd Partner Code,2nd Partner,2nd Partner ISO,Customs Proc. Code,Customs,Mode of Transport Code,Mode of Transport,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Alt Qty Unit Code,Alt Qty Unit,Alt Qty,Netweight (kg),Gross weight (kg),Trade Value (US$),CIF Trade Value (US$),FOB Trade Value (US$),Flag'.split(
    ',',
  );

const descriptions = [
  'Combine harvester-threshers',
  '"Tractors, road"',
  '"Desc ""quoted"", with comma"',
  'Live horses',
  'Petroleum oils; crude',
  '"Мясо крупного рогатого скота"',
  'Käse',
];

function hsCode(r: Rand): string {
  const level = r.pick([2, 4, 6, 6, 6]);
  let code = String(r.int(1, 97)).padStart(2, '0');
  while (code.length < level) code += String(r.int(0, 99)).padStart(2, '0');
  return code;
}
/** The stored form of a non-BACI product code (odd lengths lost a leading zero). */
const normProduct = (code: string) => (code.length % 2 === 1 ? `0${code}` : code);

function comtradeDoc(r: Rand, ctx: FuzzContext, size: number): Doc {
  const { numeric } = codes(ctx);
  const legacy = r.chance(0.4);
  const header = [...(legacy ? comtradeLegacyHeader : comtradeCurrentHeader)];
  const col = (name: string) => header.indexOf(name);
  const roles: Doc['roles'] = legacy
    ? {
        year: col('Year'),
        reporter: col('Reporter Code'),
        partner: col('Partner Code'),
        flow: col('Trade Flow Code'),
        product: col('Commodity Code'),
        value: col('Trade Value (US$)'),
        qty: col('Netweight (kg)'),
        mot: col('Mode of Transport Code'),
        customs: col('Customs Proc. Code'),
        partner2: col('2nd Partner Code'),
      }
    : {
        year: col('refYear'),
        reporter: col('reporterCode'),
        partner: col('partnerCode'),
        flow: col('flowCode'),
        product: col('cmdCode'),
        value: col('primaryValue'),
        qty: col('netWgt'),
        mot: col('motCode'),
        customs: col('customsCode'),
        partner2: col('partner2Code'),
        freq: col('freqCode'),
      };
  const text = (legacy ? ['Reporter', 'Partner', 'Commodity'] : ['reporterDesc', 'partnerDesc', 'cmdDesc']).map(col);
  const reporters = r.chance(0.8) ? [r.pick(numeric)] : [r.pick(numeric), r.pick(numeric)];
  const years = [r.int(ctx.yearMin, ctx.yearMax)];
  if (r.chance(0.3)) years.push(r.int(ctx.yearMin, ctx.yearMax));
  const seen = new Set<string>();
  const rows: Row[] = [];
  let guard = 0;
  while (rows.length < size && guard++ < size * 5) {
    const reporter = r.pick(reporters);
    const world = r.chance(0.1);
    const partner = world ? { code: 0, iso3: 'WLD' } : r.pick(numeric);
    if (partner.iso3 === reporter.iso3) continue;
    const year = r.pick(years);
    const isExport = r.chance(0.5);
    const product = hsCode(r);
    // Rows the reader skips: re-exports, the TOTAL commodity, breakdowns.
    const skip =
      rows.length === 0
        ? 'none'
        : r.weighted([
            [12, 'none'],
            [1, 'reflow'],
            [1, 'total'],
            [1, 'mot'],
            [1, 'customs'],
            [1, 'partner2'],
          ] as const);
    const exporter = isExport ? reporter.iso3 : partner.iso3;
    const importer = isExport ? partner.iso3 : reporter.iso3;
    const key = `${year}|${exporter}|${importer}|${normProduct(product)}|${reporter.iso3}`;
    if (skip === 'none') {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const v = valueText(r, 'comtrade');
    const cells = new Array<string>(header.length).fill('');
    const set = (role: Role, value: string) => (cells[roles[role]!] = value);
    let flow = legacy ? (isExport ? '2' : '1') : isExport ? 'X' : 'M';
    if (skip === 'reflow') flow = legacy ? (isExport ? '4' : '3') : isExport ? 'RX' : 'RM';
    set('year', String(year));
    set('reporter', String(reporter.code));
    set('partner', String(partner.code));
    set('flow', flow);
    set('product', skip === 'total' ? 'TOTAL' : product);
    set('value', v.text);
    set('qty', r.pick(['', String(r.int(0, 9_000_000)), (r.int(0, 9_000_000) / 10).toFixed(1)]));
    set('mot', skip === 'mot' ? r.pick(['3100', '2000', '9000']) : legacy ? '' : '0');
    set('customs', skip === 'customs' ? r.pick(['C01', 'C20']) : legacy ? '' : 'C00');
    set('partner2', skip === 'partner2' ? String(r.pick(numeric).code) : legacy ? '' : '0');
    if (roles.freq !== undefined) set('freq', 'A');
    for (const t of text) cells[t] = r.pick(descriptions);
    // The fallback columns a reader may use when a code column is missing hold the same facts.
    cells[col(legacy ? 'Reporter ISO' : 'reporterISO')] = reporter.iso3;
    cells[col(legacy ? 'Partner ISO' : 'partnerISO')] = world ? 'W00' : partner.iso3;
    cells[col(legacy ? 'Trade Flow' : 'flowDesc')] =
      skip === 'reflow' ? (isExport ? 'Re-export' : 'Re-import') : isExport ? 'Export' : 'Import';
    if (legacy) {
      cells[col('Classification')] = 'H5';
      cells[col('Period')] = String(year);
    } else {
      cells[col('typeCode')] = 'C';
      cells[col('refPeriodId')] = `${year}0101`;
      cells[col('period')] = String(year);
      cells[col('classificationCode')] = r.pick(['H0', 'H5', 'H6', 'HS']);
      cells[col('isOriginalClassification')] = 'True';
      cells[col('aggrLevel')] = String(product.length);
      cells[col('isReported')] = 'True';
    }
    rows.push({ cells, usd: v.value, kept: skip === 'none', group: String(year), touched: new Set() });
  }
  return newDoc(r, ctx, 'comtrade', header, rows, roles, text, 1, legacy ? 'comtrade_legacy' : 'TradeData');
}

const exportDefaultNames: Record<'year' | 'exporter' | 'product' | 'value', string[]> = {
  year: ['year', 'Year', 't', 'time', 'period', 'refYear'],
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
  product: ['product', 'product_code', 'hs', 'hs4', 'hs6', 'hs92', 'hs07', 'hs17', 'commodity', 'cmdCode', 'k'],
  value: [
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
const exportCustomNames: Record<'year' | 'exporter' | 'product' | 'value', string[]> = {
  year: ['yr', 'annee', 'god', 'Jahr', 'refPeriod'],
  exporter: ['orig', 'cty', 'strana', 'exp_code', 'src'],
  product: ['code', 'tnved', 'hs_code', 'good', 'item'],
  value: ['val', 'usd', 'amount', 'summa', 'trade'],
};

function exportsDoc(r: Rand, ctx: FuzzContext, size: number): Doc {
  const { written } = codes(ctx);
  const useMap = r.chance(0.5);
  const roleNames = (['year', 'exporter', 'product', 'value'] as const).map(
    (role) => [role, r.pick(exportDefaultNames[role])] as [typeof role, string],
  );
  const map: Record<string, 'year' | 'exporter' | 'product' | 'valueUsd'> = {};
  if (useMap) {
    // Map some or all roles to names the defaults do not know.
    const mapped = r.shuffle([0, 1, 2, 3]).slice(0, r.int(1, 4));
    for (const i of mapped) {
      const role = roleNames[i]![0];
      roleNames[i]![1] = r.pick(exportCustomNames[role]);
      map[r.chance(0.2) ? roleNames[i]![1].toUpperCase() : roleNames[i]![1]] = role === 'value' ? 'valueUsd' : role;
    }
  }
  const extras = r.shuffle(['name', 'rank', 'note']).slice(0, r.int(0, 2));
  const columns = r.shuffle([
    ...roleNames.map(([role, name]) => ({ role, name })),
    ...extras.map((name) => ({ role: undefined, name })),
  ]);
  const header = columns.map((c) => c.name);
  const roles: Doc['roles'] = {};
  for (const [i, c] of columns.entries()) if (c.role) roles[c.role] = i;
  const text = columns.flatMap((c, i) => (c.name === 'name' || c.name === 'note' ? [i] : []));
  const years = [r.int(ctx.yearMin, ctx.yearMax)];
  if (r.chance(0.3)) years.push(r.int(ctx.yearMin, ctx.yearMax));
  const seen = new Set<string>();
  const rows: Row[] = [];
  let guard = 0;
  while (rows.length < size && guard++ < size * 5) {
    const year = r.pick(years);
    const country = r.pick(written);
    let product = hsCode(r);
    const key = `${year}|${country.iso3}|${product}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // An even-length code may be written without its leading zero (10121 for 010121).
    if (product.startsWith('0') && r.chance(0.3)) product = product.slice(1);
    let form = r.pick(country.forms);
    if (r.chance(0.1)) form = form.toLowerCase();
    if (r.chance(0.05)) form = ` ${form} `;
    const v = valueText(r, 'exports');
    const cells = columns.map((c) => {
      if (c.role === 'year') return String(year);
      if (c.role === 'exporter') return form;
      if (c.role === 'product') return product;
      if (c.role === 'value') return v.text;
      if (c.name === 'rank') return String(r.int(1, 500));
      return r.pick(descriptions);
    });
    rows.push({ cells, usd: v.value, kept: true, group: String(year), touched: new Set() });
  }
  const doc = newDoc(r, ctx, 'exports', header, rows, roles, text, 1, useMap ? 'atlas_export' : 'exports_hs');
  if (useMap) doc.options.map = map;
  if (useMap) doc.mutations.push('map');
  return doc;
}

function newDoc(
  r: Rand,
  ctx: FuzzContext,
  reader: Reader,
  header: string[],
  rows: Row[],
  roles: Doc['roles'],
  text: number[],
  scale: number,
  stem: string,
): Doc {
  return {
    reader,
    rand: r,
    ctx,
    header,
    rows,
    roles,
    text,
    scale,
    eol: r.chance(0.5) ? '\r\n' : '\n',
    eols: null,
    finalEol: r.chance(0.9),
    bom: false,
    prefix: '',
    suffix: '',
    options: {},
    stem,
    format: reader,
    accept: 'must',
    mutations: [],
    byteTransforms: [],
    container: 'plain',
    escapeNames: [],
    known: [],
  };
}

// ---- mutations ---------------------------------------------------------------------------------

interface Mutation {
  name: string;
  /** Order of application: rows, then the file (header, line ends), then `last`, then bytes. */
  level: 'row' | 'file' | 'last' | 'bytes';
  weight: number;
  readers?: Reader[];
  /** Applies the mutation; false when it does not apply to this document. */
  apply(doc: Doc): boolean;
}

/** A row whose cell `col` no mutation has written yet (and marks it written). */
function claimRow(doc: Doc, col: number | undefined, pool: 'kept' | 'any'): Row | undefined {
  if (col === undefined) return undefined;
  const rows = doc.rows.filter((r) => r.cells.length > 0 && (pool === 'any' || r.kept) && !r.touched.has(col));
  if (rows.length === 0) return undefined;
  const row = doc.rand.pick(rows);
  row.touched.add(col);
  return row;
}

/** Replaces a value cell by a text meaning `meaning` in file units (null: must be refused). */
function setValue(
  doc: Doc,
  name: string,
  text: string,
  meaning: number | null,
  accept: Acceptance,
  which: Row | 'kept' | 'any' = 'kept',
): boolean {
  const col = roleIndex(doc, 'value');
  const row = typeof which === 'string' ? claimRow(doc, col, which) : which;
  if (!row || col === undefined) return false;
  row.cells[col] = text;
  if (meaning !== null) row.usd = meaning * doc.scale;
  return mark(doc, name, accept);
}

function setCell(
  doc: Doc,
  role: Role,
  name: string,
  text: string,
  accept: Acceptance,
  which: Row | 'kept' | 'any' = 'kept',
): boolean {
  const col = roleIndex(doc, role);
  const row = typeof which === 'string' ? claimRow(doc, col, which) : which;
  if (!row || col === undefined) return false;
  row.cells[col] = text;
  return mark(doc, name, accept);
}

function textCell(doc: Doc): { row: Row; col: number } | undefined {
  if (doc.text.length === 0) return undefined;
  const col = doc.rand.pick(doc.text);
  const row = claimRow(doc, col, 'any');
  return row ? { row, col } : undefined;
}

const mutations: Mutation[] = [
  // -- numbers --------------------------------------------------------------------------------
  {
    name: 'value-scientific',
    level: 'row',
    weight: 4,
    apply: (doc) => {
      const r = doc.rand;
      const literal = r.pick(['1e5', '1E-3', '2.5E+2', '1.234e3', '7e0', '3.0E1']);
      if (r.chance(0.5)) return setValue(doc, 'value-scientific', literal, Number(literal), 'must');
      const col = roleIndex(doc, 'value');
      const row = claimRow(doc, col, 'kept');
      if (!row || col === undefined) return false;
      const value = row.usd / doc.scale;
      const text = value === 0 ? '0e0' : value.toExponential();
      return setValue(doc, 'value-scientific', r.chance(0.5) ? text.toUpperCase() : text, Number(text), 'must', row);
    },
  },
  {
    name: 'value-thousands-separator',
    level: 'row',
    weight: 3,
    apply: (doc) => {
      const r = doc.rand;
      const whole = r.int(1000, 9_999_999);
      const grouped = whole.toLocaleString('en-US');
      const decimals = r.chance(0.5) ? `.${r.int(10, 99)}` : '';
      const sep = r.pick([',', ' ', '\u00a0', "'"]);
      const text = grouped.replaceAll(',', sep) + decimals;
      const meaning = Number(String(whole) + decimals);
      // Quoted, the cell is one field that means `meaning` if read at all; unquoted with a
      // comma it splits the row (wrong number of fields).
      if (sep === ',' && r.chance(0.4)) {
        const col = roleIndex(doc, 'value');
        const row = claimRow(doc, col, 'kept');
        if (!row || col === undefined) return false;
        row.cells[col] = text;
        if (row.cells[row.cells.length - 1]!.trim() === '') {
          // One field too many before an empty last field: DuckDB drops that field and reads the
          // row shifted (1,234 as 1): the known limitation of extra-cell-before-empty-last.
          doc.known.push('extra-field-before-empty-last');
          return mark(doc, 'value-thousands-unquoted-before-empty-last', 'may');
        }
        return mark(doc, 'value-thousands-unquoted', 'never');
      }
      return setValue(doc, 'value-thousands-separator', `"${text}"`, meaning, 'may');
    },
  },
  {
    name: 'value-decimal-comma',
    level: 'row',
    weight: 3,
    apply: (doc) => {
      const r = doc.rand;
      const whole = r.int(0, 99_999);
      const frac = String(r.int(1, 999)).padStart(3, '0');
      return setValue(doc, 'value-decimal-comma', `"${whole},${frac}"`, Number(`${whole}.${frac}`), 'may');
    },
  },
  {
    name: 'value-negative',
    level: 'row',
    weight: 2,
    apply: (doc) =>
      setValue(doc, 'value-negative', doc.rand.pick(['-5', '-0.001', '-1e5', '-12345.678']), null, 'never'),
  },
  {
    name: 'value-nan-infinity',
    level: 'row',
    weight: 3,
    apply: (doc) =>
      setValue(
        doc,
        'value-nan-infinity',
        doc.rand.pick(['NaN', 'nan', '-NaN', 'Infinity', '-Infinity', 'inf', '-inf', '1e400', '"NaN"']),
        null,
        'never',
      ),
  },
  {
    name: 'value-not-a-number',
    level: 'row',
    weight: 2,
    apply: (doc) => {
      // An empty cell is NULL, which only kept rows are checked for; text fails to parse anywhere.
      const text = doc.rand.pick(['', 'abc', 'n/a', '"NA"', '12abc', '0x1A', '1..2', '--5', '$100', '12%']);
      return setValue(doc, 'value-not-a-number', text, null, 'never', text === '' ? 'kept' : 'any');
    },
  },
  {
    name: 'value-negative-zero',
    level: 'row',
    weight: 1,
    apply: (doc) => setValue(doc, 'value-negative-zero', doc.rand.pick(['-0', '-0.0', '-0.000']), 0, 'must'),
  },
  {
    name: 'value-padded-or-signed',
    level: 'row',
    weight: 1,
    apply: (doc) => {
      const v = doc.rand.int(1, 99_999) / 100;
      return setValue(doc, 'value-padded-or-signed', doc.rand.pick([` ${v} `, `+${v}`, `"${v}"`, `" ${v}"`]), v, 'may');
    },
  },
  {
    name: 'value-huge',
    level: 'row',
    weight: 1,
    apply: (doc) => {
      const text = doc.rand.pick(['1e300', '9.99e299', '123456789012345678901234567890']);
      return setValue(doc, 'value-huge', text, Number(text), 'may');
    },
  },
  // -- years ------------------------------------------------------------------------------------
  {
    name: 'year-out-of-range',
    level: 'row',
    weight: 3,
    apply: (doc) => {
      const { yearMin, yearMax } = doc.ctx;
      return setCell(
        doc,
        'year',
        'year-out-of-range',
        String(doc.rand.pick([1850, yearMin - 1, yearMax + 1, 2099, 0, -2020, 9999, 99_999_999_999])),
        'never',
      );
    },
  },
  {
    name: 'year-not-whole',
    level: 'row',
    weight: 2,
    apply: (doc) => {
      const col = roleIndex(doc, 'year');
      const row = claimRow(doc, col, 'kept');
      if (!row || col === undefined) return false;
      const year = Number(row.cells[col]);
      if (!Number.isInteger(year)) return false;
      // 2020.5 is not a year: refused, never rounded to 2021.
      return setCell(doc, 'year', 'year-not-whole', `${year}.${doc.rand.int(1, 9)}`, 'never', row);
    },
  },
  {
    name: 'year-whole-written-oddly',
    level: 'row',
    weight: 1,
    apply: (doc) => {
      const col = roleIndex(doc, 'year');
      const row = claimRow(doc, col, 'kept');
      if (!row || col === undefined) return false;
      const year = Number(row.cells[col]);
      if (!Number.isInteger(year)) return false;
      return setCell(
        doc,
        'year',
        'year-whole-written-oddly',
        doc.rand.pick([`${year}.0`, ` ${year} `, `"${year}"`, (year / 1000).toString() + 'E3']),
        'may',
        row,
      );
    },
  },
  {
    name: 'year-text',
    level: 'row',
    weight: 1,
    apply: (doc) => {
      const text = doc.rand.pick(['', 'FY2020', '2020-01', 'year', '"2 020"']);
      return setCell(doc, 'year', 'year-text', text, 'never', text === '' ? 'kept' : 'any');
    },
  },
  // -- country codes ------------------------------------------------------------------------------
  {
    name: 'country-unknown',
    level: 'row',
    weight: 3,
    apply: (doc) => {
      const r = doc.rand;
      const c = codes(doc.ctx);
      const role = r.pick(
        doc.reader === 'baci'
          ? (['exporter', 'importer'] as const)
          : doc.reader === 'comtrade'
            ? (['reporter', 'partner'] as const)
            : (['exporter'] as const),
      );
      const code =
        doc.reader === 'exports'
          ? r.pick([...c.unknownText, ...c.unknownNumeric.map(String)])
          : String(r.pick(c.unknownNumeric));
      return setCell(doc, role, 'country-unknown', code, 'never');
    },
  },
  {
    name: 'country-code-not-whole',
    level: 'row',
    weight: 1,
    readers: ['baci', 'comtrade'],
    apply: (doc) => {
      const role = doc.reader === 'baci' ? doc.rand.pick(['exporter', 'importer'] as const) : 'partner';
      const col = roleIndex(doc, role);
      const row = claimRow(doc, col, 'kept');
      if (!row || col === undefined) return false;
      const code = Number(row.cells[col]);
      if (!Number.isInteger(code) || code === 0) return false;
      // 112.6 is no country code: refused, never rounded to 113.
      return setCell(doc, role, 'country-code-not-whole', `${code}.${doc.rand.int(1, 9)}`, 'never', row);
    },
  },
  {
    name: 'country-empty',
    level: 'row',
    weight: 1,
    apply: (doc) =>
      setCell(
        doc,
        doc.reader === 'comtrade' ? 'partner' : 'exporter',
        'country-empty',
        doc.rand.pick(['', '""', ' ']),
        'never',
      ),
  },
  // -- product codes ------------------------------------------------------------------------------
  {
    name: 'product-wrong-length',
    level: 'row',
    weight: 3,
    apply: (doc) => {
      const r = doc.rand;
      const code =
        doc.reader === 'baci'
          ? r.pick(['1234', '12', '1', '1234567', '99999999', '0', '9999'])
          : r.pick(['1234567', '84335100', '123456789012']);
      return setCell(doc, 'product', 'product-wrong-length', code, 'never');
    },
  },
  {
    name: 'product-not-digits',
    level: 'row',
    weight: 3,
    apply: (doc) => {
      const r = doc.rand;
      const code = r.pick([
        '12A456',
        '8433.51',
        '8433-51',
        'abc',
        '',
        '84 33 51',
        '-843351',
        '0x2797',
        '843351.4',
        '8433,51',
        '١٢٣٤',
      ]);
      return setCell(doc, 'product', 'product-not-digits', code.includes(',') ? `"${code}"` : code, 'never');
    },
  },
  // -- rows -------------------------------------------------------------------------------------
  {
    name: 'duplicate-row',
    level: 'row',
    weight: 2,
    apply: (doc) => {
      const row = keptRow(doc);
      if (!row) return false;
      doc.rows.splice(doc.rand.int(0, doc.rows.length), 0, {
        ...row,
        cells: [...row.cells],
        touched: new Set(row.touched),
      });
      return mark(doc, 'duplicate-row', 'never');
    },
  },
  {
    name: 'missing-cell',
    level: 'row',
    weight: 2,
    apply: (doc) => {
      const row = anyRow(doc);
      if (!row) return false;
      row.cells.splice(doc.rand.int(0, row.cells.length - 1), 1);
      return mark(doc, 'missing-cell', 'never');
    },
  },
  {
    name: 'extra-cell',
    level: 'row',
    weight: 2,
    apply: (doc) => {
      const row = anyRow(doc);
      if (!row) return false;
      row.cells.splice(doc.rand.int(0, row.cells.length), 0, doc.rand.pick(['1', '', 'x', '"a,b"']));
      if (row.cells[row.cells.length - 1]!.trim() === '') {
        // DuckDB drops empty fields past the last column, so this row reads as one shifted by a
        // field (no option turns that off): a known limitation, tallied apart from findings.
        doc.known.push('extra-field-before-empty-last');
        return mark(doc, 'extra-cell-before-empty-last', 'may');
      }
      return mark(doc, 'extra-cell', 'never');
    },
  },
  {
    name: 'unbalanced-quote',
    // After the row and file mutations, so that none of them brings a closing quote back.
    level: 'last',
    weight: 3,
    apply: (doc) => {
      const row = anyRow(doc);
      if (!row) return false;
      const col = doc.rand.pick(row.cells.map((_, i) => i));
      row.cells[col] = `"${row.cells[col]!.replaceAll('"', '')}`;
      // A quote opened and never closed before the end of the file.
      const last = doc.rows.indexOf(row);
      for (const later of doc.rows.slice(last + 1)) later.cells = later.cells.map((c) => c.replaceAll('"', ''));
      doc.suffix = doc.suffix.replaceAll('"', '');
      return mark(doc, 'unbalanced-quote', 'never');
    },
  },
  {
    name: 'stray-quote-in-number',
    level: 'row',
    weight: 1,
    apply: (doc) => {
      const col = roleIndex(doc, 'value');
      const row = claimRow(doc, col, 'any');
      if (!row || col === undefined) return false;
      row.cells[col] = `1"2`;
      return mark(doc, 'stray-quote-in-number', 'never');
    },
  },
  {
    name: 'quotes-inside-text',
    level: 'row',
    weight: 2,
    readers: ['comtrade', 'exports'],
    apply: (doc) => {
      const t = textCell(doc);
      if (!t) return false;
      t.row.cells[t.col] = doc.rand.pick([
        '"He said ""no"", twice"',
        '""""',
        '"a,""b"",c"',
        '"line one\nline two"',
        '"tab\there"',
      ]);
      return mark(doc, 'quotes-inside-text', 'may');
    },
  },
  {
    name: 'stray-quote-in-text',
    level: 'row',
    weight: 1,
    readers: ['comtrade', 'exports'],
    apply: (doc) => {
      const t = textCell(doc);
      if (!t) return false;
      t.row.cells[t.col] = doc.rand.pick(['5" pipes', 'O"Brien', 'x"']);
      return mark(doc, 'stray-quote-in-text', 'may');
    },
  },
  {
    name: 'qty-bad',
    level: 'row',
    weight: 2,
    readers: ['baci', 'comtrade'],
    apply: (doc) =>
      setCell(
        doc,
        'qty',
        'qty-bad',
        doc.rand.pick(['-3', '"  -3"', '12x', 'NaN', 'Infinity', '"  N/A"', 'null?']),
        'never',
      ),
  },
  {
    name: 'qty-scientific',
    level: 'row',
    weight: 1,
    readers: ['baci', 'comtrade'],
    apply: (doc) => setCell(doc, 'qty', 'qty-scientific', doc.rand.pick(['1e3', '"  2.5E-1"', '0E0']), 'must'),
  },
  // -- Comtrade rules -------------------------------------------------------------------------
  {
    name: 'comtrade-skipped-rows',
    level: 'row',
    weight: 2,
    readers: ['comtrade'],
    apply: (doc) => {
      // Another skipped row, written with garbage in the cells the reader never checks on skipped rows.
      const row = keptRow(doc);
      if (!row) return false;
      const copy: Row = { ...row, cells: [...row.cells], kept: false, touched: new Set(row.touched) };
      const flow = roleIndex(doc, 'flow')!;
      const legacy = doc.header.includes('Trade Flow Code');
      copy.cells[flow] = legacy ? doc.rand.pick(['3', '4']) : doc.rand.pick(['RX', 'RM', 'DX', 'FM']);
      doc.rows.splice(doc.rand.int(0, doc.rows.length), 0, copy);
      if (!doc.rand.chance(0.5)) return mark(doc, 'comtrade-skipped-rows', 'must');
      // Values no kept row may have, in a row the reader skips: it need not look at them.
      const role = doc.rand.pick(['value', 'year', 'partner'] as const);
      copy.cells[roleIndex(doc, role)!] =
        role === 'value' ? '-5' : role === 'year' ? '1850' : String(doc.rand.pick(codes(doc.ctx).unknownNumeric));
      return mark(doc, 'comtrade-skipped-rows-garbage', 'may');
    },
  },
  {
    name: 'comtrade-flow-spelling',
    level: 'row',
    weight: 1,
    readers: ['comtrade'],
    apply: (doc) => {
      const col = roleIndex(doc, 'flow');
      const row = claimRow(doc, col, 'kept');
      if (!row || col === undefined) return false;
      const isExport = ['X', '2'].includes(row.cells[col]!);
      row.cells[col] = doc.rand.pick(isExport ? ['Export', ' x ', 'EXPORTS', 'x'] : ['Import', ' m ', 'IMPORTS', 'm']);
      return mark(doc, 'comtrade-flow-spelling', 'must');
    },
  },
  {
    name: 'comtrade-monthly',
    level: 'row',
    weight: 1,
    readers: ['comtrade'],
    apply: (doc) =>
      doc.roles.freq === undefined
        ? false
        : setCell(doc, 'freq', 'comtrade-monthly', doc.rand.pick(['M', 'Q']), 'never'),
  },
  {
    name: 'comtrade-all-skipped',
    level: 'row',
    weight: 1,
    readers: ['comtrade'],
    apply: (doc) => {
      const col = roleIndex(doc, 'product')!;
      for (const row of doc.rows) {
        row.cells[col] = 'TOTAL';
        row.kept = false;
      }
      return mark(doc, 'comtrade-all-skipped', 'never');
    },
  },
  // -- header -----------------------------------------------------------------------------------
  {
    name: 'header-duplicated-column',
    level: 'file',
    weight: 2,
    apply: (doc) => {
      // (Not on a header another mutation emptied, as empty-file does.)
      if (doc.header.length < 2) return false;
      const i = doc.rand.int(0, doc.header.length - 1);
      const j = (i + 1 + doc.rand.int(0, doc.header.length - 2)) % doc.header.length;
      doc.header[j] = doc.rand.chance(0.5) ? doc.header[i]! : ` ${doc.header[i]!.toUpperCase()} `;
      return mark(doc, 'header-duplicated-column', 'never');
    },
  },
  {
    name: 'header-missing-column',
    level: 'file',
    weight: 2,
    apply: (doc) => {
      const required = (
        ['year', 'exporter', 'importer', 'reporter', 'partner', 'flow', 'product', 'value'] as const
      ).filter((r) => doc.roles[r] !== undefined);
      const role = doc.rand.pick(required);
      const col = doc.roles[role]!;
      // Comtrade files say year, reporter, partner and flow twice (period, ISO codes, flow
      // description): without the code column the reader may use the other one, same facts
      // (unless a mutation wrote into the removed column: then the input is not removed).
      const fallback = doc.reader === 'comtrade' && ['year', 'reporter', 'partner', 'flow'].includes(role);
      if (fallback && doc.rows.some((r) => r.touched.has(col))) return false;
      doc.header.splice(col, 1);
      for (const row of doc.rows) row.cells.splice(col, 1);
      remapColumns(doc, (i) => (i === col ? undefined : i > col ? i - 1 : i));
      return mark(
        doc,
        fallback ? 'header-missing-column-with-fallback' : 'header-missing-column',
        fallback ? 'may' : 'never',
      );
    },
  },
  {
    name: 'header-missing-optional-column',
    level: 'file',
    weight: 1,
    readers: ['comtrade'],
    apply: (doc) => {
      // Columns a Comtrade file may lack: weight (quantities then missing), classification,
      // frequency; a breakdown column only when no row is a breakdown by it.
      const names = [
        'netWgt',
        'Netweight (kg)',
        'classificationCode',
        'Classification',
        'freqCode',
        'motCode',
        'Mode of Transport Code',
        'customsCode',
        'Customs Proc. Code',
        'partner2Code',
        '2nd Partner Code',
      ];
      const breakdown: Partial<Record<string, Role>> = {
        motCode: 'mot',
        'Mode of Transport Code': 'mot',
        customsCode: 'customs',
        'Customs Proc. Code': 'customs',
        partner2Code: 'partner2',
        '2nd Partner Code': 'partner2',
      };
      const defaults: Partial<Record<Role, string[]>> = { mot: ['0', ''], customs: ['C00', ''], partner2: ['0', ''] };
      const candidates = doc.header
        .map((h, i) => ({ h: h.replaceAll('"', '').trim(), i }))
        .filter(({ h, i }) => {
          const known = names.find((n) => n.toLowerCase() === h.toLowerCase());
          if (!known || doc.rows.some((r) => r.touched.has(i))) return false;
          const role = breakdown[known];
          return (
            !role ||
            doc.rows.every((r) => r.cells.length === 0 || defaults[role]!.includes(r.cells[i]!.trim().toUpperCase()))
          );
        });
      if (candidates.length === 0) return false;
      const { i: col } = doc.rand.pick(candidates);
      doc.header.splice(col, 1);
      for (const row of doc.rows) row.cells.splice(col, 1);
      remapColumns(doc, (i) => (i === col ? undefined : i > col ? i - 1 : i));
      return mark(doc, 'header-missing-optional-column', 'must');
    },
  },
  {
    name: 'header-extra-column',
    level: 'file',
    weight: 2,
    apply: (doc) => {
      const at = doc.rand.int(0, doc.header.length);
      doc.header.splice(at, 0, doc.rand.pick(['comment', 'flag_x', '"note, extra"']));
      for (const row of doc.rows)
        if (row.cells.length > 0) row.cells.splice(at, 0, doc.rand.pick(['', 'x', '1', '"a, b"']));
      remapColumns(doc, (i) => (i >= at ? i + 1 : i));
      // BACI has exactly six columns; the other layouts find their columns by name.
      return mark(doc, 'header-extra-column', doc.reader === 'baci' ? 'never' : 'must');
    },
  },
  {
    name: 'header-case-and-spaces',
    level: 'file',
    weight: 2,
    apply: (doc) => {
      doc.header = doc.header.map((h) => {
        const bare = h.replaceAll('"', '');
        const changed = doc.rand.chance(0.5) ? bare.toUpperCase() : ` ${bare} `;
        return doc.rand.chance(0.5) || changed.includes(',') ? `"${changed}"` : changed;
      });
      return mark(doc, 'header-case-and-spaces', 'must');
    },
  },
  {
    name: 'header-column-order',
    level: 'file',
    weight: 1,
    apply: (doc) => {
      const order = doc.rand.shuffle(doc.header.map((_, i) => i));
      if (order.every((o, i) => o === i)) return false;
      doc.header = order.map((o) => doc.header[o]!);
      for (const row of doc.rows) if (row.cells.length === order.length) row.cells = order.map((o) => row.cells[o]!);
      remapColumns(doc, (i) => order.indexOf(i));
      // BACI is recognised by its t,i,j,k,v,q order.
      return mark(doc, 'header-column-order', doc.reader === 'baci' ? 'never' : 'must');
    },
  },
  {
    name: 'header-only',
    level: 'file',
    weight: 2,
    apply: (doc) => {
      doc.rows = [];
      return mark(doc, 'header-only', 'never');
    },
  },
  {
    name: 'empty-file',
    level: 'file',
    weight: 1,
    apply: (doc) => {
      doc.header = [];
      doc.rows = [];
      doc.finalEol = false;
      doc.bom = false;
      doc.byteTransforms.push(() => Buffer.alloc(0));
      return mark(doc, 'empty-file', 'never');
    },
  },
  {
    name: 'whitespace-only',
    level: 'file',
    weight: 1,
    apply: (doc) => {
      doc.byteTransforms.push(() => Buffer.from(doc.rand.pick(['\n', '\r\n\r\n', '   \n', '\t', ',,,,\n'])));
      return mark(doc, 'whitespace-only', 'never');
    },
  },
  {
    name: 'no-header',
    level: 'file',
    weight: 1,
    apply: (doc) => {
      if (doc.rows.length === 0) return false;
      doc.header = doc.rows.shift()!.cells;
      return mark(doc, 'no-header', 'never');
    },
  },
  {
    name: 'forced-format',
    level: 'file',
    weight: 1,
    apply: (doc) => {
      if (doc.rand.chance(0.5)) {
        doc.options.format = doc.format;
        return mark(doc, 'forced-format-right', 'must');
      }
      // (A Comtrade file forced to be an exporter table is left out: some columns might fit.)
      doc.options.format = doc.rand.pick(
        doc.reader === 'baci'
          ? (['comtrade', 'exports'] as const)
          : (['baci', 'comtrade'] as const).filter((f) => f !== doc.format),
      );
      return mark(doc, 'forced-format-wrong', 'never');
    },
  },
  {
    name: 'source-option',
    level: 'file',
    weight: 1,
    apply: (doc) => {
      const good = doc.rand.chance(0.5);
      doc.options.source = good
        ? doc.rand.pick(['fuzz', 'my-src', 'A_1'])
        : doc.rand.pick(['../escape', 'a/b', '', 'x'.repeat(40), 'src=1', '..']);
      return mark(doc, good ? 'source-option' : 'source-option-invalid', good ? 'must' : 'never');
    },
  },
  {
    name: 'map-bad',
    level: 'file',
    weight: 1,
    readers: ['exports'],
    apply: (doc) => {
      doc.options.map = { ...(doc.options.map ?? {}) };
      if (doc.rand.chance(0.5)) doc.options.map['no_such_column'] = 'year';
      else (doc.options.map as Record<string, string>)[doc.header[0]!] = 'colour';
      return mark(doc, 'map-bad', 'never');
    },
  },
  // -- line ends, BOM, blank lines ------------------------------------------------------------
  {
    name: 'bom',
    level: 'file',
    weight: 3,
    apply: (doc) => {
      doc.bom = true;
      return mark(doc, 'bom', 'must');
    },
  },
  {
    name: 'double-bom',
    level: 'file',
    weight: 1,
    apply: (doc) => {
      doc.bom = true;
      doc.prefix = '\ufeff' + doc.prefix;
      return mark(doc, 'double-bom', 'may');
    },
  },
  {
    name: 'cr-only-line-ends',
    level: 'file',
    weight: 2,
    apply: (doc) => {
      doc.eol = '\r';
      doc.eols = null;
      return mark(doc, 'cr-only-line-ends', 'may');
    },
  },
  {
    name: 'mixed-line-ends',
    level: 'file',
    weight: 2,
    apply: (doc) => {
      doc.eols = Array.from({ length: 7 }, () => doc.rand.pick(['\n', '\r\n', '\n', '\r\n', '\r']));
      return mark(doc, 'mixed-line-ends', 'may');
    },
  },
  {
    name: 'no-final-line-end',
    level: 'file',
    weight: 2,
    apply: (doc) => {
      doc.finalEol = false;
      return mark(doc, 'no-final-line-end', 'must');
    },
  },
  {
    name: 'blank-lines',
    level: 'file',
    weight: 2,
    apply: (doc) => {
      const where = doc.rand.pick(['middle', 'end', 'start'] as const);
      const blank: Row = { cells: [], usd: 0, kept: false, group: doc.rows[0]?.group ?? '0', touched: new Set() };
      if (where === 'middle') doc.rows.splice(doc.rand.int(0, doc.rows.length), 0, blank);
      else if (where === 'end') doc.suffix += doc.eol.repeat(doc.rand.int(1, 3));
      else doc.prefix = doc.eol + doc.prefix;
      return mark(doc, `blank-lines-${where}`, where === 'start' ? 'never' : 'may');
    },
  },
  {
    name: 'ctrl-z-at-end',
    level: 'file',
    weight: 1,
    apply: (doc) => {
      doc.suffix += '\x1a';
      return mark(doc, 'ctrl-z-at-end', 'may');
    },
  },
  {
    name: 'other-delimiter',
    level: 'file',
    weight: 1,
    apply: (doc) => {
      const delim = doc.rand.pick(['\t', ';', '|']);
      const plain = (c: string) => (c.startsWith('"') && c.endsWith('"') ? c : c.replaceAll(',', '.'));
      doc.header = [doc.header.map(plain).join(delim)];
      for (const row of doc.rows) row.cells = [row.cells.map(plain).join(delim)];
      return mark(doc, 'other-delimiter', 'never');
    },
  },
  // -- bytes ------------------------------------------------------------------------------------
  {
    name: 'utf16',
    level: 'bytes',
    weight: 2,
    apply: (doc) => {
      const bom = doc.rand.chance(0.7);
      const be = doc.rand.chance(0.3);
      doc.byteTransforms.push((bytes) => {
        const le = Buffer.from((bom ? '\ufeff' : '') + bytes.toString('utf8'), 'utf16le');
        return be ? le.swap16() : le;
      });
      return mark(doc, 'utf16', 'never');
    },
  },
  {
    name: 'latin1-or-cp1251-text',
    level: 'row',
    weight: 3,
    readers: ['comtrade', 'exports'],
    apply: (doc) => {
      const t = textCell(doc);
      if (!t) return false;
      // "Käse" in Latin-1, "Беларусь" in CP1251: bytes that are not UTF-8.
      t.row.cells[t.col] = doc.rand.pick([
        `K${rawBytes([0xe4])}se`,
        rawBytes([0xc1, 0xe5, 0xeb, 0xe0, 0xf0, 0xf3, 0xf1, 0xfc]),
        `"${rawBytes([0xca, 0xe0, 0xe7, 0xe0, 0xf5, 0xf1, 0xf2, 0xe0, 0xed])}, x"`,
      ]);
      return mark(doc, 'latin1-or-cp1251-text', 'may');
    },
  },
  {
    name: 'latin1-or-cp1251-number',
    level: 'row',
    weight: 1,
    apply: (doc) => setValue(doc, 'latin1-or-cp1251-number', `12${rawBytes([0xa0])}345`, null, 'never', 'any'),
  },
  {
    name: 'cp1251-whole-file',
    level: 'bytes',
    weight: 1,
    readers: ['comtrade', 'exports'],
    apply: (doc) => {
      const t = textCell(doc);
      if (!t) return false;
      t.row.cells[t.col] = 'Беларусь';
      // Re-encode every Cyrillic letter as its CP1251 byte.
      doc.byteTransforms.push((bytes) => {
        const text = bytes.toString('utf8');
        const out: number[] = [];
        for (const ch of text) {
          const cp = ch.codePointAt(0)!;
          if (cp >= 0x410 && cp <= 0x44f) out.push(cp - 0x410 + 0xc0);
          else out.push(...Buffer.from(ch, 'utf8'));
        }
        return Buffer.from(out);
      });
      return mark(doc, 'cp1251-whole-file', 'may');
    },
  },
  {
    name: 'nul-byte',
    level: 'row',
    weight: 3,
    apply: (doc) => {
      const where = doc.rand.pick(['number', 'text', 'header'] as const);
      if (where === 'header') {
        doc.header[doc.rand.int(0, doc.header.length - 1)] += rawByte(0);
        return mark(doc, 'nul-byte-header', 'never');
      }
      if (where === 'text') {
        const t = textCell(doc);
        if (!t) return false;
        t.row.cells[t.col] = `ab${rawByte(0)}cd`;
        return mark(doc, 'nul-byte-text', 'may');
      }
      const col = roleIndex(doc, 'value');
      const row = claimRow(doc, col, 'any');
      if (!row || col === undefined) return false;
      row.cells[col] = `${row.cells[col]}${rawByte(0)}`;
      return mark(doc, 'nul-byte-number', 'never');
    },
  },
  {
    name: 'huge-line',
    level: 'row',
    weight: 0.6,
    apply: (doc) => {
      const mb = doc.rand.pick([1.5, 2.5, 3]);
      const filler = 'x'.repeat(Math.floor(mb * 1024 * 1024));
      const where = doc.rand.pick(['header', 'text', 'qty', 'value'] as const);
      if (where === 'header') {
        doc.header[doc.header.length - 1] += filler;
        return mark(doc, 'huge-line-header', 'never');
      }
      if (where === 'text') {
        const t = textCell(doc);
        if (!t) return false;
        t.row.cells[t.col] = filler;
        // Lines up to 2 MiB are read; longer ones are refused with a clear error.
        return mark(doc, 'huge-line-text', mb < 2 ? 'may' : 'never');
      }
      if (where === 'qty') {
        const col = roleIndex(doc, 'qty');
        const row = claimRow(doc, col, 'kept');
        if (!row || col === undefined) return false;
        row.cells[col] = `"${' '.repeat(filler.length)}12.5"`;
        return mark(doc, 'huge-line-padded-number', mb < 2 ? 'may' : 'never');
      }
      return setValue(doc, 'huge-line-digits', '1'.repeat(filler.length), null, 'never');
    },
  },
  {
    name: 'binary-garbage',
    level: 'bytes',
    weight: 1,
    apply: (doc) => {
      const n = doc.rand.int(1, 5000);
      const r = doc.rand;
      doc.byteTransforms.push(() => Buffer.from(Array.from({ length: n }, () => r.int(0, 255))));
      return mark(doc, 'binary-garbage', 'never');
    },
  },
  {
    name: 'cut-inside-quote',
    level: 'bytes',
    weight: 1,
    apply: (doc) => {
      doc.byteTransforms.push((bytes) => {
        const text = bytes.toString('latin1');
        const last = text.lastIndexOf('"', text.length - 3);
        const headerEnd = text.indexOf('\n');
        // Cut right after an opening quote in the data: the quote never closes. A file without
        // one gets a last line that opens a quote; after a file without a final line end, the
        // line end comes first, or the quote would land inside the last field (`310"12`), which
        // is not an opening quote (a generator bug found at exporter table input 6806).
        if (last > headerEnd && headerEnd > 0) return Buffer.concat([bytes.subarray(0, last + 1), Buffer.from('12')]);
        const ended = bytes.length === 0 || bytes[bytes.length - 1] === 0x0a || bytes[bytes.length - 1] === 0x0d;
        return Buffer.concat([bytes, Buffer.from(ended ? '"12' : '\n"12')]);
      });
      return mark(doc, 'cut-inside-quote', 'never');
    },
  },
];

/** After columns moved: where column i went (undefined: removed), for roles, text columns and written cells. */
function remapColumns(doc: Doc, to: (i: number) => number | undefined): void {
  const roles: Doc['roles'] = {};
  for (const role of Object.keys(doc.roles) as Role[]) {
    const i = to(doc.roles[role]!);
    if (i !== undefined) roles[role] = i;
  }
  doc.roles = roles;
  doc.text = doc.text.flatMap((t) => (to(t) === undefined ? [] : [to(t)!]));
  for (const row of doc.rows)
    row.touched = new Set([...row.touched].flatMap((t) => (to(t) === undefined ? [] : [to(t)!])));
}

// ---- containers --------------------------------------------------------------------------------

interface ZipEntryInfo {
  name: string;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  centralOffset: number;
  dataStart: number;
}

/** Minimal reader of a zip's central directory (no zip64): where each member's data lies. */
export function zipEntries(zip: Buffer): ZipEntryInfo[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: ZipEntryInfo[] = [];
  for (let n = 0; n < count; n++) {
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    out.push({
      name: zip.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
      crc: zip.readUInt32LE(p + 16),
      compressedSize: zip.readUInt32LE(p + 20),
      uncompressedSize: zip.readUInt32LE(p + 24),
      centralOffset: p,
      dataStart: local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

async function makeZip(members: Array<{ name: string; data: Buffer; compress?: boolean }>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const m of members) {
    if (m.name.endsWith('/')) zip.addEmptyDirectory(m.name, { mtime: new Date(0x5f000000 * 1000) });
    else zip.addBuffer(m.data, m.name, { compress: m.compress ?? true, mtime: new Date(0x5f000000 * 1000) });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Replaces, in place, every occurrence of a same-length placeholder (yazl refuses `..` and absolute names). */
function patchName(zip: Buffer, placeholder: string, name: string): Buffer {
  const from = Buffer.from(placeholder);
  const to = Buffer.from(name);
  if (from.length !== to.length) throw new Error('patchName: lengths differ');
  for (let i = zip.indexOf(from); i >= 0; i = zip.indexOf(from, i + 1)) to.copy(zip, i);
  return zip;
}

type ContainerMutation =
  | 'none'
  | 'truncated'
  | 'corrupt-byte'
  | 'multi-member-gzip'
  | 'bomb'
  | 'lying-size'
  | 'dotdot-name'
  | 'absolute-name'
  | 'no-csv'
  | 'empty-member'
  | 'stored'
  | 'misleading-extension'
  | 'mixed-formats';

async function containerize(
  doc: Doc,
  index: number,
  csv: (rows?: Row[]) => Buffer,
): Promise<{ fileName: string; bytes: Buffer }> {
  const r = doc.rand;
  const container = doc.container;
  if (container === 'plain') {
    const misleading = r.chance(0.03);
    if (misleading) mark(doc, 'container-misleading-extension', 'must');
    return {
      fileName: `${doc.stem}_${index}${misleading ? r.pick(['.csv.gz', '.zip', '.txt']) : '.csv'}`,
      bytes: csv(),
    };
  }
  if (container === 'gzip') {
    const m = r.weighted<ContainerMutation>([
      [6, 'none'],
      [2, 'truncated'],
      [1.5, 'corrupt-byte'],
      [1, 'multi-member-gzip'],
    ]);
    const data = csv();
    let bytes: Buffer;
    if (m === 'multi-member-gzip') {
      const cut = r.int(0, data.length);
      bytes = Buffer.concat([gzipSync(data.subarray(0, cut)), gzipSync(data.subarray(cut))]);
      mark(doc, 'gzip-multi-member', 'may');
    } else bytes = gzipSync(data, { level: r.pick([1, 6, 9]) });
    if (m === 'truncated') {
      bytes = bytes.subarray(0, r.int(1, bytes.length - 1));
      mark(doc, 'gzip-truncated', 'never');
    } else if (m === 'corrupt-byte') {
      // In the deflate data or the trailer (CRC, size), not in the header's free fields.
      const at = r.int(10, bytes.length - 1);
      bytes = Buffer.from(bytes);
      bytes[at] = bytes[at]! ^ r.int(1, 255);
      mark(doc, 'gzip-corrupt-byte', 'never');
    } else mark(doc, 'gzip', 'must');
    return { fileName: `${doc.stem}_${index}.csv.gz`, bytes };
  }
  // zip: members by year for BACI (as a release is packed), else one member.
  const m = r.weighted<ContainerMutation>([
    [6, 'none'],
    [1.5, 'truncated'],
    [2, 'corrupt-byte'],
    [1.5, 'bomb'],
    [1, 'lying-size'],
    [1, 'dotdot-name'],
    [1, 'absolute-name'],
    [0.7, 'no-csv'],
    [0.7, 'empty-member'],
    [1.5, 'stored'],
    [0.5, 'mixed-formats'],
  ]);
  const members: Array<{ name: string; data: Buffer; compress?: boolean }> = [];
  const groups = doc.reader === 'baci' ? [...new Set(doc.rows.map((row) => row.group))] : ['all'];
  const hs = /BACI_(HS\d\d)/.exec(doc.stem)?.[1] ?? 'HS92';
  if (groups.length <= 1 || doc.reader !== 'baci') {
    members.push({
      name:
        doc.reader === 'baci' ? `BACI_${hs}_Y${groups[0] === 'all' ? 2020 : groups[0]}_V202401.csv` : `${doc.stem}.csv`,
      data: csv(),
    });
  } else {
    // Byte-level mutations go to one member only (csv() applies them); the others are clean.
    const victim = r.int(0, groups.length - 1);
    groups.forEach((g, i) => {
      const rows = doc.rows.filter((row) => row.group === g);
      members.push({
        name: `BACI_${hs}_Y${g}_V202401.csv`,
        data: i === victim ? csv(rows) : encode(serialize(doc, rows)),
      });
    });
  }
  if (doc.reader === 'baci' && r.chance(0.5))
    members.push({ name: 'country_codes_V202401.csv', data: doc.ctx.baciCountryCodes });
  if (r.chance(0.3)) members.push({ name: 'Readme.txt', data: Buffer.from('release notes\n') });
  if (r.chance(0.2)) members.push({ name: 'docs/', data: Buffer.alloc(0) });
  const dataMember = members[0]!;
  let placeholder: [string, string] | undefined;
  switch (m) {
    case 'stored':
      for (const member of members) member.compress = false;
      mark(doc, 'zip-stored', 'must');
      break;
    case 'bomb':
      // A member that expands far beyond the ratio limit (a valid name, so it is read).
      members.push({
        name: `BACI_${hs}_Y2019_V202401.csv`,
        data: Buffer.alloc(r.int(2, 8) << 20, r.pick([0x30, 0x20, 0x0a])),
      });
      mark(doc, 'zip-bomb-ratio', 'never');
      break;
    case 'dotdot-name':
    case 'absolute-name': {
      const evil = `evil_${index}_${r.int(0, 1e9)}.csv`;
      const name =
        m === 'dotdot-name'
          ? r.pick([`../../${evil}`, `a/../../../${evil}`, `..\\..\\${evil}`])
          : r.pick([`/tmp/${evil}`, `C:/${evil}`, `C:\\${evil}`]);
      const hold = name.replace(/[./\\:]/g, 'q');
      dataMember.name = hold;
      placeholder = [hold, name];
      doc.escapeNames.push(evil);
      // The name is never used as a path: refused, or read like any other member.
      mark(doc, `zip-${m}`, 'may');
      break;
    }
    case 'no-csv':
      members.splice(
        0,
        members.length,
        { name: 'Readme.txt', data: Buffer.from('no data here') },
        { name: 'data.xlsx', data: Buffer.from('PK fake') },
      );
      mark(doc, 'zip-no-csv', 'never');
      break;
    case 'empty-member':
      members.push({ name: `BACI_${hs}_Y2018_V202401.csv`, data: Buffer.alloc(0) });
      mark(doc, 'zip-empty-member', 'never');
      break;
    case 'mixed-formats':
      members.push({
        name: 'other_table.csv',
        data: Buffer.from(
          doc.reader === 'exports'
            ? '"t","i","j","k","v","q"\n2020,112,398,10121,1,NA\n'
            : 'year,exporter,product,value_usd\n2020,BLR,0101,5\n',
        ),
      });
      mark(doc, 'zip-mixed-formats', 'never');
      break;
    default:
      break;
  }
  const storedCorrupt = m === 'corrupt-byte' && r.chance(0.5);
  let bytes = await makeZip(members);
  if (placeholder) bytes = patchName(bytes, placeholder[0], placeholder[1]);
  if (m === 'truncated') {
    bytes = bytes.subarray(0, r.int(1, bytes.length - 1));
    mark(doc, 'zip-truncated', 'never');
  } else if (m === 'corrupt-byte') {
    if (storedCorrupt) {
      // Stored (not deflated), a flipped byte leaves a member that reads as text: only the CRC tells.
      bytes = await makeZip(members.map((member) => ({ ...member, compress: false })));
    }
    const entry = zipEntries(bytes).find((e) => e.name === dataMember.name)!;
    if (entry.compressedSize < 4) {
      mark(doc, 'zip', 'must');
    } else {
      // A flipped byte inside the member's data: the CRC no longer matches.
      bytes = Buffer.from(bytes);
      const at = entry.dataStart + r.int(0, entry.compressedSize - 2);
      bytes[at] = bytes[at]! ^ r.int(1, 255);
      mark(doc, storedCorrupt ? 'zip-corrupt-byte-stored' : 'zip-corrupt-byte', 'never');
    }
  } else if (m === 'lying-size') {
    const entry = zipEntries(bytes).find((e) => e.name === dataMember.name)!;
    bytes = Buffer.from(bytes);
    // The directory states a smaller size than the member really has.
    bytes.writeUInt32LE(Math.floor(entry.uncompressedSize / r.int(2, 10)), entry.centralOffset + 24);
    mark(doc, 'zip-lying-size', entry.uncompressedSize >= 2 ? 'never' : 'may');
  } else if (m === 'none') mark(doc, 'zip', 'must');
  return { fileName: `${doc.stem}_${index}.zip`, bytes };
}

// ---- the generator ------------------------------------------------------------------------------

/** Generates input `index` of `reader` under `seed`: the same arguments give the same bytes. */
export async function generateInput(reader: Reader, index: number, seed: number, ctx: FuzzContext): Promise<FuzzInput> {
  const r = new Rand(inputSeed(seed, reader, index));
  const size = r.weighted([
    [6, () => r.int(1, 12)],
    [3, () => r.int(13, 200)],
    [0.3, () => r.int(2000, 40_000)],
  ] as const)();
  const doc =
    reader === 'baci'
      ? baciDoc(r, ctx, size)
      : reader === 'comtrade'
        ? comtradeDoc(r, ctx, size)
        : exportsDoc(r, ctx, size);
  if (doc.rows.length > 2000) mark(doc, 'large-file', 'must');

  // How many mutations: none (a valid file) for about one input in five.
  const count = r.weighted([
    [2, 0],
    [5, 1],
    [2, 2],
    [1, 3],
  ] as const);
  const applicable = mutations.filter((m) => !m.readers || m.readers.includes(reader));
  const chosen: Mutation[] = [];
  for (let i = 0; i < count; i++) chosen.push(r.weighted(applicable.map((m) => [m.weight, m] as const)));
  const levelOrder = { row: 0, file: 1, last: 2, bytes: 3 } as const;
  chosen.sort((a, b) => levelOrder[a.level] - levelOrder[b.level]);
  for (const m of chosen) m.apply(doc);
  if (doc.mutations.filter((m) => m !== 'map').length === 0) mark(doc, 'valid', 'must');

  doc.container =
    reader === 'baci'
      ? r.weighted([
          [5, 'plain'],
          [2, 'gzip'],
          [3, 'zip'],
        ] as const)
      : r.weighted([
          [8, 'plain'],
          [1, 'gzip'],
          [1, 'zip'],
        ] as const);
  const csv = (rows?: Row[]) => doc.byteTransforms.reduce((bytes, t) => t(bytes), encode(serialize(doc, rows)));
  const { fileName, bytes } = await containerize(doc, index, csv);
  const keptRows = doc.rows.filter((row) => row.kept);
  return {
    reader,
    index,
    fileName,
    bytes,
    options: doc.options,
    mutations: doc.mutations,
    accept: doc.accept,
    rows: keptRows.length,
    total: keptRows.reduce((s, row) => s + row.usd, 0),
    format: doc.format,
    variant:
      reader === 'baci'
        ? doc.container
        : reader === 'comtrade'
          ? doc.stem === 'comtrade_legacy'
            ? 'legacy'
            : 'current'
          : doc.stem === 'atlas_export'
            ? 'map'
            : 'no-map',
    escapeNames: doc.escapeNames,
    known: doc.known,
  };
}

/** crc32 of a buffer (for tests that check a zip member). */
export const crc = (bytes: Buffer) => crc32(bytes);
