/**
 * Generates BACI-shaped CSV files by replicating the real BACI sample (Afghanistan's and South
 * Africa's 2021 exports) with shifted years and importers, keeping the release's quirks
 * (quoted header, padded quantities, NA, codes without leading zero, CRLF). Each replica is a
 * new (year, importer) block, so keys stay unique. Used by the crash test and the benchmark.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

const samplePath = join(new URL('../../../shared/data/', import.meta.url).pathname, 'baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv');

/** Importer codes to rotate through: BACI's own country list (V202201), one code per ISO3. */
const importerCodes = [
  ...new Map(
    readFileSync(join(new URL('../../../shared/data/', import.meta.url).pathname, 'baci-codes/country_codes_V202201.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .map((line) => [line.split(',').at(-1)!, Number(line.split(',')[0])] as const)
      .filter(([iso3, code]) => /^[A-Z]{3}$/.test(iso3) && Number.isInteger(code) && code > 0),
  ).values(),
];

/**
 * `yearsFirst` (the crash test's layout) rotates years before importers; otherwise the file is
 * shaped like a real BACI yearly CSV: one year, all importers, then the next year if needed.
 */
export async function writeBaciLike(path: string, targetRows: number, options: { yearsFirst?: boolean } = {}): Promise<number> {
  const lines = readFileSync(samplePath, 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
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
  while (written < targetRows) {
    const [yearIndex, importerIndex] = options.yearsFirst
      ? [blockIndex % 30, Math.floor(blockIndex / 30)]
      : [Math.floor(blockIndex / importerCodes.length), blockIndex % importerCodes.length];
    const year = 2021 - yearIndex;
    const importer = importerCodes[importerIndex % importerCodes.length]!;
    const cycle = Math.floor(blockIndex / (30 * importerCodes.length));
    if (cycle > 0) throw new Error('target too large for distinct keys');
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
  out.end();
  await once(out, 'finish');
  return written;
}
