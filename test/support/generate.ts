/**
 * Generates BACI-shaped CSV files by replicating the real BACI sample (Afghanistan's and South
 * Africa's 2021 exports) with shifted years and importers, keeping the release's quirks
 * (quoted header, padded quantities, NA, codes without leading zero, CRLF). Each replica is a
 * new (year, importer) block, so keys stay unique. Used by the crash test and the benchmark.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { readFixtureText } from './fixtures.ts';

/** Importer codes to rotate through: BACI's own country list (V202201), one code per ISO3. */
const importerCodes = [
  ...new Map(
    readFixtureText('baci-codes/country_codes_V202201.csv')
      .split(/\r?\n/)
      .slice(1)
      .map((line) => [line.split(',').at(-1)!, Number(line.split(',')[0])] as const)
      .filter(([iso3, code]) => /^[A-Z]{3}$/.test(iso3) && Number.isInteger(code) && code > 0),
  ).values(),
];

/**
 * `yearsFirst` (the crash test's layout) rotates years before importers; otherwise the file is
 * shaped like a real BACI yearly CSV: one year, many exporters, all importers.
 */
export async function writeBaciLike(
  path: string,
  targetRows: number,
  options: { yearsFirst?: boolean } = {},
): Promise<number> {
  const lines = readFixtureText('baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean);
  const parsed = lines.map((line) => {
    const [, i, , k, v, q] = line.split(',');
    return { i: i!, k: k!, v: v!, q: q! };
  });
  // One block = one (year, importer) pair: each exporter/product appears once per block.
  const seen = new Set<string>();
  const block = parsed.filter((r) => {
    const key = `${r.i}/${r.k}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const out = createWriteStream(path);
  out.write('"t","i","j","k","v","q"\r\n');
  let written = 0;
  let blockIndex = 0;
  if (options.yearsFirst) {
    // The crash test's layout: years rotate before importers; exporters stay AFG and ZAF.
    while (written < targetRows) {
      const year = 2021 - (blockIndex % 30);
      const importer = importerCodes[Math.floor(blockIndex / 30) % importerCodes.length]!;
      if (Math.floor(blockIndex / (30 * importerCodes.length)) > 0)
        throw new Error('target too large for distinct keys');
      let chunk = '';
      for (const r of block) {
        if (written >= targetRows) break;
        if (Number(r.i) === importer) continue;
        chunk += `${year},${r.i},${importer},${r.k},${r.v},${r.q}\r\n`;
        written++;
      }
      if (!out.write(chunk)) await once(out, 'drain');
      blockIndex++;
    }
  } else {
    // A real BACI yearly file: one year, many exporters and importers. Each block gives
    // Afghanistan's rows to exporter E1 and South Africa's to E2 (disjoint pairs of BACI codes)
    // for one importer, so (exporter, importer, product) stays unique within the year.
    const pairs: Array<[number, number]> = [];
    for (let p = 0; p + 1 < importerCodes.length; p += 2) pairs.push([importerCodes[p]!, importerCodes[p + 1]!]);
    while (written < targetRows) {
      const importer = importerCodes[blockIndex % importerCodes.length]!;
      const pairIndex = Math.floor(blockIndex / importerCodes.length);
      if (pairIndex >= pairs.length) throw new Error('target too large for distinct keys in one year');
      const [e1, e2] = pairs[pairIndex]!;
      let chunk = '';
      if (e1 !== importer && e2 !== importer) {
        for (const r of block) {
          if (written >= targetRows) break;
          chunk += `2021,${r.i === '4' ? e1 : e2},${importer},${r.k},${r.v},${r.q}\r\n`;
          written++;
        }
      }
      if (!out.write(chunk)) await once(out, 'drain');
      blockIndex++;
    }
  }
  out.end();
  await once(out, 'finish');
  return written;
}
