/**
 * A small BACI-format store whose numbers are worked out by hand: the worked example of the
 * export-potential method note (§5: three countries A, B, C and three products), with
 *   A = Belarus (112), B = Kazakhstan (398), C = Russia (643),
 *   p1 = 843351 (combines), p2 = 870190 (tractors), p3 = 040510 (butter),
 * for the years 2016-2021, each year's flows being the example's (USD m) times a year factor
 * (0.4, 0.5, 0.6, 0.7, 0.8, 1.0). The five-year weighted average (weights 1..5 over 2017-2021)
 * is then 0.8 times the example, so every potential is 0.8 times the table in the note.
 * Fifty "filler" countries trade 010121 (horses) among themselves only, so the year counts as
 * world coverage (>= 50 exporters) without touching A, B, C or p1-p3.
 * Quantities: tonnes = value in USD m x 5 (unit value 200,000 USD/t) except C's p2 to B at
 * 100,000 USD/t, so the rivals' unit values differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixtureText } from './fixtures.ts';

export const fixtureFactors: Record<number, number> = {
  2016: 0.4,
  2017: 0.5,
  2018: 0.6,
  2019: 0.7,
  2020: 0.8,
  2021: 1.0,
};
export const fixtureCountries = { A: 112, B: 398, C: 643 } as const;
export const fixtureProducts = { p1: '843351', p2: '870190', p3: '040510' } as const;

/** Example flows in USD m: [exporter, importer, p1, p2, p3]. */
export const exampleFlows: Array<
  [keyof typeof fixtureCountries, keyof typeof fixtureCountries, number, number, number]
> = [
  ['A', 'B', 50, 10, 0],
  ['A', 'C', 30, 0, 20],
  ['B', 'A', 5, 40, 10],
  ['B', 'C', 10, 60, 5],
  ['C', 'A', 20, 5, 30],
  ['C', 'B', 0, 15, 40],
];

function fillerCodes(): number[] {
  const used = new Set<number>(Object.values(fixtureCountries));
  const seen = new Set<string>();
  const lines = readFixtureText('baci-codes/country_codes_V202201.csv').split(/\r?\n/).slice(1);
  const codes: number[] = [];
  for (const line of lines) {
    const code = Number(line.split(',')[0]);
    const iso3 = line.split(',').at(-1)!;
    if (!/^[A-Z]{3}$/.test(iso3) || used.has(code) || seen.has(iso3) || ['BLR', 'KAZ', 'RUS'].includes(iso3)) continue;
    seen.add(iso3);
    codes.push(code);
    if (codes.length === 50) break;
  }
  return codes;
}

/** Writes the fixture as a BACI CSV (values in thousand USD, quantities in tonnes) and returns its path. */
export function writeReportFixture(dir: string): string {
  const lines = ['"t","i","j","k","v","q"'];
  const fillers = fillerCodes();
  for (const [yearText, factor] of Object.entries(fixtureFactors)) {
    const year = Number(yearText);
    for (const [from, to, ...values] of exampleFlows) {
      values.forEach((valueUsdM, index) => {
        if (valueUsdM === 0) return;
        const product = Object.values(fixtureProducts)[index]!;
        const usdM = valueUsdM * factor;
        const unitUsdPerTonne = from === 'C' && to === 'B' && product === fixtureProducts.p2 ? 100_000 : 200_000;
        const tonnes = (usdM * 1e6) / unitUsdPerTonne;
        // BACI drops the leading zero of product codes.
        lines.push(
          `${year},${fixtureCountries[from]},${fixtureCountries[to]},${Number(product)},${(usdM * 1000).toFixed(3)},"${tonnes.toFixed(3).padStart(13)}"`,
        );
      });
    }
    fillers.forEach((code, n) => {
      lines.push(
        `${year},${code},${fillers[(n + 1) % fillers.length]},10121,${(1000 * (1 + (n % 7))).toFixed(3)},"           NA"`,
      );
    });
  }
  const path = join(dir, 'BACI_HS17_fixture.csv');
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}
