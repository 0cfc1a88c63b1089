import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type KaravanError, BadCatalogError } from '../../src/errors.ts';
import { findMachine, mergeCatalogs, parseCatalog } from '../../src/machinery/index.ts';
import {
  catalogTopKeys,
  classKeys,
  cropKeys,
  overrideKeys,
  rangeKeys,
  userMachineKeys,
  valueKeys,
} from '../../src/machinery/catalog-schema.ts';
import { catalog, catalogJson } from './helpers.ts';

type Json = Record<string, any>;
const clone = (): Json => structuredClone(catalogJson()) as Json;

function expectBad(json: unknown, path: string, message: RegExp, base = undefined as typeof catalog | undefined) {
  try {
    parseCatalog(json, 'my.json', base);
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(BadCatalogError);
    expect((error as KaravanError).file).toBe('my.json');
    expect((error as KaravanError).column).toBe(path);
    expect((error as KaravanError).message).toMatch(message);
    expect((error as KaravanError).message.startsWith(`my.json: ${path}: `)).toBe(true);
  }
}

describe('parseCatalog', () => {
  it('accepts the shipped catalog: classes of every kind, crops, notes', () => {
    const kinds = new Set(catalog.machines.map((m) => m.kind));
    expect([...kinds].sort()).toEqual([
      'combine-pull',
      'combine-sp',
      'disc-harrow',
      'mining-truck',
      'plough',
      'seed-drill',
      'sprayer',
      'tractor-2wd',
      'tractor-4wd',
    ]);
    expect(catalog.crops.map((c) => c.id)).toContain('wheat');
    expect(catalog.notes.join(' ')).toMatch(/Mining trucks.*indicative/);
  });

  it('carries the methods doc tags: combine RF1/RF2 [V*], 4WD tractor RF [V*], 2WD tractor RF [M], labour factor [V]', () => {
    const combine = findMachine(catalog, 'combine-sp-9m');
    expect(combine.repairFactor1).toMatchObject({ value: 0.04, tag: 'V*' });
    expect(combine.repairFactor2).toMatchObject({ value: 2.1, tag: 'V*' });
    expect(combine.labourFactor).toMatchObject({ value: 1.2, tag: 'V' });
    expect(combine.remainingValue?.c1).toMatchObject({ value: 1.132, tag: 'M' });
    expect(findMachine(catalog, 'tractor-4wd-300kw').repairFactor1).toMatchObject({ value: 0.003, tag: 'V*' });
    expect(findMachine(catalog, 'tractor-2wd-90kw').repairFactor1).toMatchObject({ value: 0.007, tag: 'M' });
  });

  it('tags every mining-truck value [M] and says they are indicative', () => {
    const trucks = catalog.machines.filter((m) => m.kind === 'mining-truck' && m.origin === 'class');
    expect(trucks.length).toBeGreaterThanOrEqual(3);
    for (const truck of trucks) {
      expect(truck.note).toMatch(/Indicative only/);
      for (const value of [truck.payloadT, truck.powerKw, truck.listPriceUsd]) expect(value?.tag).toBe('M');
    }
  });

  it('tags every list price [M]: no price in the shipped catalog is presented as verified', () => {
    for (const m of catalog.machines) expect(m.listPriceUsd.tag).toBe('M');
  });

  it("names makers' models only with their country of make and a source per figure; V only from the maker's own page", () => {
    const named = catalog.machines.filter((m) => m.origin === 'named');
    expect(named.map((m) => m.id)).toEqual(expect.arrayContaining(['belaz-75710', 'mtz-1523-5', 'gomselmash-gs4118k']));
    for (const m of named) {
      expect(m.make, m.id).toBeTruthy();
      expect(m.countryOfMake, m.id).toMatch(/^[A-Z]{3}$/);
      // No price of a model: the class placeholder, tagged M.
      expect(m.listPriceUsd.tag, m.id).toBe('M');
      const figures = [m.widthM, m.powerKw, m.payloadT, ...Object.values(m.specs ?? {})].filter(
        (x): x is NonNullable<typeof x> => x !== undefined && x.source !== undefined,
      );
      const base = catalog.machines.find((c) => c.id === m.baseClassId)!;
      const own = figures.filter((f) => ![base.widthM, base.powerKw, base.payloadT].includes(f as never));
      expect(own.length, m.id).toBeGreaterThan(0);
      for (const f of own) {
        expect(f.source, m.id).toMatch(/https?:\/\//);
        // A figure is verified only from the maker's own site; what the press or a dealer reported is unconfirmed.
        if (f.tag === 'V') expect(f.source, m.id).toMatch(/maker's page/);
        else expect(f.tag, m.id).toBe('M');
      }
    }
  });

  it('the JSON Schema file lists the same fields as the validator', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../data/machinery/catalog.schema.json', import.meta.url), 'utf8'),
    ) as Json;
    const keys = (o: Json) => Object.keys(o).sort();
    expect(keys(schema.properties)).toEqual([...catalogTopKeys].sort());
    expect(keys(schema.$defs.class.properties)).toEqual([...classKeys].sort());
    expect(keys(schema.$defs.range.properties)).toEqual([...rangeKeys].sort());
    expect(keys(schema.$defs.value.properties)).toEqual([...valueKeys].sort());
    expect(keys(schema.$defs.crop.properties)).toEqual([...cropKeys].sort());
    expect(keys(schema.$defs.machine.properties)).toEqual([...userMachineKeys].sort());
    expect(keys(schema.$defs.machine.properties.overrides.properties)).toEqual([...overrideKeys].sort());
  });

  it.each<[string, (j: Json) => unknown, string, RegExp]>([
    ['not an object', () => 'x', '(top level)', /expected an object/],
    ['no sections', () => ({ version: 1 }), '(top level)', /at least one of/],
    ['unknown top field', (j) => ({ ...j, clases: [] }), 'clases', /unknown field/],
    ['wrong version', (j) => ({ ...j, version: 2 }), 'version', /unsupported version 2/],
    [
      'speed as text',
      (j) => ((j.classes[0].speedKmh.typical = 'fast'), j),
      'classes[0].speedKmh.typical',
      /expected a number, got "fast"/,
    ],
    ['min above typical', (j) => ((j.classes[0].widthM.min = 20), j), 'classes[0].widthM', /min <= typical <= max/],
    [
      'efficiency above 1',
      (j) => ((j.classes[0].fieldEfficiency.max = 1.3), j),
      'classes[0].fieldEfficiency.max',
      /at most 1/,
    ],
    [
      'bad tag',
      (j) => ((j.classes[1].repairFactor1.tag = 'verified'), j),
      'classes[1].repairFactor1.tag',
      /one of V, V\*, M, user/,
    ],
    [
      'missing source',
      (j) => (delete j.classes[1].lifeHours.source, j),
      'classes[1].lifeHours.source',
      /missing required field/,
    ],
    [
      'missing list price',
      (j) => (delete j.classes[2].listPriceUsd, j),
      'classes[2].listPriceUsd',
      /missing required field/,
    ],
    ['unknown kind', (j) => ((j.classes[0].kind = 'hovercraft'), j), 'classes[0].kind', /expected one of combine-sp/],
    ['duplicate id', (j) => ((j.classes[1].id = j.classes[0].id), j), 'classes[1].id', /duplicate id/],
    [
      'towed without tractor',
      (j) => (delete j.classes.find((c: Json) => c.id === 'seed-drill-6m').defaultTractorId, j),
      `classes[10].defaultTractorId`,
      /missing required field/,
    ],
    [
      'tractor that is a combine',
      (j) => ((j.classes.find((c: Json) => c.id === 'seed-drill-6m').defaultTractorId = 'combine-sp-9m'), j),
      'classes[10].defaultTractorId',
      /not a tractor/,
    ],
    [
      'crop K above 1',
      (j) => ((j.crops[0].timelinessLossSharePerDay.harvest.value = 3), j),
      'crops[0].timelinessLossSharePerDay.harvest.value',
      /at most 1/,
    ],
    [
      'crop K for unknown operation',
      (j) => ((j.crops[0].timelinessLossSharePerDay.mowing = j.crops[0].timelinessLossSharePerDay.harvest), j),
      'crops[0].timelinessLossSharePerDay.mowing',
      /unknown field/,
    ],
  ])('rejects a malformed catalog (%s), naming the file and the field', (_label, mutate, path, message) => {
    expectBad(mutate(clone()), path, message);
  });
});

