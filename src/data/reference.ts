/**
 * Reference tables built from the embedded data (data/embedded/, see data/SOURCES.md):
 *  - countries: ISO3 key, ISO2, ISO numeric, kind (country / area / world), names EN and RU.
 *    Names come from the runtime's ICU (Intl.DisplayNames keyed by ISO2), not from a
 *    hand-written list; entities without ISO2 keep BACI's or Comtrade's English name.
 *  - country_alias: every code a file may use for a country (BACI numeric, ISO numeric,
 *    zero-padded numeric, ISO2, ISO3, Comtrade's W00) -> ISO3.
 *  - products: HS 2022 codes at 2/4/6 digits with English names, BACI's HS 2017 six-digit
 *    list for codes HS 2022 dropped, Russian names of TN VED headings and chapters.
 *  - product_synonyms: common Russian trade terms (комбайн, самосвал) -> HS codes, for search.
 *  - indicators: GDP and population (World Bank WDI, 2017) for RPOP and context.
 *  - official_turnover: Belarus-Kazakhstan totals as officially stated, with sources.
 *  - country_groups, country_group_members: EAEU, CIS, Central Asia, EU-27 and the World Bank
 *    regions, with names EN/RU, the codes a user may type, a source per group and membership
 *    by year (first_year..last_year inclusive; 0 and 9999 stand for an open end).
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { embeddedDir } from './home.ts';
import { quoteIdentifier, quoteString } from './sql.ts';

export const referenceTables = [
  'countries',
  'country_alias',
  'products',
  'product_synonyms',
  'indicators',
  'official_turnover',
  'country_groups',
  'country_group_members',
] as const;

const embedded = (name: string) => join(embeddedDir, name);

/** Changes when the embedded files or the way tables are built change. */
export function referenceVersion(): string {
  const sizes = [
    'baci_country_codes_V202201.csv.gz',
    'country_supplement.csv',
    'hs2022_en.csv.gz',
    'tnved_hs4_ru.csv.gz',
    'tnved_hs2_ru.csv.gz',
    'baci_product_codes_HS17_V202201.csv.gz',
    'ots_gdp_population_2017.csv.gz',
    'by_kz_official_turnover.csv.gz',
    'by_kz_official_notes_ru.csv',
    'search_synonyms_ru.csv',
    'country_groups.csv',
    'country_group_members.csv',
    'country_names_alt.csv',
    'country_names_ru.csv',
    'country_historical.csv',
  ]
    .map((name) => statSync(embedded(name)).size)
    .join('.');
  return `r8-${Buffer.from(sizes).toString('base64url').slice(0, 24)}`;
}

interface CountryRow {
  numeric: string | null;
  iso2: string | null;
  iso3: string;
  kind: string;
  name_en: string;
  name_ru: string;
  baci_name: string | null;
  /** Other names users type: Белоруссия, Киргизия, UK, ОАЭ (data/embedded/country_names_alt.csv). */
  alt_names: string[];
  /** A state that no longer exists (ISO 3166-3): the last year it existed; null for a current one. */
  historical_until: number | null;
}

