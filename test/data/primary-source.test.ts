/**
 * Regression (data-reach issue, point 6): a full BACI year ingested under a source name of the user's own was
 * ignored by the year's analyses, which kept reading the embedded two-exporter slice (source `baci`), because the
 * source was chosen by its name before its coverage. The source that covers most exporters is now used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/messages/index.ts';
import { primaryFlowSource, type TradeStore } from '../../src/data/index.ts';
import { readFixtureText } from '../support/fixtures.ts';
import { openTempStore, tempDir, writeTemp } from '../support/store.ts';

// A world year needs flows from at least 50 exporters (worldFlowMinExporters): the first 60 countries of BACI's
// own list, plus Belarus (112), Kazakhstan (398), Russia (643) and South Africa (710).
const byIso3 = new Map<string, number>();
for (const line of readFixtureText('baci-codes/country_codes_V202201.csv').split(/\r?\n/).slice(1)) {
  const fields = line.split(',');
  const iso3 = fields.at(-1)!;
  // Historical codes share an ISO3 with today's (58 and 56 are both BEL): one code per country, or keys repeat.
  if (/^\d+$/.test(fields[0]!) && /^[A-Z]{3}$/.test(iso3) && !byIso3.has(iso3)) byIso3.set(iso3, Number(fields[0]));
}
const listed = [...byIso3.values()].filter((code) => ![112, 398, 643, 710].includes(code));
const exporters = [...listed.slice(0, 60), 112, 398, 643, 710];
const importers = [112, 398, 643, 156];

function baciYear(): string {
  const lines = ['"t","i","j","k","v","q"'];
  for (const i of exporters)
    for (const j of importers)
      if (i !== j) lines.push(`2021,${i},${j},843351,${(i + j) / 10},1.5`, `2021,${i},${j},870410,${(i * j) / 1000},2`);
  return lines.join('\n') + '\n';
}

describe('primary flow source of a year', () => {
  let store: TradeStore;
  let cleanup: () => void;
  const dir = tempDir();
  beforeAll(async () => {
    ({ store, cleanup } = await openTempStore(true)); // with the embedded BACI slice (AFG, ZAF; source baci)
  });
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  it('is the embedded slice while it is all there is, and a fuller custom-named release once ingested', async () => {
    expect(await primaryFlowSource(store, 2021)).toBe('baci');
    await store.ingest(writeTemp(dir.path, 'BACI_HS17_Y2021_V202401.csv', baciYear()), { source: 'mybaci' });
    expect(await primaryFlowSource(store, 2021)).toBe('mybaci');
  });

  it("the year's analyses read it: Kazakhstan's imports are those of the custom dataset", async () => {
    const { importerNeeds } = await import('../../src/analysis/index.ts');
    const needs = await importerNeeds(store, { exporter: 'BLR', importer: 'KAZ', year: 2021, level: 6 });
    expect(formatMessage(needs.basis, 'en')).toMatch(/mybaci 2021/);
    // From the file: KAZ (398) imports 843351 from every other exporter i at (i + 398) / 10 thousand USD.
    const combinesUsd = exporters.filter((i) => i !== 398).reduce((sum, i) => sum + ((i + 398) / 10) * 1000, 0);
    const combines = needs.rows.find((r) => r.product === '843351');
    expect(combines?.importsUsd).toBeCloseTo(combinesUsd, 6);
  });
});
