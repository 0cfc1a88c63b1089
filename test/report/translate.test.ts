/**
 * Every plain-language message the analysis produces (section basis and missing-data advice)
 * has a Russian rendering: on the embedded default store and on the full fixture, no English
 * word survives toRussian (codes, file names, commands and URLs aside).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type ReportModel } from '../../src/analysis/index.ts';
import { toRussian, untranslatedWords } from '../../src/report/index.ts';
import { openTempStore, tempDir } from '../support/store.ts';
import { writeReportFixture } from '../support/report-fixture.ts';

function messages(report: ReportModel): string[] {
  const sections = [
    report.basket,
    report.needs,
    report.supply,
    report.potential,
    report.rivals,
    report.jointProduction,
    report.surplus,
    report.machineryMarket,
  ];
  return [
    ...report.coverage.sections.flatMap((s) => [s.basis, s.missing]),
    ...sections.flatMap((s) => [s.basis, s.missing]),
    report.target?.basis ?? null,
  ].filter((m): m is string => m !== null);
}

describe('Russian messages', () => {
  const reports: ReportModel[] = [];
  const cleanups: Array<() => void> = [];
  const dir = tempDir();
  beforeAll(async () => {
    const embedded = await openTempStore(true);
    cleanups.push(embedded.cleanup);
    reports.push(await buildReport(embedded.store, {}));
    // Groups: as importer (members with data, Comtrade advice per member) and as exporter (sections refused by name).
    reports.push(await buildReport(embedded.store, { from: 'BLR', to: 'EU27' }));
    reports.push(await buildReport(embedded.store, { from: 'ZAF', to: 'KAZ', year: 2021 }));
    reports.push(await buildReport(embedded.store, { from: 'ZAF', to: 'KAZ', year: 2017 }));
    const fixture = await openTempStore(false);
    cleanups.push(fixture.cleanup);
    await fixture.store.ingest(writeReportFixture(dir.path));
    reports.push(await buildReport(fixture.store, {}));
    reports.push(await buildReport(fixture.store, { from: 'KAZ', to: 'RUS', year: 2019 }));
    reports.push(await buildReport(fixture.store, { from: 'BLR', to: 'EAEU' }));
    reports.push(await buildReport(fixture.store, { from: 'EAEU', to: 'KAZ' }));
  });
  afterAll(() => {
    for (const cleanup of cleanups) cleanup();
    dir.cleanup();
  });

  it('leave no English word untranslated', () => {
    const leftovers = reports
      .flatMap(messages)
      .map((m) => ({ m, words: untranslatedWords(toRussian(m)) }))
      .filter((x) => x.words.length > 0);
    expect(leftovers).toEqual([]);
  });

  it('keep commands, codes and years intact', () => {
    const text = toRussian(
      "KAZ's imports by product and supplier: download a CEPII BACI release (www.cepii.fr -> Databases -> BACI, e.g. BACI_HS17_V202401.zip: all countries, HS6, 2017-2022, values in USD) and run: karavan ingest BACI_HS17_V202401.zip",
    );
    expect(text).toBe(
      'импорт KAZ по товарам и поставщикам: загрузите выпуск CEPII BACI (www.cepii.fr -> Databases -> BACI, например BACI_HS17_V202401.zip: все страны, HS6, 2017-2022, стоимость в долл. США) и выполните: karavan ingest BACI_HS17_V202401.zip',
    );
  });
});