/** Builds the reference Parquet files into `targetDir` (written to a temp folder, then renamed). */
export async function buildReference(db: Database, targetDir: string): Promise<void> {
  const temp = `${targetDir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });

  // --- countries -------------------------------------------------------------------------
  const baci = await db.all<{ code: string; name: string; iso2: string; iso3: string }>(
    `SELECT country_code AS code, country_name_full AS name, iso_2digit_alpha AS iso2, iso_3digit_alpha AS iso3
       FROM read_csv($1, header = true, all_varchar = true)`,
    [embedded('baci_country_codes_V202201.csv.gz')],
  );
  const supplement = await db.all<{ numeric: string; iso2: string; iso3: string; name_en: string; kind: string }>(
    `SELECT numeric, iso2, iso3, name_en, kind FROM read_csv($1, header = true, all_varchar = true)`,
    [embedded('country_supplement.csv')],
  );
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const ru = new Intl.DisplayNames(['ru'], { type: 'region' });
  const icuName = (names: Intl.DisplayNames, iso2: string | null): string | undefined => {
    if (!iso2 || !/^[A-Z]{2}$/.test(iso2)) return undefined;
    try {
      const name = names.of(iso2);
      return name && name !== iso2 ? name : undefined;
    } catch {
      return undefined;
    }
  };
  const countries = new Map<string, CountryRow>();
  const aliases = new Map<string, string>();
  const addAlias = (code: string, iso3: string) => {
    const key = code.trim().toUpperCase();
    if (key && !aliases.has(key)) aliases.set(key, iso3);
  };
  const addNumericAlias = (numeric: string, iso3: string) => {
    const n = Number.parseInt(numeric, 10);
    if (!Number.isFinite(n)) return;
    addAlias(String(n), iso3);
    addAlias(String(n).padStart(3, '0'), iso3);
  };
  // The supplement first: it holds ISO numeric codes where BACI uses its own (251 -> 250 France).
  for (const row of supplement) {
    const iso2 = row.iso2 || null;
    countries.set(row.iso3, {
      numeric: row.numeric,
      iso2,
      iso3: row.iso3,
      kind: row.kind,
      name_en: icuName(en, iso2) ?? row.name_en,
      name_ru: icuName(ru, iso2) ?? icuName(en, iso2) ?? row.name_en,
      baci_name: null,
      alt_names: [],
      historical_until: null,
    });
    addNumericAlias(row.numeric, row.iso3);
    addAlias(row.iso3, row.iso3);
    if (iso2) addAlias(iso2, row.iso3);
  }
  addAlias('W00', 'WLD');
  for (const row of baci) {
    const valid = /^[A-Z]{3}$/.test(row.iso3);
    const iso3 = valid ? row.iso3 : [...countries.values()].find((c) => c.numeric === row.code)?.iso3;
    if (!iso3) continue;
    addNumericAlias(row.code, iso3);
    const existing = countries.get(iso3);
    if (existing) {
      existing.baci_name ??= row.name;
      continue;
    }
    const iso2 = /^[A-Z]{2}$/.test(row.iso2) ? row.iso2 : null;
    countries.set(iso3, {
      numeric: row.code,
      iso2,
      iso3,
      kind: 'country',
      name_en: icuName(en, iso2) ?? row.name,
      name_ru: icuName(ru, iso2) ?? icuName(en, iso2) ?? row.name,
      baci_name: row.name,
      alt_names: [],
      historical_until: null,
    });
    addAlias(iso3, iso3);
    if (iso2) addAlias(iso2, iso3);
  }
  // Russian names ICU does not have (BACI's FQ for ATF, the World, Comtrade's special areas): Karavan's own.
  const ruNames = await db.all<{ iso3: string; name_ru: string }>(
    `SELECT iso3, name_ru FROM read_csv($1, header = true, all_varchar = true)`,
    [embedded('country_names_ru.csv')],
  );
  for (const { iso3, name_ru } of ruNames) {
    const country = countries.get(iso3);
    if (country && country.name_ru === country.name_en) country.name_ru = name_ru;
  }
  const altNames = await db.all<{ iso3: string; name: string }>(
    `SELECT iso3, name FROM read_csv($1, header = true, all_varchar = true)`,
    [embedded('country_names_alt.csv')],
  );
  for (const { iso3, name } of altNames) countries.get(iso3)?.alt_names.push(name);
  // Former states (ISO 3166-3): their own names, not the ones ICU gives their withdrawn ISO2 codes
  // (DD is "Germany", SU "Russia", CS "Serbia", AN "Curaçao"), and the last year they existed.
  const historical = await db.all<{ iso3: string; name_en: string; name_ru: string; until: string }>(
    `SELECT iso3, name_en, name_ru, until FROM read_csv($1, header = true, all_varchar = true)`,
    [embedded('country_historical.csv')],
  );
  for (const h of historical) {
    const country = countries.get(h.iso3);
    if (!country) continue;
    country.name_en = h.name_en;
    country.name_ru = h.name_ru;
    country.historical_until = Number(h.until);
  }
  writeFileSync(join(temp, 'countries.json'), [...countries.values()].map((c) => JSON.stringify(c)).join('\n'));
  writeFileSync(
    join(temp, 'country_alias.json'),
    [...aliases].map(([code, iso3]) => JSON.stringify({ code, iso3 })).join('\n'),
  );
  await db.run(
    `COPY (SELECT numeric, iso2, iso3, kind, name_en, name_ru, baci_name, alt_names, historical_until FROM read_json($1, format = 'newline_delimited',
       columns = {numeric: 'VARCHAR', iso2: 'VARCHAR', iso3: 'VARCHAR', kind: 'VARCHAR', name_en: 'VARCHAR', name_ru: 'VARCHAR', baci_name: 'VARCHAR', alt_names: 'VARCHAR[]', historical_until: 'INTEGER'}) ORDER BY iso3)
     TO ${quoteString(join(temp, 'countries.parquet'))} (FORMAT parquet)`,
    [join(temp, 'countries.json')],
  );
  await db.run(
    `COPY (SELECT code, iso3 FROM read_json($1, format = 'newline_delimited', columns = {code: 'VARCHAR', iso3: 'VARCHAR'}) ORDER BY code)
     TO ${quoteString(join(temp, 'country_alias.parquet'))} (FORMAT parquet)`,
    [join(temp, 'country_alias.json')],
  );
  rmSync(join(temp, 'countries.json'));
  rmSync(join(temp, 'country_alias.json'));

  // --- products --------------------------------------------------------------------------
  // Russian heading and chapter names: the wording in force (valid_to empty), else the latest.
  // TN VED writes them in capitals; they are shown in sentence case.
  // The TN VED names are in capitals. Sentence case, but a word with a Latin capital (OSB, LED,
  // USB) is an abbreviation and keeps it, as does a number with a one- or two-letter unit (1000В).
  await db.run(
    `CREATE OR REPLACE MACRO keep_case_word(w) AS
       CASE WHEN regexp_matches(w, '[A-Z]') OR regexp_matches(w, '^[0-9][0-9.,]*[А-ЯЁ]{1,2}[,;:)]?$') THEN w ELSE lower(w) END`,
  );
  await db.run(
    `CREATE OR REPLACE MACRO sentence_case_words(s) AS
       array_to_string(list_transform(string_split(s, ' '), w -> keep_case_word(w)), ' ')`,
  );
  await db.run(
    `CREATE OR REPLACE MACRO sentence_case(s) AS
       upper(substr(sentence_case_words(s), 1, 1)) || substr(sentence_case_words(s), 2)`,
  );
  await db.run(
    `COPY (
       WITH hs AS (
         SELECT hscode AS code, CAST(level AS INTEGER) AS level, description AS name_en,
                CASE WHEN parent = 'TOTAL' THEN NULL ELSE parent END AS parent, section
           FROM read_csv($1, header = true, all_varchar = true)
       ),
       baci17 AS (
         SELECT code, 6 AS level, description AS name_en, substr(code, 1, 4) AS parent, NULL AS section
           FROM read_csv($2, header = true, all_varchar = true)
          WHERE code NOT IN (SELECT code FROM hs)
       ),
       ru4 AS (
         -- Only wordings with Cyrillic text: the source has a placeholder record (9999 "FIFI2018").
         SELECT heading AS code, arg_max(name_ru, coalesce(valid_to, '9999-12-31')) AS name_ru
           FROM read_csv($3, header = true, all_varchar = true)
          WHERE regexp_matches(name_ru, '[А-Яа-яЁё]')
          GROUP BY heading
       ),
       ru2 AS (
         SELECT chapter AS code, arg_max(name_ru, coalesce(valid_to, '9999-12-31')) AS name_ru
           FROM read_csv($4, header = true, all_varchar = true) GROUP BY chapter
       ),
       allp AS (
         SELECT code, level, name_en, parent, section, 'HS2022' AS revision FROM hs
         UNION ALL
         SELECT code, level, name_en, parent, section, 'HS2017' AS revision FROM baci17
         UNION ALL
         -- Headings of earlier HS revisions (e.g. 8803, moved to 8807 in 2022) keep their TN VED name.
         SELECT code, 4 AS level, NULL AS name_en, substr(code, 1, 2) AS parent, NULL AS section, 'TNVED' AS revision
           FROM ru4 WHERE code NOT IN (SELECT code FROM hs)
       )
       SELECT p.code, p.level, p.revision, p.name_en,
              sentence_case(rtrim(coalesce(ru4.name_ru, ru2.name_ru), ':')) AS name_ru,
              p.parent,
              coalesce(p.section, (SELECT h.section FROM hs h WHERE h.code = substr(p.code, 1, 2))) AS section
         FROM allp p
         LEFT JOIN ru4 ON p.level = 4 AND ru4.code = p.code
         LEFT JOIN ru2 ON p.level = 2 AND ru2.code = p.code
        ORDER BY p.code
     ) TO ${quoteString(join(temp, 'products.parquet'))} (FORMAT parquet)`,
    [
      embedded('hs2022_en.csv.gz'),
      embedded('baci_product_codes_HS17_V202201.csv.gz'),
      embedded('tnved_hs4_ru.csv.gz'),
      embedded('tnved_hs2_ru.csv.gz'),
    ],
  );

  await db.run(
    `COPY (SELECT lower(term) AS term, hs_code AS code, note FROM read_csv($1, header = true, all_varchar = true))
     TO ${quoteString(join(temp, 'product_synonyms.parquet'))} (FORMAT parquet)`,
    [embedded('search_synonyms_ru.csv')],
  );

  // --- indicators and official totals ---------------------------------------------------
  await db.run(
    `COPY (SELECT 2017 AS year, upper(reporter_iso) AS iso3, CAST(gdp_current_usd AS DOUBLE) AS gdp_usd,
                  CAST(population_total AS DOUBLE) AS population, 'World Bank WDI via Open Trade Statistics' AS source
             FROM read_csv($1, header = true, nullstr = ['NA', '']))
     TO ${quoteString(join(temp, 'indicators.parquet'))} (FORMAT parquet)`,
    [embedded('ots_gdp_population_2017.csv.gz')],
  );
  await db.run(
    // The notes in Russian (Karavan's translation, data/SOURCES.md) join by the figure's key.
    `COPY (SELECT CAST(t.year AS INTEGER) AS year, t.period, t.measure, t.reporter_side,
                  CAST(t.value_usd_million AS DOUBLE) * 1e6 AS value_usd, t.source_url, t.note, r.note_ru
             FROM read_csv($1, header = true, all_varchar = true) t
             LEFT JOIN read_csv($2, header = true, all_varchar = true) r
               ON r.year = t.year AND r.period = t.period AND r.measure = t.measure AND r.reporter_side = t.reporter_side)
     TO ${quoteString(join(temp, 'official_turnover.parquet'))} (FORMAT parquet)`,
    [embedded('by_kz_official_turnover.csv.gz'), embedded('by_kz_official_notes_ru.csv')],
  );

  // --- country groups --------------------------------------------------------------------
  await db.run(
    `COPY (SELECT group_code, name_en, name_ru, string_split(aliases, '|') AS aliases, source, source_url
             FROM read_csv($1, header = true, all_varchar = true) ORDER BY group_code)
     TO ${quoteString(join(temp, 'country_groups.parquet'))} (FORMAT parquet)`,
    [embedded('country_groups.csv')],
  );
  await db.run(
    `COPY (SELECT group_code, iso3, coalesce(CAST(first_year AS INTEGER), 0) AS first_year,
                  coalesce(CAST(last_year AS INTEGER), 9999) AS last_year, nullif(note, '') AS note
             FROM read_csv($1, header = true, all_varchar = true) ORDER BY group_code, iso3)
     TO ${quoteString(join(temp, 'country_group_members.parquet'))} (FORMAT parquet)`,
    [embedded('country_group_members.csv')],
  );

  rmSync(targetDir, { recursive: true, force: true });
  renameSync(temp, targetDir);
}

/** Creates views over the reference Parquet files of `dir`. */
export async function attachReference(db: Database, dir: string): Promise<void> {
  for (const table of referenceTables) {
    await db.run(
      `CREATE OR REPLACE VIEW ${quoteIdentifier(table)} AS SELECT * FROM read_parquet(${quoteString(join(dir, table + '.parquet'))})`,
    );
  }
}
