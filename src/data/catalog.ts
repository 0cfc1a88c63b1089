/**
 * Look-ups in the reference tables: countries by any code or name (EN/RU) with suggestions,
 * products by code or words (EN/RU, HS2/4/6) and product names with their fallback chain
 * (Russian -> English -> the parent heading's name).
 */
import { InvalidOptionError, UnknownCountryError, UnknownProductError, YearOutOfRangeError } from '../errors.ts';
import { checkGroupPair, countryGroups, findGroup, type CountryGroup, type GroupMember } from './groups.ts';
import type { TradeStore } from './store.ts';

export type Lang = 'en' | 'ru';

export interface CountryRecord {
  iso3: string;
  iso2: string | null;
  numeric: string | null;
  kind: 'country' | 'area' | 'world' | 'group';
  nameEn: string;
  nameRu: string;
  /** A former state (ISO 3166-3): the last year it existed. */
  historicalUntil?: number;
  /** For a group (kind 'group'): its members by year and the definition it follows. */
  group?: { source: string; sourceUrl: string; members: GroupMember[] };
}

export interface ProductRecord {
  code: string;
  level: number;
  revision: string;
  nameEn: string | null;
  nameRu: string | null;
  parent: string | null;
  section: string | null;
  /** The name to show in the asked language, after the fallback chain. */
  name: string;
  /** Where `name` came from: the product's own name in that language, English, or the parent heading. */
  nameSource: 'own' | 'english' | 'parent';
}

interface CountryRow {
  iso3: string;
  iso2: string | null;
  numeric: string | null;
  kind: CountryRecord['kind'];
  name_en: string;
  name_ru: string;
  historical_until?: number | null;
}

const toCountry = (row: CountryRow): CountryRecord => ({
  iso3: row.iso3,
  iso2: row.iso2,
  numeric: row.numeric,
  kind: row.kind,
  nameEn: row.name_en,
  nameRu: row.name_ru,
  ...(row.historical_until !== null && row.historical_until !== undefined && { historicalUntil: row.historical_until }),
});

const groupRecord = (g: CountryGroup): CountryRecord => ({
  iso3: g.code,
  iso2: null,
  numeric: null,
  kind: 'group',
  nameEn: g.nameEn,
  nameRu: g.nameRu,
  group: { source: g.source, sourceUrl: g.sourceUrl, members: g.members },
});

/**
 * English and Russian names of every country, area and group by code, read once per store
 * version: messages carry both names, so a report formats in either language without the store.
 */
export function countryLabels(store: TradeStore): Promise<Map<string, { en: string; ru: string }>> {
  return store.cached('countryLabels', async () => {
    const rows = await store.query<{ iso3: string; name_en: string; name_ru: string }>(
      `SELECT iso3, name_en, name_ru FROM countries`,
    );
    const out = new Map(rows.map((r) => [r.iso3, { en: r.name_en, ru: r.name_ru }]));
    for (const g of await countryGroups(store)) out.set(g.code, { en: g.nameEn, ru: g.nameRu });
    return out;
  });
}

export function countryName(country: CountryRecord, lang: Lang): string {
  return lang === 'ru' ? country.nameRu : country.nameEn;
}

