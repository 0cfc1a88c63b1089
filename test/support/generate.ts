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

/** Importer codes to rotate through (all in BACI's country list). */
const importerCodes = [4, 8, 12, 24, 32, 36, 40, 50, 56, 76, 112, 124, 152, 156, 170, 203, 208, 251, 276, 300, 344, 348, 360, 364, 372, 376, 381, 392, 398, 404, 410, 458, 484, 504, 528, 554, 566, 579, 586, 604, 608, 616, 620, 642, 643, 682, 699, 702, 704, 710, 724, 752, 757, 764, 792, 804, 818, 826, 842, 860];

export async function writeBaciLike(path: string, targetRows: number): Promise<number> {
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
    const year = 1995 + (blockIndex % 30);
    const importer = importerCodes[Math.floor(blockIndex / 30) % importerCodes.length]!;
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