describe("users' machines", () => {
  const userFile = {
    machines: [
      {
        id: 'demo-combine-a',
        baseClass: 'combine-sp-9m',
        make: 'Example Works',
        model: 'EX-9',
        listPriceUsd: 480_000,
        widthM: 9.2,
        speedKmh: 6.5,
        powerKw: 290,
        source: 'dealer quote, May 2024',
        overrides: { fieldEfficiency: 0.72, repairFactor1: 0.05, remainingValueC1: 1.1 },
      },
    ],
  };

  it('inherit from their class and tag what they give as user', () => {
    const own = parseCatalog(userFile, 'mine.json', catalog);
    const machine = own.machines[0]!;
    expect(machine).toMatchObject({
      id: 'demo-combine-a',
      origin: 'user',
      baseClassId: 'combine-sp-9m',
      kind: 'combine-sp',
      name: 'Example Works EX-9',
    });
    expect(machine.listPriceUsd).toEqual({
      min: 480_000,
      typical: 480_000,
      max: 480_000,
      tag: 'user',
      source: 'dealer quote, May 2024',
    });
    expect(machine.fieldEfficiency?.typical).toBe(0.72);
    expect(machine.repairFactor1).toMatchObject({ value: 0.05, tag: 'user' });
    expect(machine.repairFactor2).toMatchObject({ value: 2.1, tag: 'V*' });
    expect(machine.remainingValue?.c1).toMatchObject({ value: 1.1, tag: 'user' });
    expect(machine.remainingValue?.c2.tag).toBe('M');
    const merged = mergeCatalogs(catalog, own);
    expect(findMachine(merged, 'demo-combine-a').make).toBe('Example Works');
    expect(merged.machines.length).toBe(catalog.machines.length + 1);
  });

  it.each<[string, Json, string, RegExp]>([
    [
      'unknown base class',
      { machines: [{ ...userFile.machines[0], baseClass: 'combine-sp-99m' }] },
      'machines[0].baseClass',
      /unknown class "combine-sp-99m"/,
    ],
    [
      'negative price',
      { machines: [{ ...userFile.machines[0], listPriceUsd: -1 }] },
      'machines[0].listPriceUsd',
      /greater than 0/,
    ],
    [
      'missing make',
      { machines: [{ ...userFile.machines[0], make: undefined }] },
      'machines[0].make',
      /missing required field/,
    ],
    [
      'typo in overrides',
      { machines: [{ ...userFile.machines[0], overrides: { fieldEfficency: 0.7 } }] },
      'machines[0].overrides.fieldEfficency',
      /unknown field/,
    ],
    [
      'efficiency above 1',
      { machines: [{ ...userFile.machines[0], overrides: { fieldEfficiency: 1.2 } }] },
      'machines[0].overrides.fieldEfficiency',
      /at most 1/,
    ],
    ['bad id', { machines: [{ ...userFile.machines[0], id: 'my combine' }] }, 'machines[0].id', /ids use letters/],
  ])('reject a bad entry (%s), naming the file and the field', (_label, json, path, message) => {
    expectBad(json, path, message, catalog);
  });
});
