/**
 * Real-data fixtures for tests and benchmarks, all inside the repository (test/data/fixtures/README.md
 * says where each comes from, its licence, columns and units).
 *
 * A fixture is named `<source folder>/<original file name>`. The name resolves to
 * test/data/fixtures/<name> when that file exists; otherwise to the byte-identical gzip copy that the
 * product already ships in data/embedded/ (no second copy in the repository), gunzipped on read.
 * `fixturePath` gives a plain file for code that needs a path (ingest, child processes): the
 * gunzipped bytes are written once into a cache folder under the OS temp directory, keyed by content.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The repository's fixture folder (test/data/fixtures/). */
export const fixturesDir = new URL('../data/fixtures/', import.meta.url).pathname;
/** The product's embedded default data (data/embedded/). */
export const embeddedDir = new URL('../../data/embedded/', import.meta.url).pathname;

/** Fixture name -> the data/embedded/ gzip holding the same bytes, with the size and SHA-256 of the original. */
export const embeddedFixtures = {
  'baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv': {
    embedded: 'BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv.gz',
    bytes: 3_083_222,
    sha256: 'bd52f6d44f35a4eb45fd6cecb1f3644754390fe9b959c5efc100527cd9872b5f',
  },
  'baci-codes/country_codes_V202201.csv': {
    embedded: 'baci_country_codes_V202201.csv.gz',
    bytes: 8_543,
    sha256: '1226b75ba7e52c067d611bef8451d946fc98e9e6f663d0c650981f7b5632d932',
  },
  'baci-codes/product_codes_HS17_V202201.csv': {
    embedded: 'baci_product_codes_HS17_V202201.csv.gz',
    bytes: 621_253,
    sha256: '831b170c0d5c48764ca800a1c0668716e92e9692a603f2df90385bc86100cc2f',
  },
  'ots-2017/exports_hs4.csv': {
    embedded: 'ots_exports_hs4_2017.csv.gz',
    bytes: 3_647_629,
    sha256: '7e6c828476b4fdc32e2c1cd50847bb0ac7e0aa7d7548dd4b2f0f79b0acf5670e',
  },
} as const;

export type FixtureName = keyof typeof embeddedFixtures;

/** The fixture's bytes (the original file, not gzip-compressed). */
export function readFixture(name: FixtureName): Buffer {
  const inRepo = join(fixturesDir, name);
  if (existsSync(inRepo)) return readFileSync(inRepo);
  return gunzipSync(readFileSync(join(embeddedDir, embeddedFixtures[name].embedded)));
}

/** The fixture as UTF-8 text. */
export function readFixtureText(name: FixtureName): string {
  return readFixture(name).toString('utf8');
}

/** A path to a plain (uncompressed) file with the fixture's bytes, under its original file name. */
export function fixturePath(name: FixtureName): string {
  const inRepo = join(fixturesDir, name);
  if (existsSync(inRepo)) return inRepo;
  const { sha256 } = embeddedFixtures[name];
  const path = join(tmpdir(), 'karavan-fixtures', sha256.slice(0, 16), name);
  if (existsSync(path)) return path;
  const bytes = readFixture(name);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256)
    throw new Error(
      `fixture ${name}: data/embedded/${embeddedFixtures[name].embedded} does not hold the recorded bytes`,
    );
  mkdirSync(dirname(path), { recursive: true });
  // Test files run in parallel processes: write aside, then rename (atomic), so no reader sees half a file.
  const part = `${path}.${process.pid}.part`;
  writeFileSync(part, bytes);
  renameSync(part, path);
  return path;
}
