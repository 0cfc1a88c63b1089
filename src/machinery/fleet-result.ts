/**
 * What `karavan machinery fleet` and `POST /api/machinery/fleet` answer, assembled once: the plan, the fleet-size
 * table over the default sizes around the window fleet, the sensitivity table, and the staff the window fleet needs
 * (operators per shift with reserve, mechanics, service engineers, training), so no interface builds its own.
 */
import { fleetSizeTable, type FleetSizeTable } from './fleet-size-table.ts';
import type { FleetPlan } from './plan-fleet.ts';
import { sensitivityTable, type SensitivityTable } from './sensitivity.ts';
import { planStaff, staffPlaceholders, type StaffPlan } from './staff.ts';
import type { TaggedValue } from './tags.ts';

export interface FleetResultOptions {
  /** Fleet sizes of the table. @default defaultFleetSizes(plan) */
  sizes?: number[];
  /** The workable share of the table's alternative column. @default 1 when the plan's is below 1, else 0.7 */
  altWorkableShare?: number;
  /** Factors of the sensitivity table. @default sensitivityTable's */
  factors?: number[];
}

export interface FleetResult {
  plan: FleetPlan;
  fleetSizeTable: FleetSizeTable;
  sensitivity: SensitivityTable;
  /** The window fleet's staff: shifts from the working day and a shift's length, with a reserve (both tagged). */
  staff: StaffPlan & { shifts: number; shiftHours: TaggedValue; reserveShare: TaggedValue };
}

/** The cost-minimising fleet, 60-140 % of the window fleet and the window fleet itself, distinct and ascending. */
export function defaultFleetSizes(plan: FleetPlan): number[] {
  const n = plan.window.machines;
  return [
    ...new Set([
      plan.costMinimisingFleet.machines,
      Math.round(n * 0.6),
      Math.round(n * 0.75),
      n,
      Math.round(n * 1.2),
      Math.round(n * 1.4),
    ]),
  ]
    .filter((x) => x >= 1)
    .sort((x, y) => x - y);
}

export function fleetResult(plan: FleetPlan, options: FleetResultOptions = {}): FleetResult {
  const alternative = options.altWorkableShare ?? (plan.inputs.workableShare < 1 ? 1 : 0.7);
  const { shiftHours, reserveShare } = staffPlaceholders;
  const shifts = Math.min(3, Math.max(1, Math.ceil(plan.inputs.hoursPerDay / shiftHours.value - 1e-9)));
  return {
    plan,
    fleetSizeTable: fleetSizeTable(plan.inputs, options.sizes ?? defaultFleetSizes(plan), alternative),
    sensitivity: sensitivityTable(plan.inputs, options.factors ? { factors: options.factors } : {}),
    staff: {
      ...planStaff({ machines: plan.window.machines, shifts, reserveShare: reserveShare.value }),
      shifts,
      shiftHours,
      reserveShare,
    },
  };
}
