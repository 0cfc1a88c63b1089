/**
 * Which world export matrix the complexity views use for a year: the source covering most exporters. With the
 * embedded OTS 2017 table (224 locations) and the report fixture's flows (53 exporters in 2017), 2017 is OTS's;
 * the flows file came first by name ('flows:baci' < 'ots') before, and the Atlas filter then found too few
 * countries and ranked the 53 of a partial file.
 */
import { describe, expect, it } from 'vitest';
import { capabilitiesSource } from '../../src/analysis/capabilities.ts';
import { fixtureStore } from '../support/store.ts';

describe('capabilitiesSource', () => {
  const fixture = fixtureStore({ embedded: true });

  it('takes the broadest source of the year asked, and the newest year when none is asked', async () => {
    expect(await capabilitiesSource(fixture.store, 4, 2017)).toEqual({ year: 2017, source: 'ots' });
    expect(await capabilitiesSource(fixture.store, 4)).toEqual({ year: 2021, source: 'flows:baci' });
    // HS6: the OTS table is HS4 only, so 2017 comes from the flows.
    expect(await capabilitiesSource(fixture.store, 6, 2017)).toEqual({ year: 2017, source: 'flows:baci' });
  });
});
