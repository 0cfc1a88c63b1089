/**
 * Looking machines and crops up (exact messages and hints, with and without close ids), merging a
 * user's catalog over the shipped one (replace by id, append, notes and sources combined), and the
 * operation of each kind of machine.
 */
import { describe, expect, it } from 'vitest';
import { MachineryInputError, UnknownMachineError, type KaravanError } from '../../src/errors.ts';
import { findCrop, findMachine, machineKinds, mergeCatalogs, operationOfKind } from '../../src/machinery/index.ts';
import type { Catalog } from '../../src/machinery/catalog.ts';
import { catalog } from './helpers.ts';

function errorOf(run: () => unknown): KaravanError {
  try {
    run();
  } catch (error) {
    return error as KaravanError;
  }
  throw new Error('expected an error');
}

describe('findMachine and findCrop', () => {
  it('an unknown machine suggests close ids, or says where to list them', () => {
    const close = errorOf(() => findMachine(catalog, 'combine-sp-8m'));
    expect(close).toBeInstanceOf(UnknownMachineError);
    expect(close.message).toBe('unknown machine: combine-sp-8m');
    expect(close.value).toBe('combine-sp-8m');
    expect(close.hint).toMatch(
      /^did you mean combine-sp-\d+m, combine-sp-\d+m, combine-sp-\d+m\? \(list them with: karavan machinery catalog\)$/,
    );
    expect(errorOf(() => findMachine(catalog, 'zzzzzzzzzzzzzzzzzzzz')).hint).toBe(
      'list the ids with: karavan machinery catalog',
    );
  });

  it('an unknown crop lists the known ones and suggests the closest', () => {
    const crops = catalog.crops.map((c) => c.id).join(', ');
    const close = errorOf(() => findCrop(catalog, 'wheet'));
    expect(close).toBeInstanceOf(MachineryInputError);
    expect(close.message).toBe('invalid crop: wheet (not in the catalog)');
    expect(close).toMatchObject({ column: 'crop', value: 'wheet' });
    expect(close.hint).toMatch(new RegExp(`^known crops: ${crops}; did you mean wheat`));
    expect(errorOf(() => findCrop(catalog, 'zzzzzzzzzzzzzzzzzz')).hint).toBe(`known crops: ${crops}`);
    expect(findCrop(catalog, 'wheat').id).toBe('wheat');
  });
});

describe('mergeCatalogs', () => {
  it('replaces by id, appends new ids, concatenates notes and merges sources', () => {
    const combine = findMachine(catalog, 'combine-sp-9m');
    const extra: Catalog = {
      machines: [
        { ...combine, name: 'replaced' },
        { ...combine, id: 'new-one' },
      ],
      crops: [
        { ...catalog.crops[0]!, name: 'renamed' },
        { id: 'millet', name: 'Millet', timelinessLossSharePerDay: {} },
      ],
      notes: ['extra note'],
      sources: { X1: 'extra source' },
    };
    const merged = mergeCatalogs(catalog, extra);
    expect(merged.machines).toHaveLength(catalog.machines.length + 1);
    expect(findMachine(merged, 'combine-sp-9m').name).toBe('replaced');
    expect(merged.machines.map((m) => m.id).indexOf('combine-sp-9m')).toBe(
      catalog.machines.map((m) => m.id).indexOf('combine-sp-9m'),
    );
    expect(merged.machines.at(-1)!.id).toBe('new-one');
    expect(merged.crops).toHaveLength(catalog.crops.length + 1);
    expect(findCrop(merged, catalog.crops[0]!.id).name).toBe('renamed');
    expect(merged.notes).toEqual([...catalog.notes, 'extra note']);
    expect(merged.sources).toEqual({ ...catalog.sources, X1: 'extra source' });
    // The shipped catalog is left as it was.
    expect(findMachine(catalog, 'combine-sp-9m').name).not.toBe('replaced');
  });
});

describe('operations of the machine kinds', () => {
  it('combines harvest, tractors pull, drills seed, sprayers spray, ploughs and harrows till, trucks haul', () => {
    expect(Object.keys(operationOfKind).sort()).toEqual([...machineKinds].sort());
    expect(operationOfKind).toEqual({
      'combine-sp': 'harvest',
      'combine-pull': 'harvest',
      'tractor-4wd': 'traction',
      'tractor-2wd': 'traction',
      'seed-drill': 'seeding',
      sprayer: 'spraying',
      plough: 'tillage',
      'disc-harrow': 'tillage',
      'mining-truck': 'haulage',
    });
    for (const machine of catalog.machines) expect(machine.operation, machine.id).toBe(operationOfKind[machine.kind]);
  });
});
