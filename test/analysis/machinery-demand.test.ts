/**
 * The machinery market's size in the report: Kazakhstan's combine and tractor fleets' yearly
 * replacement demand from the shipped presets' dated facts, worked by hand from those facts
 * (42,000 combines, 46 % older than 17 years, renewal 5.5 % a year; 153,000 tractors, 65 %), and
 * for another importer a plain statement that the facts are Kazakhstan's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineryDemand } from '../../src/analysis/index.ts';
import { formatMessage } from '../../src/messages/index.ts';
import { openTempStore } from '../support/store.ts';
import type { TradeStore } from '../../src/data/index.ts';

describe('machinery demand', () => {
  let store: TradeStore;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ store, cleanup } = await openTempStore(true));
  });
  afterAll(() => cleanup());

  it("Kazakhstan's fleets: R1-R4 from the dated facts", async () => {
    const d = await machineryDemand(store, 'KAZ');
    expect(d.missing).toBeNull();
    const [combines, tractors] = d.fleets;
    expect(combines!.machine).toBe('combines');
    expect(combines!.atObservedRateUnitsPerYear).toBeCloseTo(42_000 * 0.055, 9); // 2,310
    expect(combines!.toHoldAgeUnitsPerYear).toBeCloseTo(42_000 / 17, 9); // 2,470.6
    expect(combines!.backlogUnits).toBeCloseTo(42_000 * 0.46, 9); // 19,320
    expect(combines!.toClearBacklogUnitsPerYear).toBeCloseTo(42_000 / 17 + (42_000 * 0.46) / 10, 9);
    expect(combines!.facts.fleet.asOf).toBe('2020-06-19');
    expect(tractors!.atObservedRateUnitsPerYear).toBeCloseTo(153_000 * 0.055, 9);
    expect(tractors!.backlogUnits).toBeCloseTo(153_000 * 0.65, 9);
  });

  it('another importer: no borrowed facts, and says whose they are', async () => {
    const d = await machineryDemand(store, 'UZB');
    expect(d.fleets).toEqual([]);
    expect(formatMessage(d.missing!, 'en')).toBe(
      "the fleet facts (size, age, renewal rate) are Kazakhstan's; none are shipped for Uzbekistan",
    );
  });
});
