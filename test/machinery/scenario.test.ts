import { describe, expect, it } from 'vitest';
import { type KaravanError, MachineryInputError, UnknownMachineError } from '../../src/errors.ts';
import {
  requireNoMachineFields,
  resolveScenario,
  scenarioDefaults,
  scenarioDefaultSources,
  scenarioFromJson,
} from '../../src/machinery/index.ts';
import { catalog, presets, resolve } from './helpers.ts';

describe('resolveScenario', () => {
  it('has the documented defaults, each with a source tag', () => {
    expect(scenarioDefaults).toEqual({
      cropId: 'wheat',
      machineId: 'combine-sp-9m',
      windowDays: 10,
      hoursPerDay: 8,
      workableShare: 1,
      purchasePriceShare: 0.9,
      ownershipYears: 10,
      realInterestRate: 0.05,
      taxesInsuranceHousingShare: 0.02,
      fuelPriceUsdPerLitre: 1,
      wageUsdPerHour: 25,
      lubricationShareOfFuel: 0.15,
      fuelLitresPerKwh: 0.223,
      zDivisor: 2,
    });
    expect(Object.isFrozen(scenarioDefaults)).toBe(true);
    const s = resolve({ areaHa: 1000 });
    expect(s.windowDays).toMatchObject({ value: 10, tag: scenarioDefaultSources.windowDays.tag });
    expect(s.ownershipYears).toMatchObject({ value: 10, tag: 'V' });
    expect(s.yieldTPerHa).toMatchObject({ value: 3.5, tag: 'M' });
    expect(s.areaHa).toEqual({ value: 1000, tag: 'user', source: 'user input' });
    expect(s.widthM).toBeUndefined();
  });

  it.each([
    ['areaHa', { areaHa: 0 }],
    ['areaHa', { areaHa: -10 }],
    ['windowDays', { areaHa: 100, windowDays: 0 }],
    ['windowDays', { areaHa: 100, windowDays: -2 }],
    ['widthM', { areaHa: 100, widthM: 0 }],
    ['speedKmh', { areaHa: 100, speedKmh: -6 }],
    ['fieldEfficiency', { areaHa: 100, fieldEfficiency: 0 }],
    ['fieldEfficiency', { areaHa: 100, fieldEfficiency: 1.2 }],
    ['workableShare', { areaHa: 100, workableShare: 0 }],
    ['workableShare', { areaHa: 100, workableShare: 1.01 }],
    ['hoursPerDay', { areaHa: 100, hoursPerDay: 30 }],
    ['realInterestRate', { areaHa: 100, realInterestRate: 5 }],
    ['zDivisor', { areaHa: 100, zDivisor: 3 }],
    ['ownershipYears', { areaHa: 100, ownershipYears: 0 }],
  ])('rejects a bad %s with MachineryInputError naming the field', (field, options) => {
    const run = () => resolve(options);
    expect(run).toThrow(MachineryInputError);
    expect(run).toThrow(new RegExp(`^invalid ${field}: `));
    try {
      run();
    } catch (error) {
      expect((error as KaravanError).column).toBe(field);
    }
  });

  it('requires the area', () => {
    expect(() => resolve({})).toThrow('invalid areaHa: missing');
  });

  it('an unknown machine id throws UnknownMachineError suggesting close ids', () => {
    try {
      resolve({ areaHa: 100, machineId: 'combine-sp-9' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownMachineError);
      expect((error as KaravanError).message).toBe('unknown machine: combine-sp-9');
      expect((error as KaravanError).hint).toContain('combine-sp-9m');
    }
  });

  it('an unknown crop names the known ones', () => {
    expect(() => resolve({ areaHa: 100, cropId: 'wheet' })).toThrow('invalid crop: wheet');
  });

  it('a crop without a default yield asks for one', () => {
    expect(() => resolve({ areaHa: 100, cropId: 'barley' })).toThrow('invalid yieldTPerHa: missing');
    expect(resolve({ areaHa: 100, cropId: 'barley', yieldTPerHa: 2.5, grainPriceUsdPerT: 180 }).yieldTPerHa.tag).toBe(
      'user',
    );
  });

  it('a preset sets values with their source and date; the user overrides them', () => {
    const s = resolve({ areaHa: 10_000, presetId: 'kz-wheat-2023' });
    expect(s.yieldTPerHa).toMatchObject({ value: 0.85, tag: 'preset', asOf: '2023' });
    expect(s.yieldTPerHa.source).toContain('https://introfair.com/');
    expect(s.windowDays).toMatchObject({ value: 20, tag: 'preset' });
    expect(s.preset?.context.map((f) => f.id)).toContain('kz_combines_registered_2020');
    const overridden = resolve({ areaHa: 10_000, presetId: 'kz-wheat-2023', yieldTPerHa: 1.4 });
    expect(overridden.yieldTPerHa).toMatchObject({ value: 1.4, tag: 'user' });
  });

  it('an unknown preset suggests the close one', () => {
    try {
      resolve({ areaHa: 100, presetId: 'kz-wheat-2022' });
      expect.unreachable();
    } catch (error) {
      expect((error as KaravanError).message).toBe('invalid preset: kz-wheat-2022 (not a known preset)');
      expect((error as KaravanError).hint).toContain('kz-wheat-2023');
    }
  });

  it('without a preset file a preset cannot be used', () => {
    expect(() => resolveScenario({ areaHa: 100, presetId: 'kz-wheat-2023' }, { catalog })).toThrow(
      'no preset file loaded',
    );
    expect(resolveScenario({ areaHa: 100 }, { catalog, presets }).preset).toBeUndefined();
  });
});

describe('scenarioFromJson', () => {
  it('reads options and short names', () => {
    expect(
      scenarioFromJson({ crop: 'wheat', areaHa: 10_000, windowDays: 12, preset: 'kz-wheat-2023' }, 's.json'),
    ).toEqual({
      cropId: 'wheat',
      areaHa: 10_000,
      windowDays: 12,
      presetId: 'kz-wheat-2023',
    });
  });

  it.each([
    [{ areaHa: -5 }, 'areaHa', /s\.json: invalid areaHa: -5/],
    [{ areaHa: '10000' }, 'areaHa', /s\.json: areaHa: expected a number, got "10000"/],
    [{ areaHa: 100, windowDay: 10 }, 'windowDay', /s\.json: windowDay: unknown field/],
    [{ areaHa: 100, fieldEfficiency: 1.5 }, 'fieldEfficiency', /invalid fieldEfficiency: 1\.5/],
    [{ areaHa: 100, crop: 7 }, 'crop', /s\.json: crop: expected a non-empty string/],
    [[1, 2], '(top level)', /s\.json: \(top level\): expected an object/],
  ])('rejects %j naming the file and the field', (json, field, message) => {
    try {
      scenarioFromJson(json, 's.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MachineryInputError);
      expect((error as KaravanError).message).toMatch(message);
      expect((error as KaravanError).file).toBe('s.json');
      expect((error as KaravanError).column).toBe(field);
    }
  });

  it('a compare scenario may not set machine-specific fields', () => {
    expect(() => requireNoMachineFields({ areaHa: 100, widthM: 9 }, 'c.json')).toThrow(
      'c.json: widthM: a compare scenario cannot set widthM',
    );
    expect(() => requireNoMachineFields({ areaHa: 100 }, 'c.json')).not.toThrow();
  });
});
