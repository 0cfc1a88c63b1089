/**
 * Copies the embedded default dataset from a folder of source files into data/embedded/,
 * gzip-compressed and otherwise byte-exact, so that the store is built from the real files through
 * the same readers a user's own downloads go through. Run by a maintainer when a source file
 * changes: `npx tsx scripts/build-embedded.ts <source-folder>`, where the folder holds the
 * originals under the paths listed below (origins and licences: data/SOURCES.md).
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

const sourceDir = process.argv[2];
if (sourceDir === undefined) {
  console.error('usage: npx tsx scripts/build-embedded.ts <source-folder>  (see data/SOURCES.md)');
  process.exit(2);
}
const outDir = new URL('../data/embedded', import.meta.url).pathname;

/** source path under the source folder -> file name under data/embedded (gzip added). */
const files: Record<string, string> = {
  'ots-2017/exports_hs4.csv': 'ots_exports_hs4_2017.csv.gz',
  'ots-2017/gdp_population.csv': 'ots_gdp_population_2017.csv.gz',
  'baci-codes/country_codes_V202201.csv': 'baci_country_codes_V202201.csv.gz',
  'baci-codes/product_codes_HS17_V202201.csv': 'baci_product_codes_HS17_V202201.csv.gz',
  'baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv': 'BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv.gz',
  'nomenclature/hs2022_en.csv': 'hs2022_en.csv.gz',
  'nomenclature/tnved_hs4_ru.csv': 'tnved_hs4_ru.csv.gz',
  'nomenclature/tnved_hs2_ru.csv': 'tnved_hs2_ru.csv.gz',
  'by-kz-official/turnover.csv': 'by_kz_official_turnover.csv.gz',
  'kz-agri-context/facts.csv': 'kz_agri_context_facts.csv.gz',
};

mkdirSync(outDir, { recursive: true });
for (const [from, to] of Object.entries(files)) {
  await pipeline(
    createReadStream(join(sourceDir, from)),
    createGzip({ level: 9 }),
    createWriteStream(join(outDir, to)),
  );
  console.log(`${from} -> data/embedded/${to}`);
}
// data/embedded/country_supplement.csv and search_synonyms_ru.csv are maintained by hand in
// the repository (ISO 3166 facts and HS classification of common Russian trade terms).
