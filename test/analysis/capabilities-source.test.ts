/**
 * Which world export matrix the complexity views use for a year: the source covering most exporters. With the
 * embedded OTS 2017 table (224 locations) and the report fixture's flows (53 exporters in 2017), 2017 is OTS's;
 * the flows file came first by name ('flows:baci' < 'ots') before, and the Atlas filter then found too few
 * countries and ranked the 53 of a partial file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesSource } from '../../src/analysis/capabilities.ts';
import type { TradeStore } from '../../src/data/index.ts';
import { writeReportFixture } from '../support/report-fixture.ts';
import { openTempStore, tempDir } from '../support/store.ts';

describe('capabilitiesSource', () => {
  let store: TradeStore;
  let cleanup: () => void;
  const dir = tempDir();
  beforeAll(async () => {
    ({ store, cleanup } = await openTempStore());
    await store.ingest(writeReportFixture(dir.path));
  });
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  it('takes the broadest source of the year asked, and the newest year when none is asked', async () => {
    expect(await capabilitiesSource(store, 4, 2017)).toEqual({ year: 2017, source: 'ots' });
    expect(await capabilitiesSource(store, 4)).toEqual({ year: 2021, source: 'flows:baci' });
    // HS6: the OTS table is HS4 only, so 2017 comes from the flows.
    expect(await capabilitiesSource(store, 6, 2017)).toEqual({ year: 2017, source: 'flows:baci' });
  });
});
