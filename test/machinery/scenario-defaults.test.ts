/**
 * The scenario defaults and their provenance: every default carries a tag and a source, each source
 * states the figure the default uses (so a changed default or a changed citation shows), and a
 * resolved scenario carries exactly that value, tag and source for every field the user left out.
 */
import { describe, expect, it } from 'vitest';
import { scenarioDefaultSources, scenarioDefaults } from '../../src/machinery/scenario.ts';
import { resolve } from './helpers.ts';

/** The figure as the cited source writes it (methods doc, AgDM A3-29, EP496, formulas). */
const citedFigure: Record<keyof typeof scenarioDefaultSources, [number, RegExp, string]> = {
  windowDays: [10, /10-day window/, 'M'],
  hoursPerDay: [8, /8-10 h\/day/, 'M'],
  workableShare: [1, /pwd 1\.0/, 'M'],
  purchasePriceShare: [0.9, /PP = 0\.90 LP/, 'M'],
  ownershipYears: [10, /10-12 yr/, 'V'],
  realInterestRate: [0.05, /8 % nominal - 3 % inflation/, 'V'],
  taxesInsuranceHousingShare: [0.02, /2 % of PP \(taxes 1 %, housing 0\.75 %, insurance 0\.25 %\)/, 'M'],
  fuelPriceUsdPerLitre: [1, /\$1\.00\/L/, 'M'],
  wageUsdPerHour: [25, /\$25\/h/, 'M'],
  lubricationShareOfFuel: [0.15, /15 %/, 'V'],
  fuelLitresPerKwh: [0.223, /0\.223 L\/kWh/, 'V'],
  zDivisor: [2, /mean delay D\/2/, 'V*'],
};

describe('scenario defaults', () => {
  it('wheat with the 9 m combine; every numeric default has its source', () => {
    expect(scenarioDefaults.cropId).toBe('wheat');
    expect(scenarioDefaults.machineId).toBe('combine-sp-9m');
    expect(Object.isFrozen(scenarioDefaults)).toBe(true);
    expect(Object.isFrozen(scenarioDefaultSources)).toBe(true);
    expect(Object.keys(scenarioDefaultSources).sort()).toEqual(Object.keys(citedFigure).sort());
  });

  it.each(Object.entries(citedFigure))(
    '%s: the value, the tag, and a source that states the figure',
    (key, [value, figure, tag]) => {
      const k = key as keyof typeof scenarioDefaultSources;
      expect(scenarioDefaults[k]).toBe(value);
      expect(scenarioDefaultSources[k].tag).toBe(tag);
      expect(scenarioDefaultSources[k].source).toMatch(figure);
      expect(resolve({ areaHa: 1000 })[k]).toEqual({ value, tag, source: scenarioDefaultSources[k].source });
    },
  );
});
