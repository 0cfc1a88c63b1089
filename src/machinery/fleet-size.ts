/**
 * (F2) Area one machine covers in the window: `A_m [ha] = C_e * G * D_w * pwd`.
 * (F3) Machines needed: `N = ceil(A / A_m)`.
 */
import { requireHoursPerDay, requirePositive, requireShare } from './validate.ts';

export interface WindowInput {
  areaHa: number;
  capacityHaPerHour: number;
  hoursPerDay: number;
  /** Calendar days in the window D_w. */
  windowDays: number;
  /** pwd: share of calendar days in the window that are workable, in (0, 1]. */
  workableShare: number;
}

export interface MachinesNeeded {
  /** F2: area one machine covers in the window, ha. */
  areaPerMachineHa: number;
  /** A / A_m before rounding up. */
  exactMachines: number;
  /** F3: whole machines needed. */
  machines: number;
}

/** F2: area one machine covers in the window, ha. */
export function areaPerMachineHa(
  capacityHaPerHour: number,
  hoursPerDay: number,
  windowDays: number,
  workableShare: number,
): number {
  requirePositive('capacityHaPerHour', capacityHaPerHour);
  requireHoursPerDay('hoursPerDay', hoursPerDay);
  requirePositive('windowDays', windowDays);
  requireShare('workableShare', workableShare);
  return capacityHaPerHour * hoursPerDay * windowDays * workableShare;
}

/**
 * Rounds up, forgiving floating-point noise (30.000000000004 machines is 30, not 31). Monotone:
 * a larger ratio never gives a smaller count.
 */
export function ceilMachines(exactMachines: number): number {
  return Math.max(1, Math.ceil(exactMachines - 1e-9 * Math.max(1, exactMachines)));
}

/** F2 + F3: machines needed to cover the area inside the window, with the parts. */
export function machinesNeeded(input: WindowInput): MachinesNeeded {
  requirePositive('areaHa', input.areaHa);
  const perMachineHa = areaPerMachineHa(
    input.capacityHaPerHour,
    input.hoursPerDay,
    input.windowDays,
    input.workableShare,
  );
  const exactMachines = input.areaHa / perMachineHa;
  return { areaPerMachineHa: perMachineHa, exactMachines, machines: ceilMachines(exactMachines) };
}