export async function listCountries(store: TradeStore, search?: string): Promise<CountryRecord[]> {
  const term = search?.trim().toLowerCase() ?? '';
  const rows = await store.query<CountryRow>(
    `SELECT iso3, iso2, numeric, kind, name_en, name_ru, historical_until FROM countries
      WHERE $1 = '' OR contains(lower(name_en), $1) OR contains(lower(name_ru), $1)
         OR contains(lower(coalesce(baci_name, '')), $1) OR lower(iso3) = $1 OR lower(coalesce(iso2, '')) = $1 OR numeric = $1
         OR len(list_filter(alt_names, n -> contains(lower(n), $1))) > 0
      ORDER BY kind, name_en`,
    [term],
  );
  const groups = (await countryGroups(store)).filter(
    (g) =>
      term === '' ||
      [g.code, g.nameEn, g.nameRu, ...g.aliases].some(
        (n) => n.toLowerCase() === term || (term.length >= 3 && n.toLowerCase().includes(term)),
      ),
  );
  return [...rows.map(toCountry), ...groups.map(groupRecord)];
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * A country by ISO3, ISO2, numeric code (ISO or BACI) or name in English or Russian.
 * Unknown input throws UnknownCountryError whose message suggests the closest names.
 */
export async function resolveCountry(store: TradeStore, input: string): Promise<CountryRecord> {
  const text = input.trim();
  const byCode = await store.query<CountryRow>(
    `SELECT c.iso3, c.iso2, c.numeric, c.kind, c.name_en, c.name_ru, c.historical_until FROM country_alias a JOIN countries c USING (iso3) WHERE a.code = upper($1)`,
    [text],
  );
  if (byCode[0]) return toCountry(byCode[0]);
  const lower = text.toLowerCase();
  // Groups (EAEU, ЕАЭС, EU...) by code, alias or name, before the fuzzy match could take "CIS" for a country.
  const group = await findGroup(store, text);
  if (group) return groupRecord(group);
  const all = await store.query<CountryRow & { baci_name: string | null; alt_names: string[] }>(
    `SELECT iso3, iso2, numeric, kind, name_en, name_ru, baci_name, alt_names FROM countries`,
  );
  const exact = all.find((c) =>
    [c.name_en, c.name_ru, c.baci_name, ...c.alt_names].some((n) => n?.toLowerCase() === lower),
  );
  if (exact) return toCountry(exact);
  const scored = all
    .map((c) => {
      const names = [c.name_en, c.name_ru, c.baci_name, ...c.alt_names]
        .filter((n): n is string => !!n)
        .map((n) => n.toLowerCase());
      const contains = names.some((n) => lower.length >= 3 && n.includes(lower));
      const distance = Math.min(...names.map((n) => editDistance(lower, n.slice(0, Math.max(lower.length, 1) + 2))));
      return { c, score: contains ? 0 : distance };
    })
    .filter((x) => x.score <= Math.max(2, Math.floor(lower.length / 3)))
    .sort((a, b) => a.score - b.score)
    .slice(0, 5);
  const suggestions = scored.map((x) => `${x.c.iso3} (${x.c.name_en} / ${x.c.name_ru})`);
  throw new UnknownCountryError(
    `unknown country: "${input}"${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`,
    {
      value: input,
      hint: 'use an ISO3 (KAZ), ISO2 (KZ) or numeric (398) code, a name in English or Russian, or a group (EAEU, CIS, CASIA, EU27, a World Bank region); `karavan countries --search <text>` lists them',
    },
  );
}

/** Years the store holds any data of (bilateral flows or export tables), oldest first; cached per store version. */
export function storeYears(store: TradeStore): Promise<number[]> {
  return store.cached('storeYears', async () =>
    (
      await store.query<{ year: number }>(
        `SELECT DISTINCT year FROM (SELECT year FROM pair_totals UNION ALL SELECT DISTINCT year FROM exports) ORDER BY year`,
      )
    ).map((r) => r.year),
  );
}

/** Refuses a year the store has no data of at all, naming the years it has. @throws YearOutOfRangeError */
export async function checkStoreYear(store: TradeStore, year: number): Promise<void> {
  const years = await storeYears(store);
  if (years.includes(year)) return;
  throw new YearOutOfRangeError(
    `year ${year} is not in the store: it has ${years.length > 0 ? years.join(', ') : 'no year'}`,
    {
      value: String(year),
      hint: 'leave --year out for the newest year, or ingest a file of that year (`karavan datasets` lists what the store holds)',
    },
  );
}

/**
 * The exporter and importer of a pair, each a country or a group. Refuses a country paired with
 * itself and a group left with no member once the other side is taken out (BLR -> EAEU keeps four).
 * Every interface resolves a pair through this, so the refusal reads the same everywhere.
 */
export async function resolvePair(
  store: TradeStore,
  from: string,
  to: string,
  options: { year?: number | undefined } = {},
): Promise<[CountryRecord, CountryRecord]> {
  if (options.year !== undefined) await checkStoreYear(store, options.year);
  const [exporter, importer] = await Promise.all([resolveCountry(store, from), resolveCountry(store, to)]);
  if (exporter.iso3 === importer.iso3)
    throw new InvalidOptionError(`invalid pair: exporter and importer are both ${exporter.iso3}`, {
      column: 'importer',
      value: to,
    });
  await checkGroupPair(store, exporter.iso3, importer.iso3);
  return [exporter, importer];
}

interface ProductRow {
  code: string;
  level: number;
  revision: string;
  name_en: string | null;
  name_ru: string | null;
  parent: string | null;
  section: string | null;
  parent_name_en: string | null;
  parent_name_ru: string | null;
  /** The parent's parent (an HS6 subheading's chapter) and its Russian name. */
  grandparent: string | null;
  grandparent_name_ru: string | null;
}

function toProduct(row: ProductRow, lang: Lang): ProductRecord {
  const own = lang === 'ru' ? row.name_ru : row.name_en;
  // Russian output never falls back to an English sentence: an HS6 subheading without a Russian name of its own
  // (the TN VED names here are of headings and chapters) shows its heading's Russian name, marked as the heading's
  // first, so a cut name still says whose it is: "позиция 8433: Машины или механизмы для уборки…".
  // A heading without a Russian name of its own (7402) passes its chapter's on to its subheadings.
  const ancestorRu = (code: string | null, name: string | null) =>
    code && name ? `${code.length === 4 ? 'позиция' : 'группа'} ${code}: ${name}` : null;
  const parentRu =
    lang === 'ru'
      ? (ancestorRu(row.parent, row.parent_name_ru) ?? ancestorRu(row.grandparent, row.grandparent_name_ru))
      : null;
  const parentName = lang === 'ru' ? (row.parent_name_ru ?? row.parent_name_en) : row.parent_name_en;
  const name = own ?? parentRu ?? row.name_en ?? parentName ?? row.code;
  const nameSource: ProductRecord['nameSource'] = own ? 'own' : parentRu || !row.name_en ? 'parent' : 'english';
  return {
    code: row.code,
    level: row.level,
    revision: row.revision,
    nameEn: row.name_en,
    nameRu: row.name_ru,
    parent: row.parent,
    section: row.section,
    name,
    nameSource,
  };
}

const productSelectSql = `SELECT p.code, p.level, p.revision, p.name_en, p.name_ru, p.parent, p.section,
       q.name_en AS parent_name_en, q.name_ru AS parent_name_ru, g.code AS grandparent, g.name_ru AS grandparent_name_ru
  FROM products p LEFT JOIN products q ON q.code = p.parent LEFT JOIN products g ON g.code = q.parent`;

export interface ProductSearchOptions {
  /** Words (EN or RU, any case) or the start of a code. */
  search?: string;
  /** Only this HS level (2, 4 or 6). @default all */
  level?: 2 | 4 | 6;
  /** Language of `name`. @default 'en' */
  lang?: Lang;
  /** @default 50 */
  limit?: number;
}

/**
 * Products whose code starts with the search, whose English or Russian name contains every word
 * of it, or that a Russian trade term names (комбайн -> 843351, see data/embedded/search_synonyms_ru.csv).
 */
/**
 * The products' names as words for search (lower case, signs as spaces, a space first, so a word starts at
 * ' ' || w), in a temporary table made once per store version on the first search: the regular expression over
 * some 12,000 names took most of an uncached search's time (p50 1.2 s under the soak's load), and stored in the
 * reference it doubled products.parquet.
 */
function productWords(store: TradeStore): Promise<unknown> {
  return store.cached('productWords', () =>
    store.query(
      `CREATE OR REPLACE TEMP TABLE product_words AS
         SELECT code, revision,
                ' ' || regexp_replace(lower(coalesce(name_en, '')), '[^[:alnum:]а-яё]+', ' ', 'g') AS words_en,
                ' ' || regexp_replace(lower(coalesce(name_ru, '')), '[^[:alnum:]а-яё]+', ' ', 'g') AS words_ru
           FROM products`,
    ),
  );
}

export async function searchProducts(store: TradeStore, options: ProductSearchOptions = {}): Promise<ProductRecord[]> {
  const search = (options.search ?? '').trim().toLowerCase();
  const words = search.split(/\s+/).filter(Boolean);
  const isCode = /^\d+$/.test(search);
  // Words match name stems: drop a Russian inflection ending so "тракторы" finds "трактор".
  const stems = words.map((w) =>
    /[а-яё]/.test(w) && w.length > 5 ? w.replace(/(ами|ями|ов|ев|ей|ы|и|а|я|у|ю|е|о)$/u, '') : w,
  );
  // Both forms mention $3 so the parameter list is the same whichever applies. Matching is literal (contains,
  // starts_with): a % or _ the user types is a character, not a LIKE wildcard.
  const matchSql = isCode
    ? `starts_with(p.code, $1) AND len($3::VARCHAR[]) >= 0`
    : // Words match at the start of a word of the name ("тракт" finds "тракторы", not "экстракты").
      // A word that starts with a sign (%, -) is looked for anywhere.
      `list_bool_and(list_transform($3::VARCHAR[], w ->
         CASE WHEN regexp_matches(w, '^[[:alnum:]а-яё]')
           THEN contains(s.words_en, ' ' || w) OR contains(s.words_ru, ' ' || w)
           ELSE contains(lower(coalesce(p.name_en, '')), w) OR contains(lower(coalesce(p.name_ru, '')), w) END))`;
  await productWords(store);
  const rows = await store.query<ProductRow>(
    `${productSelectSql} JOIN product_words s ON s.code = p.code AND s.revision = p.revision
      WHERE ($2 = 0 OR p.level = $2)
        AND ($1 = '' OR (${matchSql})
             OR p.code IN (SELECT code FROM product_synonyms WHERE term = $1 OR (length($1) >= 4 AND starts_with(term, $1))))
      ORDER BY CASE WHEN p.code IN (SELECT code FROM product_synonyms WHERE term = $1) THEN 0 ELSE 1 END, p.code
      LIMIT $4`,
    [search, options.level ?? 0, `[${stems.map((s) => JSON.stringify(s)).join(',')}]`, options.limit ?? 50],
  );
  return rows.map((row) => toProduct(row, options.lang ?? 'en'));
}

/** Names for the given codes (missing codes get the code itself as name). */
export async function productNames(
  store: TradeStore,
  codes: readonly string[],
  lang: Lang,
): Promise<Map<string, ProductRecord>> {
  if (codes.length === 0) return new Map();
  const rows = await store.query<ProductRow>(`${productSelectSql} WHERE list_contains($1::VARCHAR[], p.code)`, [
    JSON.stringify([...new Set(codes)]),
  ]);
  const out = new Map<string, ProductRecord>();
  for (const row of rows) {
    const existing = out.get(row.code);
    if (!existing || row.revision === 'HS2022') out.set(row.code, toProduct(row, lang));
  }
  // A subheading of another HS revision than the nomenclature's (870190 of HS 2017, split in HS 2022) is
  // named by its heading, "heading 8701: …", as a subheading without its own name is.
  const unnamed = [...new Set(codes)].filter((c) => !out.has(c) && c.length === 6);
  if (unnamed.length > 0) {
    const headings = await productNames(
      store,
      unnamed.map((c) => c.slice(0, 4)),
      lang,
    );
    for (const code of unnamed) {
      const heading = headings.get(code.slice(0, 4));
      if (!heading) continue;
      const word = lang === 'ru' ? 'позиция' : 'heading';
      out.set(code, {
        ...heading,
        code,
        level: 6,
        nameEn: null,
        nameRu: null,
        parent: heading.code,
        name: `${word} ${heading.code}: ${heading.name}`,
        nameSource: 'parent',
      });
    }
  }
  return out;
}

/** Checks an HS code the user typed: digits, 2/4/6 long, and known (nomenclature or store). */
export async function checkProductCode(store: TradeStore, code: string): Promise<ProductRecord> {
  if (!/^\d{2}(\d{2}){0,2}$/.test(code)) {
    throw new UnknownProductError(
      `invalid HS code: "${code}" (write 2, 4 or 6 digits, with the leading zero: 0401, 843351)`,
      { value: code },
    );
  }
  const names = await productNames(store, [code], 'en');
  const found = names.get(code);
  if (found) return found;
  const inStore = await store.query(
    `SELECT 1 FROM flows WHERE product = $1 UNION ALL SELECT 1 FROM exports WHERE product = $1 LIMIT 1`,
    [code],
  );
  if (inStore.length > 0) {
    return {
      code,
      level: code.length,
      revision: 'unknown',
      nameEn: null,
      nameRu: null,
      parent: code.slice(0, code.length - 2) || null,
      section: null,
      name: code,
      nameSource: 'parent',
    };
  }
  throw new UnknownProductError(`HS code ${code} does not exist in HS 2022, BACI's HS 2017 list or the store`, {
    value: code,
    hint: 'karavan products --search <words or code start> lists codes',
  });
}
