/**
 * A working unit: the machine that works the field, and for a towed machine the tractor that
 * pulls it (cost objects kept separate, as F18 recommends for combine and header).
 */
import { MachineryInputError } from '../errors.ts';
import { findMachine, type Catalog, type Machine } from './catalog.ts';
import { isTractorKind } from './catalog-schema.ts';

export interface MachineUnit {
  machine: Machine;
  /** Present when the machine is towed: supplies power, fuel and the operator. */
  tractor?: Machine;
}

export function resolveUnit(catalog: Catalog, machineId: string, tractorId?: string): MachineUnit {
  const machine = findMachine(catalog, machineId);
  if (isTractorKind(machine.kind)) {
    throw new MachineryInputError(
      `invalid machine: ${machineId} (a tractor does no field work alone; plan the implement it pulls)`,
      {
        column: 'machine',
        value: machineId,
        hint: `e.g. --machine seed-drill-12m --tractor ${machineId}`,
      },
    );
  }
  if (machine.operation === 'haulage') {
    throw new MachineryInputError(
      `invalid machine: ${machineId} (a mining truck; the field planner F1-F20 does not apply to haulage, and its catalog values are indicative [M])`,
      { column: 'machine', value: machineId },
    );
  }
  if (machine.selfPropelled) {
    if (tractorId !== undefined)
      throw new MachineryInputError(
        `invalid tractor: ${tractorId} (${machineId} is self-propelled and takes no tractor)`,
        { column: 'tractor', value: tractorId },
      );
    return { machine };
  }
  const chosen = tractorId ?? machine.defaultTractorId;
  if (chosen === undefined)
    throw new MachineryInputError(
      `invalid tractor: missing (${machineId} is towed and its class names no default tractor)`,
      { column: 'tractor' },
    );
  const tractor = findMachine(catalog, chosen);
  if (!isTractorKind(tractor.kind))
    throw new MachineryInputError(`invalid tractor: ${chosen} (a ${tractor.kind}, not a tractor)`, {
      column: 'tractor',
      value: chosen,
    });
  return { machine, tractor };
}
